package io.gamedata.platform.check;

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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many games each stage holds right now: IGDB (the simulator's catalogue), the raw topic,
 * {@code games.enriched}, the warehouse {@code games} table (latest Parquet snapshot of the DuckDB
 * sink) and the recommender index. A stage that cannot answer yet counts -1. Keep one instance
 * while polling: the topic counts are incremental (see {@link TopicCounter}); close it after.
 */
public final class StageCounts implements AutoCloseable {

  public static final String IGDB = "IGDB (simulator catalogue)";
  public static final String RAW = "raw topic igdb.games";
  public static final String ENRICHED = "games.enriched";
  public static final String WAREHOUSE = "warehouse table games";
  public static final String RECOMMENDER = "recommender index";

  private final String bootstrapServers;
  private final String simulatorUrl;
  private final Path snapshotDir;
  private final String recommenderUrl;
  private final TopicCounter counter;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public StageCounts(
      String bootstrapServers, String simulatorUrl, Path snapshotDir, String recommenderUrl) {
    this.bootstrapServers = bootstrapServers;
    this.simulatorUrl = simulatorUrl;
    this.snapshotDir = snapshotDir;
    this.recommenderUrl = recommenderUrl;
    this.counter = new TopicCounter(bootstrapServers);
  }

  public Map<String, Long> read() {
    Map<String, Long> c = new LinkedHashMap<>();
    if (simulatorUrl != null) {
      c.put(IGDB, jsonLong(simulatorUrl + "/admin/stats", "games"));
    }
    c.put(RAW, safe(() -> counter.liveKeys(Topics.IGDB_GAMES.name(), Duration.ofMinutes(2))));
    c.put(
        ENRICHED,
        safe(() -> counter.liveKeys(Topics.GAMES_ENRICHED.name(), Duration.ofMinutes(2))));
    c.put(WAREHOUSE, safe(this::warehouseGames));
    c.put(RECOMMENDER, jsonLong(recommenderUrl + "/api/stats", "games"));
    return c;
  }

  /** Dead-lettered records, shown beside the counts (they explain a gap, they are not a stage). */
  public long deadLetters() {
    return safe(() -> counter.totalRecords(Topics.GAMES_DLQ.name()));
  }

  @Override
  public void close() {
    counter.close();
  }

  private long warehouseGames() throws Exception {
    if (!Files.isRegularFile(snapshotDir.resolve("games.parquet"))) {
      return -1;
    }
    try (WarehouseQuery q = WarehouseQuery.overSnapshots(snapshotDir)) {
      return ((Number) q.query("SELECT count(*) FROM games").get(0).get(0)).longValue();
    }
  }

  private long jsonLong(String url, String field) {
    return safe(
        () -> {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200) {
            return -1L;
          }
          JsonNode n = Json.mapper().readTree(r.body());
          return n.path(field).asLong(-1);
        });
  }

  interface Source {
    long get() throws Exception;
  }

  private static long safe(Source s) {
    try {
      return s.get();
    } catch (Exception e) {
      return -1;
    }
  }
}
