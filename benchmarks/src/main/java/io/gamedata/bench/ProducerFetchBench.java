package io.gamedata.bench;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.kafka.local.EmbeddedKafkaBroker;
import io.gamedata.simulator.IgdbSimulator;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import io.gamedata.simulator.fault.Faults;
import io.gamedata.simulator.http.ApiServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/run producer-fetch [--games N] [--skip-single] [--skip-multiquery]}: a full bulk
 * fetch of a synthetic catalogue (350,000 games plus reference data by default) from the IGDB
 * simulator with IGDB's real limits (4 requests/s, 8 open, 200-800 ms latency) into an embedded
 * broker. The producer runs in a child JVM with -Xmx512m so that its peak heap is its own. The
 * bound is (pages needed at 500 per page) / 4 seconds; efficiency = bound / measured. The
 * multiquery variant (10 pages per request, the simulator counting a multiquery as one request) is
 * reported as mq_*.
 */
public final class ProducerFetchBench {

  private ProducerFetchBench() {}

  public static void main(String[] args) throws Exception {
    int games = SyntheticCatalog.DEFAULT_GAMES;
    boolean single = true;
    boolean multi = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--games" -> games = Integer.parseInt(args[++i]);
        case "--skip-single" -> single = false;
        case "--skip-multiquery" -> multi = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    long t0 = System.nanoTime();
    Catalog catalog = SyntheticCatalog.generate(games, SyntheticCatalog.DEFAULT_SEED);
    long pages = 0;
    long records = 0;
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      int n = catalog.size(e);
      records += n;
      pages += (n + 499) / 500;
      System.out.printf(Locale.ROOT, "catalogue %-22s %,10d records%n", e.path(), n);
    }
    double bound = pages / 4.0;
    System.out.printf(
        Locale.ROOT,
        "catalogue: %,d records, %,d pages at 500 -> bound %.1f s (generated in %.1f s)%n",
        records,
        pages,
        bound,
        (System.nanoTime() - t0) / 1e9);

    Map<String, String> r1 = Map.of();
    Map<String, String> r2 = Map.of();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start();
        IgdbSimulator igdb =
            IgdbSimulator.builder()
                .catalog(catalog)
                .rateLimit(4)
                .maxOpenRequests(8)
                .multiqueryCountsSubqueries(false)
                .faults(Faults.none().withLatency(Faults.Latency.parse("uniform:200-800")))
                .build()
                .start()) {
      if (single) {
        double cpu0 = ProducerFetchChild.cpuSeconds();
        r1 = runChild(broker, igdb, "-single", false);
        System.out.printf(
            Locale.ROOT,
            "single: producer CPU %s s, simulator + broker CPU %.1f s%n",
            r1.get("cpu_s"),
            ProducerFetchChild.cpuSeconds() - cpu0);
        check(r1, records);
      }
      if (multi) {
        double cpu0 = ProducerFetchChild.cpuSeconds();
        r2 = runChild(broker, igdb, "-mq", true);
        System.out.printf(
            Locale.ROOT,
            "multiquery: producer CPU %s s, simulator + broker CPU %.1f s%n",
            r2.get("cpu_s"),
            ProducerFetchChild.cpuSeconds() - cpu0);
        check(r2, records);
      }
      ApiServer.Stats st = igdb.stats();
      System.out.printf(
          Locale.ROOT,
          "simulator: %d requests, %d ok, %d answered 429, %d 5xx, %d records served%n",
          st.requests.get(),
          st.ok.get(),
          st.tooManyRequests.get(),
          st.serverErrors.get(),
          st.recordsServed.get());
    }
    double mqBound = Math.ceil(pages / 10.0) / 4.0;
    StringBuilder line = new StringBuilder("BENCH producer-fetch");
    line.append(" games=").append(games);
    if (single) {
      double s = Double.parseDouble(r1.get("seconds"));
      line.append(" requests=").append(r1.get("requests"));
      line.append(" seconds=").append(r1.get("seconds"));
      line.append(
          String.format(Locale.ROOT, " bound_seconds=%.1f efficiency=%.3f", bound, bound / s));
      line.append(" heap_mb=").append(r1.get("heap_mb"));
      line.append(" throttled=").append(r1.get("throttled"));
    }
    if (multi) {
      double s = Double.parseDouble(r2.get("seconds"));
      line.append(" mq_requests=").append(r2.get("requests"));
      line.append(" mq_seconds=").append(r2.get("seconds"));
      line.append(
          String.format(
              Locale.ROOT, " mq_bound_seconds=%.1f mq_efficiency=%.3f", mqBound, mqBound / s));
      line.append(" mq_heap_mb=").append(r2.get("heap_mb"));
    }
    line.append(" records=").append(records);
    System.out.println(line);
  }

  private static void check(Map<String, String> r, long records) {
    if (Long.parseLong(r.get("records")) != records) {
      throw new IllegalStateException(
          "fetched " + r.get("records") + " records, expected " + records);
    }
  }

  private static Map<String, String> runChild(
      EmbeddedKafkaBroker broker, IgdbSimulator igdb, String suffix, boolean multiquery)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-Dlog4j2.configurationFile=producer-log4j2.properties");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ProducerFetchChild.class.getName());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("IGDB_API_URL", igdb.apiUrl());
    env.put("TWITCH_TOKEN_URL", igdb.tokenUrl());
    env.put("TWITCH_CLIENT_ID", igdb.clientId());
    env.put("TWITCH_CLIENT_SECRET", igdb.clientSecret());
    env.put("PRODUCER_TOPIC_SUFFIX", suffix);
    env.put("FETCH_MULTIQUERY", Boolean.toString(multiquery));
    System.out.println(
        "running the producer (" + (multiquery ? "multiquery" : "single queries") + ")");
    Process p = pb.start();
    Map<String, String> result = new HashMap<>();
    Pattern kv = Pattern.compile("(\\w+)=([\\w.]+)");
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String l;
      while ((l = r.readLine()) != null) {
        System.out.println("  | " + l);
        if (l.startsWith("CHILD ")) {
          Matcher m = kv.matcher(l);
          while (m.find()) {
            result.put(m.group(1), m.group(2));
          }
        }
      }
    }
    int rc = p.waitFor();
    if (rc != 0 || !result.containsKey("requests")) {
      throw new IllegalStateException("producer child failed (exit " + rc + ")");
    }
    return result;
  }
}
