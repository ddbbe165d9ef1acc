package io.gamedata.streams.topology;

import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * What this instance's reference router did, shared by the tasks of one topology: when it last read
 * a reference record, and how many reference updates it routed to each game partition versus how
 * many the game tasks have processed. A game task holding games waits while updates routed to its
 * partition are still in flight (uncommitted, or fetched but not processed yet: consumer lag does
 * not see records buffered in the application) and while the router is not quiet. Times come from
 * the processors' contexts (wall clock, or the test driver's mock clock). Counts are never reset: a
 * reset when one task started hid the updates other tasks had in flight (a bulk load then emitted
 * games before their references and re-enriched them). Records routed again after an aborted
 * transaction leave a partition counted in flight; the emit policy's forced emission (4 x {@code
 * emit.max.wait.ms}) bounds that rare case.
 */
final class ReferenceActivity {

  private final LongSerializer keys = new LongSerializer();
  private final AtomicLongArray routed;
  private final AtomicLongArray processed;
  private volatile long lastReadMs = Long.MIN_VALUE / 2;
  private volatile long lastInputMs = Long.MIN_VALUE / 2;

  ReferenceActivity(int gamePartitions) {
    this.routed = new AtomicLongArray(gamePartitions);
    this.processed = new AtomicLongArray(gamePartitions);
  }

  void read(long nowMs) {
    if (nowMs > lastReadMs) {
      lastReadMs = nowMs;
    }
  }

  long lastReadMs() {
    return lastReadMs;
  }

  /** A game task read an input record (a game or a reference update) at {@code nowMs}. */
  void input(long nowMs) {
    if (nowMs > lastInputMs) {
      lastInputMs = nowMs;
    }
  }

  long lastInputMs() {
    return lastInputMs;
  }

  /** The router forwards {@code update} keyed by {@code key} (same partitioning as the topic). */
  void routed(Long key, RefUpdate update) {
    if (update.broadcast()) {
      for (int p = 0; p < routed.length(); p++) {
        routed.incrementAndGet(p);
      }
    } else {
      int p = ReferencePartitioner.partitionOf(keys.serialize("", key), routed.length());
      routed.incrementAndGet(p);
    }
  }

  /** A game task of {@code partition} processed one reference update. */
  void processed(int partition) {
    if (partition < processed.length()) {
      processed.incrementAndGet(partition);
    }
  }

  /** True while updates routed here to {@code partition} have not been processed yet. */
  boolean inFlight(int partition) {
    return partition < routed.length() && routed.get(partition) > processed.get(partition);
  }
}
