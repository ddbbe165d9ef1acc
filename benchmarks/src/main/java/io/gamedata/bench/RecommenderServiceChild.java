package io.gamedata.bench;

import io.gamedata.recommender.engine.Query;
import io.gamedata.recommender.service.RecommenderConfig;
import io.gamedata.recommender.service.RecommenderService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * The recommender service in its own JVM, as in production, for the recommender benchmarks: {@code
 * RecommenderServiceChild <config.properties>}. Prints {@code READY port=.. seconds=.. mode=..
 * games=..} once caught up (seconds since this JVM started), then answers commands on stdin, one
 * per line: {@code baseline N} (the engine's {@code similar()} in-process over ids 1..N: {@code
 * BASELINE p50_ms=.. p99_ms=..}), {@code watch} (start counting GC and CPU), {@code stats} ({@code
 * STATS ..} since watch), {@code exit} or end of input (graceful close, which writes the state
 * snapshot: {@code CLOSED seconds=..}).
 */
public final class RecommenderServiceChild {

  private RecommenderServiceChild() {}

  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(Path.of(args[0]))) {
      p.load(r);
    }
    RecommenderConfig config = RecommenderConfig.from(p, Map.of());
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    RecommenderService s = new RecommenderService(config).start();
    while (!s.ready()) {
      if (!s.live()) {
        System.out.println("FAILED the service failed during start-up");
        System.exit(1);
      }
      Thread.sleep(20); // a benchmark polling a state, not a test
    }
    System.out.printf(
        "READY port=%d seconds=%.2f mode=%s games=%d%n",
        s.port(),
        (System.currentTimeMillis() - jvmStart) / 1000.0,
        s.startMode(),
        s.engine().size());
    GcWatch watch = null;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null && !line.equals("exit"); ) {
      String[] cmd = line.trim().split(" ");
      switch (cmd[0]) {
        case "baseline" -> baseline(s, Integer.parseInt(cmd[1]));
        case "watch" -> {
          watch = new GcWatch().start();
          System.out.println("WATCHING");
        }
        case "stats" -> {
          String threads = watch.busiestThreads(8);
          System.out.println(
              "STATS " + GcWatch.collectors() + " " + watch.stop() + " | threads " + threads);
        }
        default -> System.out.println("UNKNOWN " + line);
      }
    }
    long c0 = System.nanoTime();
    s.close();
    System.out.printf("CLOSED seconds=%.2f%n", (System.nanoTime() - c0) / 1e9);
    System.exit(0);
  }

  private static void query(RecommenderService s, long id) {
    try {
      s.engine().similar(id, Query.DEFAULT, 10);
    } catch (java.util.NoSuchElementException e) {
      // not in the catalogue: as cheap as the HTTP 404
    }
  }

  private static void baseline(RecommenderService s, int games) {
    SplittableRandom r = new SplittableRandom(5);
    long[] base = new long[20_000];
    for (int i = 0; i < 20_000; i++) {
      query(s, 1 + r.nextInt(games));
    }
    for (int i = 0; i < base.length; i++) {
      long q0 = System.nanoTime();
      query(s, 1 + r.nextInt(games));
      base[i] = System.nanoTime() - q0;
    }
    Arrays.sort(base);
    System.out.printf(
        "BASELINE p50_ms=%.3f p99_ms=%.3f%n",
        HttpLoadGenerator.pct(base, 0.5), HttpLoadGenerator.pct(base, 0.99));
    System.gc();
  }
}
