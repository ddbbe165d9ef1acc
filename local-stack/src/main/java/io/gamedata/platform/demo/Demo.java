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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

  /** One change made in the simulator: which game, what, and when. */
  private record Change(long id, char kind, long at) {}

  /**
   * Makes the changes and follows them. With {@code ratePerSecond > 0} they are made one at a time
   * at that rate (interleaved: new games, updates and deletes spread over the run), as IGDB's
   * changes arrive; each change's latency counts from its own moment. With 0 they are made at once
   * (one burst), and every latency counts from the burst.
   */
  public Result run(int newGames, int updates, int deletes, double ratePerSecond, Duration timeout)
      throws Exception {
    try (TopicWatcher enriched =
            new TopicWatcher(bootstrapServers, Topics.GAMES_ENRICHED.name()).start();
        TopicWatcher similar =
            new TopicWatcher(bootstrapServers, Topics.GAMES_SIMILAR.name()).start();
        TopicWatcher raw = new TopicWatcher(bootstrapServers, Topics.IGDB_GAMES.name()).start()) {
      out.accept(
          String.format(
              "demo: asking IGDB (simulator) for %d new games, %d updates, %d deletes %s ...",
              newGames,
              updates,
              deletes,
              ratePerSecond > 0
                  ? String.format("at %.0f changes/s", ratePerSecond)
                  : "at once (a burst)"));
      long t0 = System.currentTimeMillis();
      // the latest change per game wins (a random update or delete can hit a game made just
      // before);
      // the changes are made on another thread while this one follows them from the start
      Map<Long, Change> changes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
      java.util.concurrent.atomic.AtomicReference<Exception> injectFailure =
          new java.util.concurrent.atomic.AtomicReference<>();
      Thread injector =
          new Thread(
              () -> {
                try {
                  if (ratePerSecond > 0) {
                    List<Character> plan = plan(newGames, updates, deletes);
                    long periodNanos = (long) (1e9 / ratePerSecond);
                    long start = System.nanoTime();
                    for (int i = 0; i < plan.size(); i++) {
                      long wait = start + i * periodNanos - System.nanoTime();
                      if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                      }
                      char kind = plan.get(i);
                      inject(
                          kind == 'c' ? 1 : 0, kind == 'u' ? 1 : 0, kind == 'd' ? 1 : 0, changes);
                    }
                  } else {
                    inject(newGames, updates, deletes, changes);
                  }
                } catch (Exception e) {
                  injectFailure.set(e);
                }
              },
              "demo-changes");
      injector.start();

      // (a) games.enriched: every new game (a document) and every delete (a tombstone); an
      // update shows up only when it changed a field of the enriched document (dedupe).
      // (b) recommender: GET /api/games/{id} answering 200 (new) or 404 (deleted), polled every
      // 250 ms, or the new game's list (the deleted game's tombstone) on games.similar if seen
      // first. (c) warehouse: the games_changelog row of every change that reached
      // games.enriched. Times recorded for a game are dropped when a later change replaces its
      // change.
      Map<Long, Long> recommender = new HashMap<>();
      Map<Long, Long> enrichedAt = new HashMap<>();
      Map<Long, Long> warehouse = new HashMap<>();
      Map<Long, Change> measured = new HashMap<>();
      long deadline = Long.MAX_VALUE;
      long nextWarehouseRead = 0;
      long nextHttpPoll = 0;
      boolean reported = false;
      while (System.currentTimeMillis() < deadline) {
        boolean injecting = injector.isAlive();
        Map<Long, Change> now;
        synchronized (changes) {
          now = new LinkedHashMap<>(changes);
        }
        if (!injecting && !reported) {
          reported = true;
          if (injectFailure.get() != null) {
            throw injectFailure.get();
          }
          deadline = System.currentTimeMillis() + timeout.toMillis();
          out.accept(
              String.format(
                  "demo: IGDB changed %d games (%d new, %d updated, %d deleted) in %.1f s;"
                      + " following them ...",
                  now.size(),
                  ids(now, 'c').size(),
                  ids(now, 'u').size(),
                  ids(now, 'd').size(),
                  (System.currentTimeMillis() - t0) / 1000.0));
        }
        Set<Long> pendingUp = new HashSet<>();
        Set<Long> pendingDel = new HashSet<>();
        for (Change c : now.values()) {
          if (!c.equals(measured.get(c.id()))) {
            measured.put(c.id(), c);
            recommender.remove(c.id());
            enrichedAt.remove(c.id());
            warehouse.remove(c.id());
          }
          Long t =
              c.kind() == 'd'
                  ? similar.firstTombstone(c.id(), c.at())
                  : c.kind() == 'c' ? similar.firstSeen(c.id(), c.at()) : null;
          if (t != null) {
            recommender.putIfAbsent(c.id(), t);
          }
          if (!recommender.containsKey(c.id())) {
            if (c.kind() == 'c') {
              pendingUp.add(c.id());
            } else if (c.kind() == 'd') {
              pendingDel.add(c.id());
            }
          }
          Long e =
              c.kind() == 'd'
                  ? enriched.firstTombstone(c.id(), c.at())
                  : enriched.firstSeen(c.id(), c.at());
          if (e != null) {
            enrichedAt.putIfAbsent(c.id(), e);
          }
        }
        if (System.currentTimeMillis() >= nextHttpPoll) {
          poll(pendingUp, 200, recommender);
          poll(pendingDel, 404, recommender);
          nextHttpPoll = System.currentTimeMillis() + 250;
        }
        if (System.currentTimeMillis() >= nextWarehouseRead) {
          warehouseTimes(enrichedAt.keySet(), now, t0).forEach(warehouse::putIfAbsent);
          nextWarehouseRead = System.currentTimeMillis() + 500;
        }
        boolean enrichedDone =
            enrichedAt.keySet().containsAll(ids(now, 'c'))
                && enrichedAt.keySet().containsAll(ids(now, 'd'));
        boolean updatesSettled = System.currentTimeMillis() - t0 > 15_000;
        if (!injecting
            && pendingUp.isEmpty()
            && pendingDel.isEmpty()
            && enrichedDone
            && (updatesSettled || enrichedAt.size() == now.size())
            && warehouse.keySet().containsAll(enrichedAt.keySet())) {
          break;
        }
        Thread.sleep(20);
      }
      List<Long> created = ids(changes, 'c');
      List<Long> updated = ids(changes, 'u');
      List<Long> deleted = ids(changes, 'd');
      int events = changes.size();
      Set<Long> pendingUp = new HashSet<>(created);
      pendingUp.removeAll(recommender.keySet());
      Set<Long> pendingDel = new HashSet<>(deleted);
      pendingDel.removeAll(recommender.keySet());
      Map<Long, Long> rawAt = new HashMap<>();
      for (Change c : changes.values()) {
        Long t =
            c.kind() == 'd' ? raw.firstTombstone(c.id(), c.at()) : raw.firstSeen(c.id(), c.at());
        if (t != null) {
          rawAt.put(c.id(), t);
        }
      }
      int expectedEnriched = created.size() + deleted.size();
      int updatesSeen = (int) updated.stream().filter(enrichedAt::containsKey).count();

      Result r =
          new Result(
              events,
              LatencyStats.of(latencies(enrichedAt, changes)),
              LatencyStats.of(latencies(recommender, changes)),
              LatencyStats.of(latencies(warehouse, changes)),
              enrichedAt.keySet().containsAll(created)
                  && enrichedAt.keySet().containsAll(deleted)
                  && pendingUp.isEmpty()
                  && pendingDel.isEmpty()
                  && warehouse.keySet().containsAll(enrichedAt.keySet()));
      out.accept("");
      out.accept(
          "end-to-end latency from each IGDB change ("
              + events
              + " changes"
              + (ratePerSecond > 0 ? ", one at a time" : ", all at once")
              + "):");
      LatencyStats rawStats = LatencyStats.of(latencies(rawAt, changes));
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
      out.accept(
          "slowest changes to the recommender (ms after the change: raw, enriched, served):");
      recommender.entrySet().stream()
          .sorted(
              Comparator.comparingLong(
                      (Map.Entry<Long, Long> e) -> e.getValue() - changes.get(e.getKey()).at())
                  .reversed())
          .limit(3)
          .forEach(
              e -> {
                Change c = changes.get(e.getKey());
                out.accept(
                    String.format(
                        "  %s game %d at +%.1f s: %s, %s, %d",
                        c.kind() == 'c' ? "new" : c.kind() == 'd' ? "deleted" : "updated",
                        c.id(),
                        (c.at() - t0) / 1000.0,
                        since(rawAt.get(c.id()), c),
                        since(enrichedAt.get(c.id()), c),
                        e.getValue() - c.at()));
              });
      out.accept("");
      out.accept("new games in the web page:");
      for (Long id : created.stream().limit(5).toList()) {
        out.accept("  " + recommenderUrl + "/#/games/" + id + "   (" + name(id) + ")");
      }
      out.accept(r.benchLine());
      return r;
    }
  }

  /** The order of single changes: updates and deletes spread evenly among the new games. */
  static List<Character> plan(int newGames, int updates, int deletes) {
    int total = newGames + updates + deletes;
    List<Character> plan = new ArrayList<>(total);
    int c = 0;
    int u = 0;
    int d = 0;
    for (int i = 1; i <= total; i++) {
      // the kind furthest behind its share of the run so far goes next
      double dc = (double) newGames * i / total - c;
      double du = (double) updates * i / total - u;
      double dd = (double) deletes * i / total - d;
      if (dc >= du && dc >= dd && c < newGames) {
        plan.add('c');
        c++;
      } else if (du >= dd && u < updates) {
        plan.add('u');
        u++;
      } else if (d < deletes) {
        plan.add('d');
        d++;
      } else if (c < newGames) {
        plan.add('c');
        c++;
      } else {
        plan.add('u');
        u++;
      }
    }
    return plan;
  }

  private void inject(int games, int updates, int deletes, Map<Long, Change> changes)
      throws Exception {
    long at = System.currentTimeMillis();
    JsonNode applied =
        Json.mapper()
            .readTree(
                send(
                    "POST",
                    simulatorUrl
                        + "/admin/inject?games="
                        + games
                        + "&updates="
                        + updates
                        + "&deletes="
                        + deletes));
    for (var kind : List.of(Map.entry("created", 'c'), Map.entry("updated", 'u'))) {
      for (JsonNode n : applied.path(kind.getKey())) {
        long id = n.asLong();
        Change before = changes.remove(id);
        // an update of a game made in this demo is still, downstream, its creation
        char k = before != null && before.kind() == 'c' ? 'c' : kind.getValue();
        changes.put(id, new Change(id, k, at));
      }
    }
    for (JsonNode n : applied.path("deleted")) {
      long id = n.asLong();
      changes.remove(id);
      changes.put(id, new Change(id, 'd', at));
    }
  }

  private static List<Long> ids(Map<Long, Change> changes, char kind) {
    return changes.values().stream().filter(c -> c.kind() == kind).map(Change::id).toList();
  }

  private static String since(Long t, Change c) {
    return t == null ? "-" : Long.toString(t - c.at());
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

  /**
   * Per id, the ingestion time of the first changelog row written at or after its change (latest
   * snapshot).
   */
  private Map<Long, Long> warehouseTimes(Set<Long> ids, Map<Long, Change> changes, long t0)
      throws Exception {
    Map<Long, Long> times = new HashMap<>();
    if (ids.isEmpty() || !Files.isRegularFile(snapshotDir.resolve("games_changelog.parquet"))) {
      return times;
    }
    String idList = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    try (WarehouseQuery q = WarehouseQuery.overSnapshots(snapshotDir)) {
      for (List<Object> row :
          q.query(
              "SELECT id, epoch_ms(ingestion_time) AS t FROM games_changelog WHERE id IN ("
                  + idList
                  + ") AND ingestion_time >= epoch_ms("
                  + t0
                  + ") ORDER BY t")) {
        long id = ((Number) row.get(0)).longValue();
        long t = ((Number) row.get(1)).longValue();
        Change c = changes.get(id);
        if (c != null && t >= c.at()) {
          times.putIfAbsent(id, t);
        }
      }
    } catch (java.sql.SQLException e) {
      // a snapshot being replaced right now: read it again on the next round
    }
    return times;
  }

  private static List<Long> latencies(Map<Long, Long> at, Map<Long, Change> changes) {
    return at.entrySet().stream()
        .map(e -> Math.max(0, e.getValue() - changes.get(e.getKey()).at()))
        .toList();
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
