package io.gamedata.recommender.adapter.kafka;

import io.gamedata.contracts.json.JsonSerde;
import io.gamedata.contracts.similar.SimilarGames;
import io.gamedata.recommender.engine.SimilarityEngine;
import io.micrometer.core.instrument.Counter;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes lists to the similar topic (a null list is a tombstone), on the writer thread.
 *
 * <p>Fresh changes are sent at once. Lists a new IDF generation or a bulk build changed go to a
 * backlog that {@link #publishBacklog} sends a slice per loop round, so a fresh change waits at
 * most that long behind a catalogue-wide republish; backlog sends in flight are bounded, so the
 * backlog never fills the producer's buffer ahead of fresh changes. A failed send is queued to be
 * published again from the current state (never silently lost).
 */
final class ListPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(ListPublisher.class);
  private static final JsonSerde<SimilarGames> LISTS = new JsonSerde<>(SimilarGames.class);
  private static final LongSerializer KEYS = new LongSerializer();

  /** Time one loop round may spend on the backlog before it polls again. */
  private static final long REPUBLISH_SLICE_NANOS = 20_000_000L;

  /** Backlog lists sent but not acknowledged yet, at most this many. */
  private static final int MAX_BACKLOG_IN_FLIGHT = 256;

  private final String topic;
  private final boolean enabled;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Counter published;

  /** Lists of a new IDF generation or a bulk build not published yet. */
  private final Set<Long> backlog = new LinkedHashSet<>();

  private final AtomicInteger backlogInFlight = new AtomicInteger();

  /** Ids whose publication failed (producer callback thread), republished by the loop. */
  private final Queue<Long> failedSends = new ConcurrentLinkedQueue<>();

  /** Time the last loop round spent applying records. */
  private long lastApplyNanos;

  ListPublisher(
      FollowerSettings settings, KafkaProducer<byte[], byte[]> producer, Counter published) {
    this.topic = settings.similarTopic();
    this.enabled = settings.publishSimilar();
    this.producer = producer;
    this.published = published;
  }

  /** False when publishing is off ({@code publish.similar}): nothing goes to the similar topic. */
  boolean enabled() {
    return enabled;
  }

  /** Publishes a list now (null = tombstone). */
  void send(long id, SimilarGames value) {
    send(id, value, false);
  }

  /** Publishes every stored list of the engine, then flushes (after a full build). */
  void sendAll(SimilarityEngine engine) {
    for (SimilarGames l : engine.snapshot()) {
      send(l.gameId(), l);
    }
    producer.flush();
  }

  /** Waits until everything sent is acknowledged. */
  void flush() {
    producer.flush();
  }

  /** Adds lists to the backlog (published from the engine's state when their turn comes). */
  void enqueue(Collection<Long> ids) {
    backlog.addAll(ids);
  }

  /** Takes lists out of the backlog (published meanwhile, or deleted). */
  void dequeue(Collection<Long> ids) {
    backlog.removeAll(ids);
  }

  boolean backlogEmpty() {
    return backlog.isEmpty();
  }

  int backlogSize() {
    return backlog.size();
  }

  /** Records how long the loop round spent applying records (the backlog may take a quarter). */
  void applied(long nanos) {
    lastApplyNanos = nanos;
  }

  /**
   * Sends backlog lists (and those whose send failed) for at least a slice, and a quarter of the
   * time the round spent applying records (so a backlog drains while a large catch-up is applied,
   * and a live change waits at most a slice), within the in-flight bound.
   */
  void publishBacklog(SimilarityEngine engine) {
    for (Long id = failedSends.poll(); id != null; id = failedSends.poll()) {
      backlog.add(id);
    }
    if (backlog.isEmpty()) {
      return;
    }
    Iterator<Long> it = backlog.iterator();
    long until = System.nanoTime() + Math.max(REPUBLISH_SLICE_NANOS, lastApplyNanos / 4);
    lastApplyNanos = 0;
    while (it.hasNext()
        && backlogInFlight.get() < MAX_BACKLOG_IN_FLIGHT
        && System.nanoTime() < until) {
      long id = it.next();
      it.remove();
      Optional<SimilarGames> l = engine.list(id);
      // a game no longer indexed (deleted meanwhile, or a failed tombstone): its tombstone
      send(id, l.orElse(null), true);
    }
  }

  private void send(long id, SimilarGames value, boolean fromBacklog) {
    if (fromBacklog) {
      backlogInFlight.incrementAndGet();
    }
    producer.send(
        new ProducerRecord<>(
            topic, KEYS.serialize(topic, id), value == null ? null : LISTS.toBytes(value)),
        (md, e) -> {
          if (fromBacklog) {
            backlogInFlight.decrementAndGet();
          }
          if (e != null) {
            LOG.error("publishing the list of game {} failed: it is published again", id, e);
            failedSends.add(id);
          }
        });
    published.increment();
  }
}
