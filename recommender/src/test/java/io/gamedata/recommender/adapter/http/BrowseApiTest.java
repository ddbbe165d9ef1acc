package io.gamedata.recommender.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.json.Json;
import io.gamedata.recommender.browse.Browsing;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.ExactSimilarityEngine;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API the page browses by, over {@link WebCatalogue}: a game's franchise and series, the filter
 * choices, ratings in results, and equal scores in the player's order (also across the cut).
 */
class BrowseApiTest {

  static HttpApi api;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    ExactSimilarityEngine engine =
        new ExactSimilarityEngine(EngineConfig.defaults().withListSize(10));
    Browsing browsing = Browsing.of(engine);
    browsing.writer().buildAll(WebCatalogue.games());
    api =
        new HttpApi(
                engine,
                browsing,
                new ServiceStatus() {
                  @Override
                  public boolean live() {
                    return true;
                  }

                  @Override
                  public boolean ready() {
                    return true;
                  }

                  @Override
                  public long lag() {
                    return 0;
                  }

                  @Override
                  public String phase() {
                    return "LIVE";
                  }
                },
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new ApiSettings("127.0.0.1", 0, 2, 4096, 10, 100, 10))
            .start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  static List<Long> ids(JsonNode games) {
    List<Long> out = new ArrayList<>();
    games.forEach(g -> out.add(g.get("id").asLong()));
    return out;
  }

  @Test
  void aGamesFranchiseAndSeriesByRelease() throws Exception {
    JsonNode body = json(get("/api/games/2/series"));
    assertThat(body.get("id").asLong()).isEqualTo(2);
    JsonNode franchise = body.get("franchises").get(0);
    assertThat(franchise.get("name").asText()).isEqualTo("Star Blaster");
    assertThat(franchise.get("total").asInt()).isEqualTo(3);
    assertThat(ids(franchise.get("games"))).containsExactly(1L, 2L, 3L); // 1999, 2002, 2003
    assertThat(franchise.get("games").get(1).get("total_rating_count").asInt()).isEqualTo(410);
    assertThat(ids(body.get("collections").get(0).get("games"))).containsExactly(1L, 2L, 3L);
    JsonNode limited = json(get("/api/games/2/series?limit=1")).get("franchises").get(0);
    assertThat(limited.get("total").asInt()).isEqualTo(3);
    assertThat(ids(limited.get("games"))).containsExactly(1L);
    // a game of no franchise or series, an unknown game, a bad parameter
    JsonNode none = json(get("/api/games/20/series"));
    assertThat(none.get("franchises")).isEmpty();
    assertThat(none.get("collections")).isEmpty();
    assertThat(get("/api/games/999/series").statusCode()).isEqualTo(404);
    assertThat(get("/api/games/2/series?limit=0").statusCode()).isEqualTo(400);
    assertThat(get("/api/games/2/series?sort=name").statusCode()).isEqualTo(400);
  }

  @Test
  void facetsCountTheGamesOfEachPlatformAndType() throws Exception {
    HttpResponse<String> r = get("/api/facets");
    JsonNode body = json(r);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("private, max-age=60");
    JsonNode first = body.get("platforms").get(0);
    assertThat(first.get("name").asText()).isEqualTo(WebCatalogue.PC);
    assertThat(first.get("games").asInt()).isEqualTo(14);
    assertThat(body.get("platforms")).hasSize(3);
    assertThat(body.get("game_types").get(0).get("name").asText()).isEqualTo("Main Game");
    assertThat(body.get("game_types").get(1).get("name").asText()).isEqualTo("Bundle");
  }

  @Test
  void equalScoresComeMostRatedFirstAlsoAtTheCut() throws Exception {
    // Shadow Arena (20) and games 21-23 share one theme and nothing else: all score 1.0; the
    // engine orders them by id (21, 22, 23), a player by ratings, rating, release
    JsonNode all = json(get("/api/games/20/similar?limit=3")).get("results");
    assertThat(ids(all)).containsExactly(22L, 23L, 21L);
    assertThat(all.get(0).get("score").asDouble()).isEqualTo(all.get(2).get("score").asDouble());
    assertThat(all.get(0).get("total_rating_count").asInt()).isEqualTo(5000);
    assertThat(all.get(0).get("total_rating").asDouble()).isEqualTo(90.0);
    // cut inside the tie: the most rated two, not the two lowest ids
    assertThat(ids(json(get("/api/games/20/similar?limit=2")).get("results")))
        .containsExactly(22L, 23L);
    assertThat(ids(json(get("/api/games/20/similar?limit=1")).get("results"))).containsExactly(22L);
    JsonNode recs = json(post("/api/recommendations", "{\"liked\": [20], \"limit\": 2}"));
    assertThat(ids(recs.get("results"))).containsExactly(22L, 23L);
  }
}
