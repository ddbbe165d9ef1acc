package io.gamedata.platform.demo;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a set of latencies in milliseconds (nearest-rank). */
public record LatencyStats(int count, long p50, long p95, long p99, long max) {

  public static LatencyStats of(Collection<Long> millis) {
    if (millis.isEmpty()) {
      return new LatencyStats(0, -1, -1, -1, -1);
    }
    long[] a = millis.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(a);
    return new LatencyStats(a.length, rank(a, 50), rank(a, 95), rank(a, 99), a[a.length - 1]);
  }

  private static long rank(long[] sorted, int percentile) {
    int idx = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
  }

  @Override
  public String toString() {
    return String.format("n=%d p50=%d ms p95=%d ms p99=%d ms max=%d ms", count, p50, p95, p99, max);
  }
}
