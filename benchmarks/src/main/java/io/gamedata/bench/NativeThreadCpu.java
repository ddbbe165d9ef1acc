package io.gamedata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of every thread of this process, JVM threads included (JIT compilers, GC), read from
 * {@code /proc/self/task} (Linux only; empty elsewhere), grouped by name without digits.
 */
final class NativeThreadCpu {

  private static final long TICKS_PER_SECOND = 100;

  private Map<String, Long> last = snapshot();

  /** CPU seconds per thread group since the previous call (or construction), largest first. */
  String sinceLast(int groups) {
    Map<String, Long> now = snapshot();
    Map<String, Long> delta = new HashMap<>();
    now.forEach((k, v) -> delta.merge(k, v - last.getOrDefault(k, 0L), Long::sum));
    last = now;
    StringBuilder b = new StringBuilder();
    delta.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(groups)
        .forEach(
            e ->
                b.append(
                    String.format(
                        " [%s]=%.1f", e.getKey(), e.getValue() / (double) TICKS_PER_SECOND)));
    return b.toString();
  }

  /** Ticks per thread group; a thread that ended keeps no entry, so groups may only grow. */
  private static Map<String, Long> snapshot() {
    Map<String, Long> byThread = new TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return byThread;
    }
    try (Stream<Path> ts = Files.list(tasks)) {
      ts.forEach(
          t -> {
            try {
              String stat = Files.readString(t.resolve("stat"));
              int open = stat.indexOf('(');
              int close = stat.lastIndexOf(')');
              String name = stat.substring(open + 1, close).replaceAll("[0-9]+", "N");
              String[] f = stat.substring(close + 2).split(" ");
              // fields after the name: state is f[0]; utime and stime are fields 14 and 15
              long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
              byThread.put(t.getFileName() + "/" + name, ticks);
            } catch (IOException | RuntimeException e) {
              // the thread ended meanwhile
            }
          });
    } catch (IOException e) {
      return byThread;
    }
    Map<String, Long> groups = new HashMap<>();
    byThread.forEach((k, v) -> groups.merge(k.substring(k.indexOf('/') + 1), v, Long::sum));
    return groups;
  }
}
