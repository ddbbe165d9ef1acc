package io.gamedata.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load generator run in its own JVM by the query benchmark: {@code --base URL
 * --games N --rate R --seconds S --warmup W}. Sends {@code GET /api/games/{random id}/similar} at a
 * fixed rate over loopback, measures latency from each request's <em>intended</em> send time (no
 * coordinated omission), stops by itself after the warm-up plus S seconds, and prints {@code LOAD
 * rps=.. p50_ms=.. p99_ms=.. errors=..}.
 */
public final class HttpLoadGenerator {

  public static void main(String[] args) throws Exception {
    BenchArgs a = new BenchArgs(args);
    String base = a.string("base", "http://127.0.0.1:8080");
    int games = a.integer("games", 350_000);
    int rate = a.integer("rate", 1000);
    int seconds = a.integer("seconds", 30);
    int warmup = a.integer("warmup", 5);
    if (!base.startsWith("http://127.") && !base.startsWith("http://localhost")) {
      throw new IllegalArgumentException("loopback only: " + base);
    }
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    int total = rate * (warmup + seconds);
    int measuredFrom = rate * warmup;
    long[] latency = new long[total];
    Arrays.fill(latency, -1);
    AtomicLong errors = new AtomicLong();
    CountDownLatch done = new CountDownLatch(total);
    SplittableRandom r = new SplittableRandom(11);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long intended = start + i * interval;
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int slot = i;
      long id = 1 + r.nextInt(games);
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(base + "/api/games/" + id + "/similar?limit=10"))
              .timeout(Duration.ofSeconds(10))
              .build();
      client
          .sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete(
              (resp, e) -> {
                long now = System.nanoTime();
                if (e != null || resp.statusCode() != 200) {
                  if (slot >= measuredFrom) {
                    errors.incrementAndGet();
                  }
                } else {
                  latency[slot] = now - intended;
                }
                done.countDown();
              });
    }
    long sentEnd = System.nanoTime();
    if (!done.await(30, TimeUnit.SECONDS)) {
      System.err.println("some requests did not complete");
    }
    long[] measured =
        Arrays.stream(latency, measuredFrom, total).filter(v -> v >= 0).sorted().toArray();
    long incomplete =
        Arrays.stream(latency, measuredFrom, total).filter(v -> v < 0).count() - errors.get();
    double elapsed = (sentEnd - (start + measuredFrom * interval)) / 1e9;
    double rps = measured.length / elapsed;
    System.out.printf(
        "LOAD rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d max_ms=%.1f requests=%d%n",
        rps,
        pct(measured, 0.50),
        pct(measured, 0.99),
        errors.get() + incomplete,
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
