package io.gamedata.recommender.adapter.kafka;

import io.gamedata.recommender.engine.SimilarityEngine;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves what a restart starts from, only once the lists it reflects are on the similar topic (the
 * producer flushed first): the {@link OffsetSnapshot} (small, written on the writer thread) and the
 * full {@link StateSnapshot} (taken on the writer thread, written on a background thread; skipped
 * while the previous write still runs). Nothing is saved when publishing is off. Tracks whether the
 * engine changed since the last state snapshot.
 */
final class SnapshotWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotWriter.class);

  private final FollowerSettings settings;
  private final SimilarityEngine engine;
  private final ListPublisher publisher;
  private final ExecutorService stateWriter =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "recommender-state-writer");
            t.setDaemon(true);
            return t;
          });
  private Future<?> stateWrite;

  /** True when the engine changed since the last state snapshot (or none was loaded or taken). */
  private boolean stateDirty = true;

  SnapshotWriter(FollowerSettings settings, SimilarityEngine engine, ListPublisher publisher) {
    this.settings = settings;
    this.engine = engine;
    this.publisher = publisher;
  }

  boolean stateDirty() {
    return stateDirty;
  }

  /** The engine changed: the next state snapshot is due. */
  void changed() {
    stateDirty = true;
  }

  /** The engine was loaded from the state snapshot on disk: nothing to save yet. */
  void loaded() {
    stateDirty = false;
  }

  /** Saves the consumer's positions as the offset snapshot (after the producer flushed). */
  void saveOffsets(KafkaConsumer<Long, byte[]> c, List<TopicPartition> parts) {
    if (!settings.publishSimilar()) {
      return;
    }
    publisher.flush();
    new OffsetSnapshot(
            settings.enrichedTopic(),
            settings.similarTopic(),
            settings.listSize(),
            positions(c, parts),
            Instant.now())
        .write(settings.stateDir());
  }

  /**
   * Takes the engine's state with the current positions (after the producer flushed the lists they
   * produced) and writes it in the background, or here when {@code wait}. Skipped while the
   * previous write is still running (unless {@code wait}).
   */
  void saveState(KafkaConsumer<Long, byte[]> c, List<TopicPartition> parts, boolean wait) {
    if (!settings.publishSimilar()) {
      return;
    }
    if (stateWrite != null && !stateWrite.isDone()) {
      if (!wait) {
        return;
      }
      awaitWrite();
    }
    publisher.flush();
    Map<Integer, Long> offsets = positions(c, parts);
    long t0 = System.nanoTime();
    StateSnapshot s =
        new StateSnapshot(
            settings.enrichedTopic(),
            settings.similarTopic(),
            settings.listSize(),
            settings.engineFingerprint(),
            offsets,
            Instant.now(),
            engine.exportState());
    long taken = System.nanoTime();
    stateDirty = false;
    stateWrite =
        stateWriter.submit(
            () -> {
              try {
                long bytes = s.write(settings.stateDir());
                LOG.info(
                    "state snapshot written: {} games, {} MB at offsets {}: export {} ms, write {}"
                        + " ms",
                    s.engine().games().size(),
                    bytes >> 20,
                    offsets,
                    (taken - t0) / 1_000_000,
                    (System.nanoTime() - taken) / 1_000_000);
              } catch (RuntimeException e) {
                LOG.error("writing the state snapshot failed (a restart reads Kafka instead)", e);
              }
            });
    if (wait) {
      awaitWrite();
    }
  }

  /** Waits for a background write still running (if any). */
  void awaitWrite() {
    if (stateWrite == null) {
      return;
    }
    try {
      stateWrite.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.error("state snapshot write failed", e.getCause());
    }
  }

  private static Map<Integer, Long> positions(
      KafkaConsumer<Long, byte[]> c, List<TopicPartition> parts) {
    Map<Integer, Long> offsets = new HashMap<>();
    for (TopicPartition tp : parts) {
      offsets.put(tp.partition(), c.position(tp));
    }
    return offsets;
  }

  @Override
  public void close() {
    stateWriter.shutdown();
  }
}
