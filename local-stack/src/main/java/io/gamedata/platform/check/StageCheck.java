package io.gamedata.platform.check;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The stage check of a running platform, wherever it runs (the local stack of {@code ./platform
 * up}, the compose stack of {@code docker/compose-check}): waits until every stage holds as many
 * games as the first (IGDB), printing progress, then prints the per-stage table.
 */
public final class StageCheck {

  private final Supplier<StageCounts> counts;
  private final Consumer<String> out;

  /**
   * @param counts opens the stages' counters (one per wait; closed after it)
   * @param out where progress and the table go
   */
  public StageCheck(Supplier<StageCounts> counts, Consumer<String> out) {
    this.counts = counts;
    this.out = out;
  }

  /**
   * Prints progress until every stage holds as many games as IGDB (exact live-key counts), or the
   * timeout passes. Returns the last counts.
   */
  public Map<String, Long> await(Duration timeout) throws InterruptedException {
    try (StageCounts stages = counts.get()) {
      long t0 = System.nanoTime();
      long deadline = t0 + timeout.toNanos();
      Map<String, Long> c = stages.read();
      while (!agree(c) && System.nanoTime() < deadline) {
        out.accept(
            String.format("  [%4.0f s] %s", (System.nanoTime() - t0) / 1e9, progressLine(c)));
        Thread.sleep(3000);
        c = stages.read();
      }
      return c;
    }
  }

  /** Prints the per-stage table; true when every stage has every game. */
  public boolean print(Map<String, Long> c) {
    out.accept("");
    out.accept(String.format("%-30s %12s", "stage", "games"));
    out.accept("-".repeat(43));
    c.forEach(
        (k, v) ->
            out.accept(String.format("%-30s %12s", k, v < 0 ? "n/a" : String.format("%,d", v))));
    long dlq;
    try (StageCounts stages = counts.get()) {
      dlq = stages.deadLetters();
    }
    out.accept(
        String.format(
            "%-30s %12s", "(games.dlq records)", dlq < 0 ? "n/a" : String.format("%,d", dlq)));
    boolean ok = agree(c);
    out.accept(ok ? "CHECK OK: every stage has every game" : "CHECK FAILED: the stages disagree");
    return ok;
  }

  /** True when the first stage has games and every stage has exactly as many. */
  public static boolean agree(Map<String, Long> c) {
    long first = c.values().iterator().next();
    return first > 0 && c.values().stream().allMatch(v -> v == first);
  }

  private static String progressLine(Map<String, Long> c) {
    StringBuilder sb = new StringBuilder();
    c.forEach(
        (k, v) -> {
          if (sb.length() > 0) {
            sb.append(" | ");
          }
          sb.append(k.split(" ")[0]).append(' ').append(v < 0 ? "-" : String.format("%,d", v));
        });
    return sb.toString();
  }
}
