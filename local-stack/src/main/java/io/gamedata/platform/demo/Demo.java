package io.gamedata.platform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.connect.query.WarehouseQuery;
import io.gamedata.contracts.json.Json;
import io.gamedata.contracts.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The end-to-end demo on a running local stack: asks the IGDB simulator for new games, updates and
 * deletes (which it delivers to the producer's webhooks, as IGDB would), and measures for every
 * change the latency from the IGDB change to (a) {@code games.enriched}, (b) the recommender
 * serving it, and (c) the warehouse row ({@code games_changelog.ingestion_time} of the sink's
 * DuckDB transaction). The recommender serves a change from the moment its index applied it: that
 * moment is the first of (1) its list (or tombstone) on {@code games.similar}, which the
 * recommender publishes right after applying the change to the same index its API reads, and (2) an
 * answer of {@code GET /api/games/{id}} (200 for a new game, 404 for a deleted one), polled every
 * 250 ms.
 */
public final class Demo {

  private final String bootstrapServers;
  private final String simulatorUrl;
  private final String recommenderUrl;
  private final Path snapshotDir;
  private final Consumer<String> out;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public Demo(
      String bootstrapServers,
      String simulatorUrl,
      String recommenderUrl,
      Path snapshotDir,
      Consumer<String> out) {
    this.bootstrapServers = bootstrapServers;
    this.simulatorUrl = simulatorUrl;
    this.recommenderUrl = recommenderUrl;
    this.snapshotDir = snapshotDir;
    this.out = out;
  }

  /** What the demo measured. */
  public record Result(
      int events,
      LatencyStats enriched,
      LatencyStats recommender,
      LatencyStats warehouse,
      boolean complete) {
    public String benchLine() {
      return String.format(
          "BENCH e2e-latency events=%d enriched_p99_ms=%d recommender_p99_ms=%d warehouse_p99_ms=%d",
          events, enriched.p99(), recommender.p99(), warehouse.p99());
    }
  }

  public Result run(int newGames, int updates, int deletes, Duration timeout) throws Exception {
    try (TopicWatcher enriched =
            new TopicWatcher(bootstrapServers, Topics.GAMES_ENRICHED.name()).start();
        TopicWatcher similar =
            new TopicWatcher(bootstrapServers, Topics.GAMES_SIMILAR.name()).start();
        TopicWatcher raw = new TopicWatcher(bootstrapServers, Topics.IGDB_GAMES.name()).start()) {
      out.accept(
          String.format(
              "demo: asking IGDB (simulator) for %d new games, %d updates, %d deletes ...",
              newGames, updates, deletes));
      long t0 = System.currentTimeMillis();
      JsonNode applied =
          Json.mapper()
              .readTree(
                  send(
                      "POST",
                      simulatorUrl
                          + "/admin/inject?games="
                          + newGames
                          + "&updates="
                          + updates
                          + "&deletes="
                          + deletes));
      List<Long> created = ids(applied.path("created"));
      List<Long> updated = ids(applied.path("updated"));
      List<Long> deleted = ids(applied.path("deleted"));
      List<Long> upserted = new ArrayList<>(created);
      upserted.addAll(updated);
      int events = upserted.size() + deleted.size();
      out.accept(
          String.format(
              "demo: IGDB changed %d games (%d new, %d updated, %d deleted); following them ...",
              events, created.size(), updated.size(), deleted.size()));

      long deadline = System.currentTimeMillis() + timeout.toMillis();
      // (a) games.enriched: every new game (a document) and every delete (a tombstone); an
      // update shows up only when it changed a field of the enriched document (dedupe).
      // (b) recommender: new games answer GET /api/games/{id}, deleted ones 404.
      // (c) warehouse: the games_changelog row of every change that reached games.enriched.
      // The three are followed at the same time, each until it has everything or the deadline.
      Map<Long, Long> recommender = new HashMap<>();
      Set<Long> pendingUp = new HashSet<>(created);
      Set<Long> pendingDel = new HashSet<>(deleted);
      Map<Long, Long> enrichedAt = new HashMap<>();
      Map<Long, Long> warehouse = new HashMap<>();
      long nextWarehouseRead = 0;
      long nextHttpPoll = 0;
      while (System.currentTimeMillis() < deadline) {
        if (System.currentTimeMillis() >= nextHttpPoll) {
          poll(pendingUp, 200, recommender);
          poll(pendingDel, 404, recommender);
          nextHttpPoll = System.currentTimeMillis() + 250;
        }
        seen(pendingUp, similar::firstSeen, recommender);
        seen(pendingDel, similar::firstTombstone, recommender);
        for (Long id : upserted) {
          Long t = enriched.firstSeen(id);
          if (t != null) {
            enrichedAt.put(id, t);
          }
        }
        for (Long id : deleted) {
          Long t = enriched.firstTombstone(id);
          if (t != null) {
            enrichedAt.put(id, t);
          }
        }
        if (System.currentTimeMillis() >= nextWarehouseRead) {
          warehouse.putAll(warehouseTimes(enrichedAt.keySet(), t0));
          nextWarehouseRead = System.currentTimeMillis() + 500;
        }
        boolean enrichedDone =
            enrichedAt.keySet().containsAll(created) && enrichedAt.keySet().containsAll(deleted);
        boolean updatesSettled = System.currentTimeMillis() - t0 > 15_000;
        if (pendingUp.isEmpty()
            && pendingDel.isEmpty()
            && enrichedDone
            && (updatesSettled || enrichedAt.size() == events)
            && warehouse.keySet().containsAll(enrichedAt.keySet())) {
          break;
        }
        Thread.sleep(20);
      }
      Map<Long, Long> rawAt = new HashMap<>();
      for (Long id : upserted) {
        Long t = raw.firstSeen(id);
        if (t != null) {
          rawAt.put(id, t);
        }
      }
      for (Long id : deleted) {
        Long t = raw.firstTombstone(id);
        if (t != null) {
          rawAt.put(id, t);
        }
      }
      int expectedEnriched = created.size() + deleted.size();
      int updatesSeen = (int) updated.stream().filter(enrichedAt::containsKey).count();

      Result r =
          new Result(
              events,
              LatencyStats.of(latencies(enrichedAt, t0)),
              LatencyStats.of(latencies(recommender, t0)),
              LatencyStats.of(latencies(warehouse, t0)),
              enrichedAt.keySet().containsAll(created)
                  && enrichedAt.keySet().containsAll(deleted)
                  && pendingUp.isEmpty()
                  && pendingDel.isEmpty()
                  && warehouse.keySet().containsAll(enrichedAt.keySet()));
      out.accept("");
      out.accept("end-to-end latency from the IGDB change (" + events + " changes):");
      LatencyStats rawStats = LatencyStats.of(latencies(rawAt, t0));
      out.accept(
          String.format(
              "  %-22s %s%s   (webhook -> producer -> Kafka)",
              "raw topic igdb.games", rawStats, missing(rawStats, events)));
      out.accept(
          String.format(
              "  %-22s %s%s",
              "games.enriched",
              r.enriched(),
              missing(r.enriched(), expectedEnriched + updatesSeen)));
      out.accept(
          String.format(
              "  %-22s %s%s",
              "recommender serving",
              r.recommender(),
              missing(r.recommender(), created.size() + deleted.size())));
      out.accept(
          String.format(
              "  %-22s %s%s",
              "warehouse row", r.warehouse(), missing(r.warehouse(), enrichedAt.size())));
      out.accept(
          String.format(
              "  (%d of %d updates changed a field of the enriched document; the others are"
                  + " deduped by design, so they have no downstream latency)",
              updatesSeen, updated.size()));
      out.accept("");
      out.accept("new games in the web page:");
      for (Long id : created.stream().limit(5).toList()) {
        out.accept("  " + recommenderUrl + "/#/games/" + id + "   (" + name(id) + ")");
      }
      out.accept(r.benchLine());
      return r;
    }
  }

  private static String missing(LatencyStats s, int events) {
    return s.count() < events
        ? "   (" + (events - s.count()) + " not seen before the timeout)"
        : "";
  }

  private String name(long id) {
    try {
      return Json.mapper()
          .readTree(send("GET", recommenderUrl + "/api/games/" + id))
          .path("name")
          .asText();
    } catch (Exception e) {
      return "?";
    }
  }

  private void poll(Set<Long> pending, int wanted, Map<Long, Long> seen) {
    if (pending.isEmpty()) {
      return;
    }
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (Long id : List.copyOf(pending)) {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(recommenderUrl + "/api/games/" + id))
              .timeout(Duration.ofSeconds(2))
              .build();
      calls.add(
          http.sendAsync(req, HttpResponse.BodyHandlers.discarding())
              .thenAccept(
                  r -> {
                    if (r.statusCode() == wanted) {
                      synchronized (seen) {
                        seen.putIfAbsent(id, System.currentTimeMillis());
                      }
                    }
                  })
              .exceptionally(e -> null));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    synchronized (seen) {
      pending.removeAll(seen.keySet());
    }
  }

  /** Takes the first publication of each pending id on a watched topic as its time. */
  private static void seen(
      Set<Long> pending, java.util.function.LongFunction<Long> firstSeen, Map<Long, Long> seen) {
    if (pending.isEmpty()) {
      return;
    }
    synchronized (seen) {
      for (Long id : List.copyOf(pending)) {
        Long t = firstSeen.apply(id); // still pending: the API has not answered it yet
        if (t != null) {
          seen.put(id, t);
          pending.remove(id);
        }
      }
    }
  }

  /** Ingestion time of the first changelog row written since t0, per id (latest snapshot). */
  private Map<Long, Long> warehouseTimes(Set<Long> ids, long t0) throws Exception {
    Map<Long, Long> times = new HashMap<>();
    if (ids.isEmpty() || !Files.isRegularFile(snapshotDir.resolve("games_changelog.parquet"))) {
      return times;
    }
    String idList = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    try (WarehouseQuery q = WarehouseQuery.overSnapshots(snapshotDir)) {
      for (List<Object> row :
          q.query(
              "SELECT id, epoch_ms(min(ingestion_time)) FROM games_changelog WHERE id IN ("
                  + idList
                  + ") AND ingestion_time >= epoch_ms("
                  + t0
                  + ") GROUP BY id")) {
        times.put(((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue());
      }
    } catch (java.sql.SQLException e) {
      // a snapshot being replaced right now: read it again on the next round
    }
    return times;
  }

  private static List<Long> latencies(Map<Long, Long> at, long t0) {
    return at.values().stream().map(t -> Math.max(0, t - t0)).toList();
  }

  private static List<Long> ids(JsonNode array) {
    List<Long> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.asLong()));
    return ids;
  }

  private String send(String method, String url) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    b = "POST".equals(method) ? b.POST(HttpRequest.BodyPublishers.noBody()) : b.GET();
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + url + " -> " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
