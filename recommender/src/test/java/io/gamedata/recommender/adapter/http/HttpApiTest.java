package io.gamedata.recommender.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.recommender.browse.Browsing;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.ExactSimilarityEngine;
import io.gamedata.recommender.engine.Query;
import io.gamedata.recommender.engine.ScoredGame;
import io.gamedata.recommender.service.Fixtures;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP API on a random port with a real HTTP client, over an engine built from fixtures. */
class HttpApiTest {

  static final int MAX_BODY = 1024;
  static ExactSimilarityEngine engine;
  static Browsing browsing;
  static HttpApi api;
  static HttpClient client;
  static volatile boolean ready;

  @BeforeAll
  static void start() {
    engine = new ExactSimilarityEngine(EngineConfig.defaults().withListSize(10));
    browsing = Browsing.of(engine);
    browsing.writer().buildAll(Fixtures.catalogue());
    ServiceStatus status =
        new ServiceStatus() {
          @Override
          public boolean live() {
            return true;
          }

          @Override
          public boolean ready() {
            return ready;
          }

          @Override
          public long lag() {
            return ready ? 0 : 5;
          }

          @Override
          public String phase() {
            return ready ? "LIVE" : "CATCHING_UP";
          }
        };
    api =
        new HttpApi(
                engine,
                browsing,
                status,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new ApiSettings("127.0.0.1", 0, 4, MAX_BODY, 5, 100, 10))
            .start();
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static HttpResponse<String> send(HttpRequest r) throws Exception {
    return client.send(r, HttpResponse.BodyHandlers.ofString());
  }

  static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + api.port() + path);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  static List<Long> ids(JsonNode results) {
    List<Long> out = new ArrayList<>();
    results.forEach(n -> out.add(n.get("id").asLong()));
    return out;
  }

  @Test
  void gameReturnsTheDocument() throws Exception {
    var r = get("/api/games/1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json(r).get("name").asText()).isEqualTo("Star Blaster");
    assertThat(json(r).get("release_year").asInt()).isEqualTo(1999);
  }

  @Test
  void similarListsNeighboursWithExplanations() throws Exception {
    var r = get("/api/games/1/similar");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.get("game").get("id").asLong()).isEqualTo(1);
    JsonNode results = body.get("results");
    assertThat(results.size()).isEqualTo(5); // limit.default
    assertThat(results.get(0).get("id").asLong()).isEqualTo(2); // same franchise
    assertThat(results.get(0).get("reasons").toString()).contains("franchise:Star Blaster");
    assertThat(results.get(0).get("platforms").size()).isEqualTo(2);
    assertThat(results.get(0).get("release_year").asInt()).isEqualTo(2002);
    assertThat(ids(results)).doesNotContain(1L);
  }

  @Test
  void similarBodyIsTheEngineAnswerInTheDocumentedShape() throws Exception {
    // the body is streamed by hand: it must equal the engine's answer mapped by the shared mapper
    // (snake_case fields, null fields left out)
    String body = get("/api/games/1/similar?limit=4").body();
    EnrichedGame g = engine.game(1).orElseThrow();
    Map<String, Object> game = new LinkedHashMap<>();
    game.put("id", g.id());
    game.put("name", g.name());
    game.put("release_year", g.releaseYear());
    game.put("platforms", g.platforms());
    game.put("genres", g.genres());
    game.put("game_type", g.gameType());
    game.put("cover_url", g.coverUrl());
    List<Map<String, Object>> results = new ArrayList<>();
    for (ScoredGame r : engine.similar(1, Query.DEFAULT, 4)) {
      EnrichedGame d = engine.game(r.id()).orElseThrow();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("name", r.name());
      m.put("score", Math.round(r.score() * 1e6) / 1e6);
      m.put("release_year", d.releaseYear());
      m.put("platforms", d.platforms());
      m.put("game_type", d.gameType());
      m.put("cover_url", d.coverUrl());
      m.put("reasons", r.reasons());
      results.add(m);
    }
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("game", game);
    expected.put("idf_generation", engine.idfGeneration());
    expected.put("results", results);
    assertThat(body).isEqualTo(Json.mapper().writeValueAsString(expected));
  }

