package io.gamedata.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed-rate HTTP load generator run in its own JVM by the query benchmark: {@code --base URL
 * --games N --rate R --seconds S --warmup W --connections C}. C threads with keep-alive connections
 * share one schedule of R requests per second ({@code GET /api/games/{random id}/similar?limit=10},
 * loopback only); each request's latency is measured from its <em>intended</em> send time, so a
 * server that falls behind is charged for the queueing (wrk2-style, no coordinated omission). Stops
 * by itself after W + S seconds and prints {@code LOAD rps=.. p50_ms=.. p99_ms=.. errors=..} for
 * the S measured seconds.
 */
public final class HttpLoadGenerator {

  public static void main(String[] args) throws Exception {
    BenchArgs a = new BenchArgs(args);
    String base = a.string("base", "http://127.0.0.1:8080");
    int games = a.integer("games", 350_000);
    int rate = a.integer("rate", 1000);
    int seconds = a.integer("seconds", 30);
    int warmup = a.integer("warmup", 5);
    int connections = a.integer("connections", 16);
    if (!base.startsWith("http://127.") && !base.startsWith("http://localhost")) {
      throw new IllegalArgumentException("loopback only: " + base);
    }
    int total = rate * (warmup + seconds);
    int measuredFrom = rate * warmup;
    long[] latency = new long[total];
    Arrays.fill(latency, -1);
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + 100_000_000L;
    Thread[] threads = new Thread[connections];
    for (int t = 0; t < connections; t++) {
      SplittableRandom r = new SplittableRandom(11 + t);
      byte[] buf = new byte[64 * 1024];
      threads[t] =
          new Thread(
              () -> {
                for (int i; (i = next.getAndIncrement()) < total; ) {
                  long intended = start + i * interval;
                  long wait = intended - System.nanoTime();
                  if (wait > 0) {
                    LockSupport.parkNanos(wait);
                  }
                  long id = 1 + r.nextInt(games);
                  try {
                    HttpURLConnection c =
                        (HttpURLConnection)
                            new URL(base + "/api/games/" + id + "/similar?limit=10")
                                .openConnection();
                    c.setConnectTimeout(5000);
                    c.setReadTimeout(10000);
                    int status = c.getResponseCode();
                    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                      while (in != null && in.read(buf) >= 0) {
                        // drain so the connection is reused
                      }
                    }
                    if (status != 200) {
                      throw new IOException("HTTP " + status);
                    }
                    latency[i] = System.nanoTime() - intended;
                  } catch (IOException e) {
                    firstError.compareAndSet(null, e.toString());
                    if (i >= measuredFrom) {
                      errors.incrementAndGet();
                    }
                  }
                }
              },
              "load-" + t);
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long end = System.nanoTime();
    if (firstError.get() != null) {
      System.err.println("first error: " + firstError.get());
    }
    long[] measured =
        Arrays.stream(latency, measuredFrom, total).filter(v -> v >= 0).sorted().toArray();
    double elapsed = (end - (start + measuredFrom * interval)) / 1e9;
    System.out.printf(
        "LOAD rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d max_ms=%.1f requests=%d%n",
        measured.length / elapsed,
        pct(measured, 0.50),
        pct(measured, 0.99),
        errors.get(),
        measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6,
        measured.length);
    System.exit(0);
  }

  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
