package io.gamedata.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.simulator.IgdbSimulator;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import io.gamedata.simulator.query.ApicalypseParser;
import io.gamedata.simulator.query.Query;
import io.gamedata.simulator.query.QueryEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench/run simulator-serve [--games N] [--clients C] [--seed S]}: start-up time of a
 * synthetic catalogue plus HTTP server, then a full keyset scan ({@code fields *; where id > A & id
 * <= B; sort id asc; limit 500;}) over every game with limits off, C clients on disjoint id ranges.
 * Baseline in the same run: the same pages rendered in-process (no HTTP).
 *
 * <p>Prints {@code BENCH simulator-serve games=<n> startup_seconds=<s> games_per_s=<r>
 * inprocess_games_per_s=<b> clients=<c>}.
 */
public final class SimulatorServeBench {

  private SimulatorServeBench() {}

  public static void main(String[] args) throws Exception {
    int games = SyntheticCatalog.DEFAULT_GAMES;
    int clients = 4;
    long seed = SyntheticCatalog.DEFAULT_SEED;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--games" -> games = Integer.parseInt(args[++i]);
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Catalog catalog = SyntheticCatalog.generate(games, seed);
    double generateSeconds = (System.nanoTime() - t0) / 1e9;
    IgdbSimulator sim =
        IgdbSimulator.builder().catalog(catalog).rateLimit(0).maxOpenRequests(0).build().start();
    double startup = (System.nanoTime() - t0) / 1e9;
    double startupCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    System.out.printf(
        "catalogue of %d games generated in %.2f s, serving after %.2f s (%.2f s of CPU, load"
            + " average %.1f on %d cores)%n",
        games,
        generateSeconds,
        startup,
        startupCpu,
        os.getSystemLoadAverage(),
        os.getAvailableProcessors());
    try {
      // baseline: render every page in-process
      QueryEngine engine = new QueryEngine(catalog);
      long b0 = System.nanoTime();
      long last = 0;
      long rendered = 0;
      long bytes = 0;
      while (true) {
        Query q =
            ApicalypseParser.parse("fields *; where id > " + last + "; sort id asc; limit 500;");
        List<IgdbRecord> rows = engine.find(IgdbEndpoint.GAMES, q);
        if (rows.isEmpty()) {
          break;
        }
        bytes += engine.render(IgdbEndpoint.GAMES, q, rows).length;
        rendered += rows.size();
        last = rows.get(rows.size() - 1).id();
      }
      double inprocess = rendered / ((System.nanoTime() - b0) / 1e9);
      System.out.printf(
          "in-process: %d games, %.1f MB of JSON, %.0f games/s%n",
          rendered, bytes / 1e6, inprocess);

      // HTTP: C clients over disjoint id ranges, keyset paging in each
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      String token = sim.mintToken();
      long maxId = catalog.maxId(IgdbEndpoint.GAMES);
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long h0 = System.nanoTime();
      long hcpu0 = os.getProcessCpuTime();
      List<Future<Long>> parts = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        long from = maxId * c / clients;
        long to = c == clients - 1 ? Long.MAX_VALUE : maxId * (c + 1) / clients;
        parts.add(pool.submit(() -> scan(http, sim, token, from, to)));
      }
      long served = 0;
      for (Future<Long> f : parts) {
        served += f.get();
      }
      double seconds = (System.nanoTime() - h0) / 1e9;
      double httpCpu = (os.getProcessCpuTime() - hcpu0) / 1e9;
      pool.shutdown();
      if (served != catalog.size(IgdbEndpoint.GAMES)) {
        throw new IllegalStateException("scanned " + served + " of " + games + " games");
      }
      System.out.printf(
          "HTTP: %d games in %.2f s with %d clients (%.2f s of CPU, server and clients)%n",
          served, seconds, clients, httpCpu);
      System.out.printf(
          "BENCH simulator-serve games=%d startup_seconds=%.2f games_per_s=%.0f"
              + " inprocess_games_per_s=%.0f clients=%d startup_cpu_seconds=%.2f"
              + " games_per_cpu_s=%.0f load_average=%.1f%n",
          games,
          startup,
          served / seconds,
          inprocess,
          clients,
          startupCpu,
          served / httpCpu,
          os.getSystemLoadAverage());
    } finally {
      sim.close();
    }
  }

  private static long scan(HttpClient http, IgdbSimulator sim, String token, long from, long to)
      throws Exception {
    long last = from;
    long n = 0;
    while (true) {
      String where = "where id > " + last + (to == Long.MAX_VALUE ? "" : " & id <= " + to);
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(sim.apiUrl() + "/games"))
              .header("Client-ID", sim.clientId())
              .header("Authorization", "Bearer " + token)
              .header("User-Agent", "gamedata-bench/1.0")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "fields *; " + where + "; sort id asc; limit 500;"))
              .build();
      HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + r.statusCode() + ": " + new String(r.body()));
      }
      long[] countAndLast = topLevelIds(r.body());
      if (countAndLast[0] == 0) {
        return n;
      }
      n += countAndLast[0];
      last = countAndLast[1];
    }
  }

  /** Number of objects in a JSON array and the id of the last one (streaming, cheap). */
  private static long[] topLevelIds(byte[] body) throws Exception {
    long count = 0;
    long lastId = 0;
    try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
      p.nextToken(); // [
      while (p.nextToken() == JsonToken.START_OBJECT) {
        count++;
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String field = p.currentName();
          p.nextToken();
          if ("id".equals(field)) {
            lastId = p.getLongValue();
          } else {
            p.skipChildren();
          }
        }
      }
    }
    return new long[] {count, lastId};
  }
}
