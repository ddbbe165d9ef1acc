package io.gamedata.recommender.adapter.kafka;

import io.gamedata.recommender.engine.SimilarityEngine;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the enriched topic on one writer thread and keeps the engine and the similar topic
 * current.
 *
 * <p>Every replica reads every partition (manual assignment, no consumer group). Start-up ({@link
 * Startup}):
 *
 * <ol>
 *   <li>With a valid {@link StateSnapshot} (same topics, K' and engine settings, offsets within the
 *       topic): {@link SimilarityEngine#importState} (no scoring, no Kafka reads), then catch up
 *       the tail from its offsets. Start mode {@code snapshot}.
 *   <li>Else, with a valid {@link OffsetSnapshot} (same topics and K', offsets not beyond the
 *       topic's end): read the documents up to the snapshot's offsets, read the similar topic to
 *       its end, {@link SimilarityEngine#restore} (index only, lists taken as published), then
 *       catch up. Start mode {@code restore}.
 *   <li>Otherwise: read the documents up to the end offsets seen at start, {@link
 *       SimilarityEngine#buildAll} once, publish every list, then catch up. Start mode {@code
 *       build}.
 * </ol>
 *
 * Then ({@link LiveLoop}) each polled batch is applied record by record (upsert, or delete on a
 * tombstone) and the lists that changed are published ({@link ListPublisher}; tombstones for
 * deleted games); a backlog larger than half the index is taken by one full build ({@link
 * BulkCatchUp}). Offsets are saved every {@code snapshotIntervalMs}, after the producer flushed.
 * The full state snapshot is written in the background when caught up after a start-up that did not
 * load one, every {@code stateIntervalMs} while records keep changing it, and on close ({@link
 * SnapshotWriter}). Unreadable records go to the dead-letter topic ({@link EnrichedRecords}).
 * {@link #ready()} turns true the first time the consumer reached the end offsets seen when live
 * processing began.
 */
public final class EnrichedFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichedFollower.class);

  /** Where the follower is. */
  public enum Phase {
    STARTING,
    LOADING,
    BUILDING,
    CATCHING_UP,
    LIVE,
    FAILED,
    STOPPED
  }

  private final FollowerSettings settings;
  private final SimilarityEngine engine;
  private final FollowerMetrics metrics;
  private final FollowerStatus status = new FollowerStatus();
  private final Thread thread;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile KafkaConsumer<Long, byte[]> consumer;
  private volatile ListPublisher publisher;

  public EnrichedFollower(
      FollowerSettings settings, SimilarityEngine engine, MeterRegistry meters) {
    this.settings = settings;
    this.engine = engine;
    this.metrics = new FollowerMetrics(meters, this);
    this.thread = new Thread(this::run, "recommender-writer");
    this.thread.setDaemon(true);
  }

  /** Starts the writer thread. */
  public EnrichedFollower start() {
    thread.start();
    return this;
  }

  /** True once caught up (lag 0 reached at least once after start-up). */
  public boolean ready() {
    return status.ready;
  }

  /** True while the writer thread runs without failure. */
  public boolean alive() {
    Phase p = status.phase;
    return p != Phase.FAILED && p != Phase.STOPPED;
  }

  public Phase phase() {
    return status.phase;
  }

  /** Records of the enriched topic not yet applied; -1 when unknown. */
  public long lag() {
    return status.lag;
  }

  /** "snapshot", "restore" or "build" once start-up chose. */
  public String startMode() {
    return status.startMode;
  }

  /** Lists waiting in the republish backlog (a new IDF generation's or a bulk build's). */
  int backlog() {
    ListPublisher p = publisher;
    return p == null ? 0 : p.backlogSize();
  }

  @Override
  public void close() {
    status.running = false;
    KafkaConsumer<Long, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      if (thread.isAlive() && !stopped.await(60, TimeUnit.SECONDS)) {
        LOG.warn("writer thread did not stop within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    SnapshotWriter snapshots = null;
    try (KafkaConsumer<Long, byte[]> c =
            new KafkaConsumer<>(
                KafkaClients.consumer(settings, "enriched"),
                new LongDeserializer(),
                new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                KafkaClients.producer(settings),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
      consumer = c;
      ListPublisher pub = new ListPublisher(settings, producer, metrics.published);
      publisher = pub;
      EnrichedRecords records = new EnrichedRecords(settings, producer, metrics.invalidRecords);
      snapshots = new SnapshotWriter(settings, engine, pub);
      FollowerParts parts =
          new FollowerParts(settings, engine, status, metrics, records, pub, snapshots);
      List<TopicPartition> partitions = new Startup(parts).run(c);
      if (partitions != null) {
        new LiveLoop(parts).run(c, partitions);
      }
    } catch (WakeupException e) {
      // close() during a blocking call
    } catch (Throwable e) {
      status.phase = Phase.FAILED;
      LOG.error("recommender writer failed", e);
    } finally {
      if (status.phase != Phase.FAILED) {
        status.phase = Phase.STOPPED;
      }
      if (snapshots != null) {
        snapshots.close();
      }
      consumer = null;
      stopped.countDown();
    }
  }
}
