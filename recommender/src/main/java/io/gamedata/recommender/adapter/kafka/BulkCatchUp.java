package io.gamedata.recommender.adapter.kafka;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.UpdateResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backlog larger than half the index (a catalogue pouring in: the first start of a stack, a
 * replay) is taken by one full build on every core rather than by as many exact upserts, each of
 * which costs a query over the index (at 350k about 2 ms, a full build about 0.75 ms of CPU per
 * game).
 */
final class BulkCatchUp {

  private static final Logger LOG = LoggerFactory.getLogger(BulkCatchUp.class);

  /** A batch this large asks the broker for the end offsets (see {@link #due}). */
  static final int BULK_PROBE_BATCH = 1_000;

  private final FollowerParts p;

  BulkCatchUp(FollowerParts parts) {
    this.p = parts;
  }

  /**
   * True when more records wait (the batch in hand and the lag behind it) than half the index holds
   * and at least {@code bulk.min.backlog}.
   *
   * <p>A small batch with a small known lag is a steady trickle and costs no broker request. The
   * consumer's own lag can be stale (a transaction's commit markers reach the partitions one after
   * the other, so a first fetch may see only some of them committed), so a batch of at least 1,000
   * records, or one whose known lag already reaches the threshold, asks the broker for the end
   * offsets (read_committed: the last stable offsets).
   */
  boolean due(KafkaConsumer<Long, byte[]> c, List<TopicPartition> parts, int polled) {
    long threshold = Math.max(p.settings().bulkMinBacklog(), p.engine().size() / 2);
    long known = polled;
    for (TopicPartition tp : parts) {
      known += c.currentLag(tp).orElse(0);
    }
    if (polled < BULK_PROBE_BATCH && known < threshold) {
      return false;
    }
    long total = polled;
    Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(10));
    for (TopicPartition tp : parts) {
      total += Math.max(0, end.get(tp) - c.position(tp));
    }
    return total >= threshold;
  }

  /**
   * Reads every record up to the end offsets of now, on top of the indexed documents, and builds
   * the whole index once (a fresh IDF generation of the grown catalogue); the lists that changed go
   * to the republish backlog, games deleted meanwhile get their tombstone.
   */
  void run(
      KafkaConsumer<Long, byte[]> c,
      List<TopicPartition> parts,
      ConsumerRecords<Long, byte[]> first) {
    long t0 = System.nanoTime();
    Map<TopicPartition, Long> target = c.endOffsets(parts, Duration.ofSeconds(30));
    Map<Long, EnrichedGame> docs = new HashMap<>();
    for (EnrichedGame g : p.engine().exportState().games()) {
      docs.put(g.id(), g);
    }
    Set<Long> before = new HashSet<>(docs.keySet());
    long read = 0;
    ConsumerRecords<Long, byte[]> batch = first;
    while (true) {
      for (ConsumerRecord<Long, byte[]> r : batch) {
        read++;
        if (r.value() == null) {
          if (r.key() != null) {
            docs.remove(r.key());
          }
        } else {
          EnrichedGame g = p.records().parse(r);
          if (g != null) {
            docs.put(g.id(), g);
          }
        }
        p.metrics().applied.increment();
      }
      if (!p.status().running || parts.stream().allMatch(tp -> c.position(tp) >= target.get(tp))) {
        break;
      }
      batch = c.poll(Duration.ofMillis(200));
    }
    long readAt = System.nanoTime();
    UpdateResult r = p.engine().buildAll(docs.values());
    p.metrics().bulkBuilds.increment();
    before.removeAll(docs.keySet());
    if (p.publisher().enabled()) {
      for (long id : before) {
        p.publisher().send(id, null);
      }
      p.publisher().dequeue(before);
      p.publisher().enqueue(r.changedLists());
    }
    LOG.info(
        "bulk catch-up: {} records read in {} ms, {} games built in {} ms (idf generation {}),"
            + " {} lists to publish",
        read,
        (readAt - t0) / 1_000_000,
        docs.size(),
        (System.nanoTime() - readAt) / 1_000_000,
        r.idfGeneration(),
        r.changedLists().size());
  }
}
