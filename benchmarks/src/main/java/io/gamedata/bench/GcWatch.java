package io.gamedata.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Counts this JVM's GC events between {@link #start()} and {@link #stop()}: how many, total and
 * longest duration (for stop-the-world collectors the pause; for ZGC the cycle, whose pauses are
 * far shorter).
 */
final class GcWatch {

  private final AtomicLong count = new AtomicLong();
  private final AtomicLong totalMs = new AtomicLong();
  private final AtomicLong maxMs = new AtomicLong();
  private final List<Runnable> undo = new ArrayList<>();
  private volatile boolean on;
  private long cpu0;
  private long[] ticks0;
  private java.util.Map<String, Long> threads0;
  private long wall0;

  GcWatch start() {
    NotificationListener l =
        (n, h) -> {
          if (!on
              || !n.getType()
                  .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
          }
          var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          if (info.getGcName().contains("Cycles")) {
            return; // ZGC concurrent cycles are not pauses
          }
          long d = info.getGcInfo().getDuration();
          count.incrementAndGet();
          totalMs.addAndGet(d);
          maxMs.accumulateAndGet(d, Math::max);
        };
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (b instanceof NotificationEmitter e) {
        e.addNotificationListener(l, null, null);
        undo.add(
            () -> {
              try {
                e.removeNotificationListener(l);
              } catch (Exception ignored) {
                // already gone
              }
            });
      }
    }
    cpu0 = processCpuNanos();
    ticks0 = userSystemTicks();
    threads0 = threadTicks();
    wall0 = System.nanoTime();
    on = true;
    return this;
  }

  /** GC figures and the process CPU (in cores: 1.0 = one core busy all the time) since start. */
  String stop() {
    on = false;
    undo.forEach(Runnable::run);
    double wall = (System.nanoTime() - wall0) / 1e9;
    double cores = (processCpuNanos() - cpu0) / 1e9 / wall;
    long[] t = userSystemTicks();
    return String.format(
        "gc_events=%d gc_total_ms=%d gc_max_ms=%d process_cpu_cores=%.3f (user %.3f, system %.3f)",
        count.get(),
        totalMs.get(),
        maxMs.get(),
        cores,
        (t[0] - ticks0[0]) / 100.0 / wall,
        (t[1] - ticks0[1]) / 100.0 / wall);
  }

  /**
   * Where the CPU went since {@link #start()}: the busiest native threads (JIT and GC threads
   * included), grouped by name with digits folded, in cores.
   */
  String busiestThreads(int top) {
    java.util.Map<String, Long> now = threadTicks();
    double wall = (System.nanoTime() - wall0) / 1e9;
    java.util.Map<String, Long> byGroup = new java.util.HashMap<>();
    now.forEach(
        (key, ticks) -> {
          long d = ticks - threads0.getOrDefault(key, 0L);
          String group = key.substring(key.indexOf('/') + 1).replaceAll("[0-9]+", "N");
          byGroup.merge(group, d, Long::sum);
        });
    StringBuilder out = new StringBuilder();
    byGroup.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e -> out.append(String.format(" %s=%.3f", e.getKey(), e.getValue() / 100.0 / wall)));
    return out.toString().trim();
  }

  /** CPU ticks (user + system) per native thread, keyed "tid/name". */
  private static java.util.Map<String, Long> threadTicks() {
    java.util.Map<String, Long> m = new java.util.HashMap<>();
    try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
      tasks.forEach(
          t -> {
            try {
              String stat = java.nio.file.Files.readString(t.resolve("stat"));
              String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
              String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
              m.put(t.getFileName() + "/" + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
            } catch (Exception e) {
              // thread ended
            }
          });
    } catch (Exception e) {
      // not Linux
    }
    return m;
  }

  /** User and system CPU ticks (1/100 s on Linux) of this process; zeros elsewhere. */
  static long[] userSystemTicks() {
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
    } catch (Exception e) {
      return new long[2];
    }
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static String collectors() {
    List<String> names = new ArrayList<>();
    ManagementFactory.getGarbageCollectorMXBeans().forEach(b -> names.add(b.getName()));
    return String.join("+", names);
  }
}
