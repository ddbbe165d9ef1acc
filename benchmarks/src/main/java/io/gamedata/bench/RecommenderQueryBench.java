package io.gamedata.bench;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.local.EmbeddedKafkaBroker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/run recommender-query [--games N] [--rate R] [--seconds S] [--warmup W]
 * [--connections C] [--service-opts "JVM options"] [--load-opts "JVM options"]}: three processes,
 * as in production. This JVM runs the broker and publishes the synthetic catalogue to
 * games.enriched; the service runs in its own JVM ({@link RecommenderServiceChild}, publishing of
 * lists off) and builds its index; a third JVM ({@link HttpLoadGenerator}) drives {@code GET
 * /api/games/{id}/similar?limit=10} over loopback at a fixed open-loop rate (default 1,000/s for 30
 * s after a 20 s warm-up that lets the JIT finish), latency from the intended send time. Baseline
 * in the same run: the engine's {@code similar()} in-process in the service JVM (no HTTP). Also
 * printed: GC pauses and CPU of both JVMs during the measured window, the busiest threads, and the
 * machine's load average (other processes compete for the two cores).
 */
public final class RecommenderQueryBench {

  /** Service JVM defaults: a sized heap, G1 with a pause goal below the latency target. */
  static final String SERVICE_OPTS = "-Xms2g -Xmx6g -XX:+UseG1GC -XX:MaxGCPauseMillis=5";

  public static void main(String[] args) throws Exception {
    BenchArgs a = new BenchArgs(args);
    int n = a.integer("games", 350_000);
    int rate = a.integer("rate", 1000);
    int seconds = a.integer("seconds", 30);
    Path dir = Files.createTempDirectory("recommender-query-bench");
    System.out.printf("generating %,d synthetic games%n", n);
    List<EnrichedGame> games = SyntheticGames.generate(n, 42);
    try (EmbeddedKafkaBroker broker = RecommenderBenchSupport.broker(dir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      RecommenderBenchSupport.createTopics(bootstrap, Topics.GAMES_ENRICHED, Topics.GAMES_SIMILAR);
      double pub = RecommenderBenchSupport.publish(bootstrap, games);
      System.out.printf("published %,d documents in %.1f s%n", n, pub);
      games = null;
      System.gc();
      Path config =
          RecommenderBenchSupport.writeConfig(dir, bootstrap, dir.resolve("state"), false);
      try (RecommenderBenchSupport.Child s =
          new RecommenderBenchSupport.Child(config, a.string("service-opts", SERVICE_OPTS))) {
        Map<String, String> ready = keyValues(s.await("READY"));
        System.out.printf(
            "service JVM ready in %s s (%s) on port %s%n",
            ready.get("seconds"), ready.get("mode"), ready.get("port"));
        Map<String, String> base = keyValues(s.send("baseline " + n, "BASELINE"));
        System.out.printf(
            "baseline engine.similar in-process: p50_ms=%s p99_ms=%s%n",
            base.get("p50_ms"), base.get("p99_ms"));
        String load0 = loadAverage();
        s.send("watch", "WATCHING");
        String line = load(Integer.parseInt(ready.get("port")), n, rate, seconds, a);
        String stats = s.send("stats", "STATS");
        System.out.println("service during the load: " + stats.substring("STATS ".length()));
        System.out.println("load generator: " + line);
        System.out.printf(
            "machine load average before / after the load: %s / %s%n", load0, loadAverage());
        Map<String, String> r = keyValues(line);
        System.out.printf(
            "BENCH recommender-query rps=%s p50_ms=%s p99_ms=%s errors=%s baseline_p50_ms=%s"
                + " baseline_p99_ms=%s games=%d%n",
            r.get("rps"),
            r.get("p50_ms"),
            r.get("p99_ms"),
            r.get("errors"),
            base.get("p50_ms"),
            base.get("p99_ms"),
            n);
      }
    } finally {
      deleteTree(dir);
    }
  }

  /** {@code key=value} pairs of a result line. */
  static Map<String, String> keyValues(String line) {
    Map<String, String> m = new HashMap<>();
    for (String kv : line.split(" ")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        m.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return m;
  }

  private static String load(int port, int n, int rate, int seconds, BenchArgs a) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(Arrays.asList(a.string("load-opts", "-Xmx512m").trim().split("\\s+")));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(HttpLoadGenerator.class.getName());
    cmd.addAll(
        List.of(
            "--base", "http://127.0.0.1:" + port,
            "--games", Integer.toString(n),
            "--rate", Integer.toString(rate),
            "--seconds", Integer.toString(seconds),
            "--warmup", a.string("warmup", "20"),
            "--connections", a.string("connections", "16")));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String result = null;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l; (l = in.readLine()) != null; ) {
        if (l.startsWith("LOAD ")) {
          result = l;
        } else {
          System.out.println("  [load] " + l);
        }
      }
    }
    if (p.waitFor() != 0 || result == null) {
      throw new IllegalStateException("load generator failed (exit " + p.exitValue() + ")");
    }
    return result;
  }

  /** The 1-minute load average of the machine (other processes compete for the cores). */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "?";
    }
  }

  static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