  @Test
  void similarAppliesFiltersAndExplainSwitch() throws Exception {
    JsonNode all = json(get("/api/games/1/similar?limit=3&explain=false")).get("results");
    assertThat(all.size()).isEqualTo(3);
    assertThat(all.get(0).has("reasons")).isFalse();
    JsonNode noFranchise =
        json(get("/api/games/1/similar?limit=3&excludeFranchise=true")).get("results");
    assertThat(ids(noFranchise)).doesNotContain(2L).contains(3L, 4L);
    JsonNode ps4 =
        json(get("/api/games/1/similar?platform=PlayStation%204&yearFrom=2005&yearTo=2012"))
            .get("results");
    assertThat(ids(ps4)).isNotEmpty().doesNotContain(2L); // 2 is from 2002
    ps4.forEach(
        n -> {
          assertThat(n.get("platforms").toString()).contains("PlayStation 4");
          assertThat(n.get("release_year").asInt()).isBetween(2005, 2012);
        });
  }

  @Test
  void recommendationsForLikedGames() throws Exception {
    var r = post("/api/recommendations", "{\"liked\": [1, 2], \"limit\": 3}");
    assertThat(r.statusCode()).isEqualTo(200);
    List<Long> ids = ids(json(r).get("results"));
    assertThat(ids).hasSize(3).doesNotContain(1L, 2L);
    assertThat(ids.get(0)).isIn(3L, 4L);
    var filtered =
        post(
            "/api/recommendations",
            "{\"liked\": [5], \"disliked\": [7], \"filters\": {\"platforms\": [\"Nintendo Switch\"]},"
                + " \"limit\": 10}");
    assertThat(filtered.statusCode()).isEqualTo(200);
    assertThat(ids(json(filtered).get("results"))).isNotEmpty().doesNotContain(5L, 7L, 6L);
  }

  @Test
  void searchIsAPrefixTypeahead() throws Exception {
    var r = get("/api/search?q=star");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(ids(json(r).get("results"))).containsExactly(1L, 2L);
    assertThat(json(get("/api/search?q=zzz")).get("results").size()).isZero();
  }

