package io.gamedata.producer.fetch;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how a fetch goes: a live bar (records, rate, ETA) redrawn in place on a terminal, plain log
 * lines every 10 s otherwise.
 */
public final class Progress implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

  private final FetchStats stats;
  private final LongSupplier requests;
  private final boolean tty;
  private final PrintStream out;
  private final long t0 = System.nanoTime();
  private final ScheduledExecutorService timer;

  public Progress(FetchStats stats, LongSupplier requests, boolean tty, PrintStream out) {
    this.stats = stats;
    this.requests = requests;
    this.tty = tty;
    this.out = out;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fetch-progress");
              t.setDaemon(true);
              return t;
            });
    long every = tty ? 500 : 10_000;
    timer.scheduleAtFixedRate(this::show, every, every, TimeUnit.MILLISECONDS);
  }

  /** True when standard output is a terminal. */
  public static boolean isTerminal() {
    return System.console() != null;
  }

  String line() {
    double secs = (System.nanoTime() - t0) / 1e9;
    long done = stats.totalRecords();
    long total = Math.max(done, stats.totalExpected());
    double rate = secs > 0 ? done / secs : 0;
    long eta = rate > 0 ? (long) ((total - done) / rate) : -1;
    int width = 30;
    int filled = total == 0 ? 0 : (int) (width * done / total);
    return String.format(
        Locale.ROOT,
        "[%s%s] %,d/~%,d records  %,.0f rec/s  %,d requests  ETA %s",
        "#".repeat(filled),
        " ".repeat(width - filled),
        done,
        total,
        rate,
        requests.getAsLong(),
        eta < 0 ? "?" : String.format(Locale.ROOT, "%dm%02ds", eta / 60, eta % 60));
  }

  private void show() {
    if (tty) {
      out.print("\r" + line());
      out.flush();
    } else {
      LOG.info("fetch progress: {}", line());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    if (tty) {
      out.println("\r" + line());
    }
  }
}
