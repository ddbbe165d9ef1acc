package io.gamedata.bench;

import io.gamedata.producer.ProducerContext;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.fetch.FetchSummary;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * The producer side of {@link ProducerFetchBench}, run in its own JVM so that its heap is measured
 * alone: a fetch configured from the environment, then one line {@code CHILD requests=... }.
 */
public final class ProducerFetchChild {

  private ProducerFetchChild() {}

  public static void main(String[] args) {
    ProducerConfig config = ProducerConfig.fromEnv(System.getenv());
    FetchSummary s;
    try (ProducerContext p = ProducerContext.open(config)) {
      s = p.fetch();
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println(s.render());
    System.out.println(
        String.format(
            Locale.ROOT,
            "CHILD requests=%d seconds=%.1f records=%d throttled=%d retries=%d bad=%d heap_mb=%d"
                + " cpu_s=%.1f",
            s.requests(),
            s.elapsed().toMillis() / 1000.0,
            s.totalRecords(),
            s.throttled(),
            s.retries(),
            s.badIds().size(),
            peak / (1024 * 1024),
            cpuSeconds()));
    System.exit(0);
  }

  /** CPU time of this JVM so far (all threads). */
  static double cpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1e9;
    }
    return -1;
  }
}