  @Test
  void opsEndpoints() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    ready = false;
    var notReady = get("/ready");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(json(notReady).get("lag").asLong()).isEqualTo(5);
    ready = true;
    assertThat(get("/ready").statusCode()).isEqualTo(200);
    get("/api/games/1/similar");
    var stats = json(get("/api/stats"));
    assertThat(stats.get("games").asInt()).isEqualTo(12);
    assertThat(stats.get("idf_generation").asLong()).isEqualTo(engine.idfGeneration());
    assertThat(stats.get("lag").asLong()).isZero();
    var metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("recommender_query_latency_seconds_count{endpoint=\"similar\"}");
    var openapi = get("/openapi.yaml");
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/games/{id}/similar", "/api/recommendations");
    var page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).containsPattern("<script type=\"module\" src=\"assets/\\w+/app.js\">");
  }

  @ParameterizedTest(name = "GET {0} -> {1} naming {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/games/999|404|id",
        "/api/games/abc|400|id",
        "/api/games/-3|400|id",
        "/api/games/999/similar|404|id",
        "/api/games/x/similar|400|id",
        "/api/games/1/similar?limit=0|400|limit",
        "/api/games/1/similar?limit=101|400|limit",
        "/api/games/1/similar?limit=ten|400|limit",
        "/api/games/1/similar?limit=5&limit=6|400|limit",
        "/api/games/1/similar?yearFrom=abc|400|yearFrom",
        "/api/games/1/similar?yearTo=99999|400|yearTo",
        "/api/games/1/similar?yearFrom=2010&yearTo=2000|400|yearFrom",
        "/api/games/1/similar?excludeFranchise=maybe|400|excludeFranchise",
        "/api/games/1/similar?explain=perhaps|400|explain",
        "/api/games/1/similar?maxPerFranchise=-1|400|maxPerFranchise",
        "/api/games/1/similar?colour=red|400|colour",
        "/api/games/1?limit=3|400|limit",
        "/api/search|400|q",
        "/api/search?q=%20|400|q",
        "/api/search?q=star&limit=1000|400|limit",
      })
  void badGetRequests(String path, int status, String parameter) throws Exception {
    var r = get(path);
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json(r);
    assertThat(body.get("error").asText()).isNotBlank();
    assertThat(body.get("parameter").asText()).isEqualTo(parameter);
  }

  @Test
  void unknownPathIs404() throws Exception {
    var r = get("/api/nothing");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).get("error").asText()).contains("/api/nothing");
    assertThat(get("/api/games/1/other").statusCode()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0} {1} -> 405")
  @CsvSource({
    "POST,/api/games/1,GET",
    "PUT,/api/games/1/similar,GET",
    "DELETE,/api/games/1,GET",
    "PATCH,/api/search?q=a,GET",
    "GET,/api/recommendations,POST",
    "DELETE,/api/recommendations,POST",
    "POST,/,GET"
  })
  void otherMethodsAre405(String method, String path, String allow) throws Exception {
    var r =
        send(
            HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow").orElse("")).contains(allow);
    assertThat(json(r).get("error").asText()).contains(method);
  }

  @ParameterizedTest(name = "POST {0} -> {1} naming {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{not json|400|body",
        "[1, 2]|400|body",
        "{}|400|liked",
        "{\"liked\": []}|400|liked",
        "{\"liked\": \"1\"}|400|liked",
        "{\"liked\": [1.5]}|400|liked",
        "{\"liked\": [-1]}|400|liked",
        "{\"liked\": [1], \"disliked\": {}}|400|disliked",
        "{\"liked\": [1], \"limit\": 0}|400|limit",
        "{\"liked\": [1], \"limit\": 500}|400|limit",
        "{\"liked\": [1], \"limit\": \"5\"}|400|limit",
        "{\"liked\": [1], \"explain\": \"yes\"}|400|explain",
        "{\"liked\": [1], \"filters\": 3}|400|filters",
        "{\"liked\": [1], \"filters\": {\"yearFrom\": \"x\"}}|400|filters.yearFrom",
        "{\"liked\": [1], \"filters\": {\"yearFrom\": 2010, \"yearTo\": 2000}}|400|yearFrom",
        "{\"liked\": [1], \"filters\": {\"platforms\": [1]}}|400|filters.platforms",
        "{\"liked\": [1], \"filters\": {\"colour\": \"red\"}}|400|filters.colour",
        "{\"liked\": [1], \"mood\": \"happy\"}|400|mood",
        "{\"liked\": [998, 999]}|404|liked",
      })
  void badRecommendationBodies(String body, int status, String parameter) throws Exception {
    var r = post("/api/recommendations", body);
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(json(r).get("parameter").asText()).isEqualTo(parameter);
  }

  @Test
  void emptyAndOversizedBodies() throws Exception {
    var empty = post("/api/recommendations", "");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(json(empty).get("parameter").asText()).isEqualTo("body");
    String big = "{\"liked\": [1], \"pad\": \"" + "x".repeat(MAX_BODY * 4) + "\"}";
    var r = post("/api/recommendations", big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(json(r).get("error").asText()).contains("larger than " + MAX_BODY);
    var many = new StringBuilder("{\"liked\": [");
    for (int i = 1; i <= 101; i++) {
      many.append(i == 1 ? "" : ",").append(i);
    }
    var tooMany = post("/api/recommendations", many + "]}");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(json(tooMany).get("parameter").asText()).isEqualTo("liked");
  }
}
