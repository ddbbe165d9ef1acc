package io.gamedata.streams.topology;

import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * What this instance's reference router did, shared by the tasks of one topology: when it last read
 * a reference record, and how many reference updates it routed to each game partition versus how
 * many the game tasks have processed. A game task holding games waits while updates routed to its
 * partition are still in flight (uncommitted, or fetched but not processed yet: consumer lag does
 * not see records buffered in the application) and while the router is not quiet. Times come from
 * the processors' contexts (wall clock, or the test driver's mock clock). Counts are reset when a
 * task starts (after a rebalance or an aborted transaction, records are routed again).
 */
final class ReferenceActivity {

  private final LongSerializer keys = new LongSerializer();
  private final AtomicLongArray routed;
  private final AtomicLongArray processed;
  private volatile long lastReadMs = Long.MIN_VALUE / 2;

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

  /** Forgets what is in flight (a task started: what was routed before is routed again). */
  void reset() {
    for (int p = 0; p < routed.length(); p++) {
      processed.set(p, routed.get(p));
    }
  }
}
