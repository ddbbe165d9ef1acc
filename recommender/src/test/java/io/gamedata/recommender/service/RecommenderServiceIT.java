package io.gamedata.recommender.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.contracts.similar.SimilarGames;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import io.gamedata.recommender.adapter.kafka.OffsetSnapshot;
import io.gamedata.recommender.adapter.kafka.StateSnapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole service on the embedded broker: follow, publish, delete, restart. */
@ExtendWith(KafkaExtension.class)
class RecommenderServiceIT {

  @TempDir Path state;
  final HttpClient http = HttpClient.newHttpClient();

  Topic<Long, EnrichedGame> enriched;
  Topic<Long, SimilarGames> similar;

  RecommenderConfig config(KafkaCluster kafka) {
    return config(kafka, Map.of());
  }

  RecommenderConfig config(KafkaCluster kafka, Map<String, String> overrides) {
    enriched = enriched == null ? kafka.createTopic(Topics.GAMES_ENRICHED) : enriched;
    similar = similar == null ? kafka.createTopic(Topics.GAMES_SIMILAR) : similar;
    Map<String, String> m = new HashMap<>();
    m.put(RecommenderConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    m.put(RecommenderConfig.TOPIC_ENRICHED_CONFIG, enriched.name());
    m.put(RecommenderConfig.TOPIC_SIMILAR_CONFIG, similar.name());
    m.put(RecommenderConfig.TOPIC_DLQ_CONFIG, kafka.createTopic(Topics.GAMES_DLQ).name());
    m.put(RecommenderConfig.HTTP_HOST_CONFIG, "127.0.0.1");
    m.put(RecommenderConfig.HTTP_PORT_CONFIG, "0");
    m.put(RecommenderConfig.HTTP_THREADS_CONFIG, "2");
    m.put(RecommenderConfig.LIST_SIZE_CONFIG, "10");
    m.put(RecommenderConfig.LIMIT_DEFAULT_CONFIG, "5");
    m.put(RecommenderConfig.STATE_DIR_CONFIG, state.toString());
    m.put(RecommenderConfig.SNAPSHOT_INTERVAL_CONFIG, "200");
    m.put(RecommenderConfig.IDF_DRIFT_CONFIG, "0.5"); // one new game in twelve: no new IDF
    m.putAll(overrides);
    return RecommenderConfig.from(m);
  }

  static Map<Long, EnrichedGame> byId(List<EnrichedGame> games) {
    Map<Long, EnrichedGame> m = new LinkedHashMap<>();
    games.forEach(g -> m.put(g.id(), g));
    return m;
  }

  HttpResponse<String> get(RecommenderService s, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  List<Long> similarIds(RecommenderService s, long id) throws Exception {
    HttpResponse<String> r = get(s, "/api/games/" + id + "/similar?limit=10");
    assertThat(r.statusCode()).isEqualTo(200);
    List<Long> out = new ArrayList<>();
    Json.mapper().readTree(r.body()).get("results").forEach(n -> out.add(n.get("id").asLong()));
    return out;
  }

  static void awaitReady(RecommenderService s) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(s::ready);
  }

  @Test
  void newGameAppearsWithinASecondAndADeleteRemovesItEverywhere(KafkaCluster kafka)
      throws Exception {
    RecommenderConfig config = config(kafka);
    kafka.produce(enriched, byId(Fixtures.catalogue()));
    try (RecommenderService s = new RecommenderService(config).start();
        TopicTail tail = new TopicTail(kafka, similar);
        KafkaProducer<Long, EnrichedGame> producer =
            new KafkaProducer<>(
                kafka.producerConfig(),
                enriched.keySerde().serializer(),
                enriched.valueSerde().serializer())) {
      awaitReady(s);
      assertThat(s.startMode()).isEqualTo("build");
      await().atMost(Duration.ofSeconds(10)).until(() -> tail.lists().size() == 12);
      assertThat(get(s, "/ready").statusCode()).isEqualTo(200);
      assertThat(Json.mapper().readTree(get(s, "/api/stats").body()).get("games").asInt())
          .isEqualTo(12);

      EnrichedGame nova =
          Fixtures.game(
              13,
              "Star Blaster III",
              2021,
              List.of("Shooter"),
              List.of("Science fiction", "Action"),
              List.of("space", "aliens", "lasers"),
              List.of("Star Blaster"),
              List.of("PC (Microsoft Windows)"));
      producer.partitionsFor(enriched.name()); // metadata fetched before the clock starts
      long t0 = System.nanoTime();
      producer.send(new ProducerRecord<>(enriched.name(), 13L, nova)).get();
      await()
          .atMost(Duration.ofSeconds(1))
          .pollInterval(Duration.ofMillis(10))
          .until(
              () ->
                  get(s, "/api/games/13").statusCode() == 200
                      && similarIds(s, 1).contains(13L)
                      && tail.get(13) != null
                      && tail.get(13).isPresent()
                      && tail.get(1).orElseThrow().similar().stream().anyMatch(e -> e.id() == 13));
      long appearedMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(appearedMs).isLessThan(1000);
      assertThat(similarIds(s, 13)).startsWith(1L, 2L); // its own franchise first
      // the lists it entered go out once per batch, after its own: every published list agrees
      // with the engine's shortly after
      List<Long> all = java.util.stream.LongStream.rangeClosed(1, 13).boxed().toList();
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> assertThat(idsAndScores(tail.lists())).isEqualTo(engineLists(s, all)));
      // which published lists hold the new game: the delete must clear all of them
      List<Long> holders =
          tail.lists().values().stream()
              .filter(l -> l.similar().stream().anyMatch(e -> e.id() == 13))
              .map(SimilarGames::gameId)
              .toList();
      assertThat(holders).contains(1L, 2L);

      long t1 = System.nanoTime();
      producer.send(new ProducerRecord<>(enriched.name(), 13L, null)).get();
      await()
          .atMost(Duration.ofSeconds(1))
          .pollInterval(Duration.ofMillis(10))
          .until(
              () ->
                  get(s, "/api/games/13").statusCode() == 404
                      && get(s, "/api/games/13/similar").statusCode() == 404
                      && tail.get(13).isEmpty()
                      && holders.stream()
                          .allMatch(
                              h ->
                                  tail.get(h).orElseThrow().similar().stream()
                                      .noneMatch(e -> e.id() == 13)));
      long removedMs = (System.nanoTime() - t1) / 1_000_000;
      assertThat(removedMs).isLessThan(1000);
      for (long id = 1; id <= 12; id++) {
        assertThat(similarIds(s, id)).doesNotContain(13L);
      }
      assertThat(tail.lists().values())
          .allSatisfy(l -> assertThat(l.similar()).noneMatch(e -> e.id() == 13));
      String metrics = get(s, "/metrics").body();
      assertThat(metrics)
          .contains("recommender_update_lag_seconds_count", "recommender_index_games 12");
      System.out.printf(
          "new game visible after %d ms, delete after %d ms%n", appearedMs, removedMs);
    }
  }

  /** A varied synthetic catalogue: shared genres, themes, keywords and franchises. */
  static List<EnrichedGame> manyGames(int n, int variant) {
    java.util.Random rnd = new java.util.Random(42 + variant);
    String[] genres = {"Shooter", "Puzzle", "RPG", "Strategy", "Racing", "Sport", "Adventure"};
    String[] themes = {"Action", "Fantasy", "Science fiction", "Horror", "Comedy", "Drama"};
    List<EnrichedGame> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      List<String> kw = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        kw.add("kw" + rnd.nextInt(variant == 0 ? 400 : 60));
      }
      out.add(
          Fixtures.game(
              i,
              "Game " + i,
              1990 + rnd.nextInt(35),
              List.of(genres[rnd.nextInt(genres.length)]),
              List.of(themes[rnd.nextInt(themes.length)], themes[rnd.nextInt(themes.length)]),
              kw,
              List.of("Franchise " + rnd.nextInt(300)),
              List.of("PC (Microsoft Windows)")));
    }
    return out;
  }

  static Map<Long, List<String>> idsAndScores(Map<Long, SimilarGames> lists) {
    Map<Long, List<String>> out = new HashMap<>();
    lists.forEach(
        (id, l) -> out.put(id, l.similar().stream().map(e -> e.id() + ":" + e.score()).toList()));
    return out;
  }

  static Map<Long, List<String>> engineLists(RecommenderService s, List<Long> ids) {
    Map<Long, SimilarGames> lists = new HashMap<>();
    for (long id : ids) {
      s.engine().list(id).ifPresent(l -> lists.put(id, l));
    }
    return idsAndScores(lists);
  }

  @Test
  void aCataloguePouringInIsBuiltInBulkAndANewIdfGenerationIsRepublished(KafkaCluster kafka)
      throws Exception {
    // a bulk threshold below the catalogue's per-partition share: a transaction's commit markers
    // reach the partitions one after the other, so a first poll may see only one partition
    RecommenderConfig config =
        config(
            kafka,
            Map.of(
                RecommenderConfig.IDF_DRIFT_CONFIG,
                "0.1",
                RecommenderConfig.BULK_MIN_BACKLOG_CONFIG,
                "500"));
    int n = 6_000;
    List<Long> ids = new ArrayList<>();
    for (long id = 1; id <= n; id++) {
      ids.add(id);
    }
    try (RecommenderService s = new RecommenderService(config).start();
        TopicTail tail = new TopicTail(kafka, similar)) {
      awaitReady(s); // on an empty topic
      assertThat(s.engine().size()).isZero();
      // the whole catalogue arrives at once (one transaction, as an exactly-once streams app
      // commits): more records wait than the index holds
      Map<String, Object> tx = new HashMap<>(kafka.producerConfig());
      tx.put("transactional.id", KafkaCluster.unique("bulk"));
      try (KafkaProducer<Long, EnrichedGame> p =
          new KafkaProducer<>(
              tx, enriched.keySerde().serializer(), enriched.valueSerde().serializer())) {
        p.initTransactions();
        p.beginTransaction();
        for (EnrichedGame g : manyGames(n, 0)) {
          p.send(new ProducerRecord<>(enriched.name(), g.id(), g));
        }
        p.commitTransaction();
      }
      await().atMost(Duration.ofSeconds(120)).until(() -> s.engine().size() == n);
      // the build installs the index, then counts itself: the counter may follow a moment later
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(s.meters().get("recommender.bulk.builds").counter().count())
                      .isPositive());
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> assertThat(idsAndScores(tail.lists())).isEqualTo(engineLists(s, ids)));
      long generation = s.engine().idfGeneration();

      // 1,200 documents change (more than 10% and more than 1,000): a new IDF generation is built
      // in the background, installed, and every list it changed is republished
      Map<Long, EnrichedGame> changed = new LinkedHashMap<>();
      for (EnrichedGame g : manyGames(1_200, 1)) {
        changed.put(g.id(), g);
      }
      kafka.produce(enriched, changed);
      await()
          .atMost(Duration.ofSeconds(120))
          .until(
              () ->
                  s.engine().idfGeneration() > generation
                      && s.meters().get("recommender.idf.swaps").counter().count() > 0);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> assertThat(idsAndScores(tail.lists())).isEqualTo(engineLists(s, ids)));
      assertThat(s.engine().game(7).orElseThrow().keywords()).isEqualTo(changed.get(7L).keywords());
    }
  }

  @Test
  void invalidRecordsGoToTheDeadLetterTopicAndTheRestIsServed(KafkaCluster kafka) throws Exception {
    RecommenderConfig config = config(kafka);
    Map<Long, EnrichedGame> games = byId(Fixtures.catalogue());
    kafka.produce(enriched, games);
    // a record whose key differs from the document id, written with the contract serde
    kafka.produce(enriched, Map.of(99L, games.get(1L)));
    try (RecommenderService s = new RecommenderService(config).start()) {
      awaitReady(s);
      assertThat(get(s, "/api/games/99").statusCode()).isEqualTo(404);
      assertThat(get(s, "/api/games/1").statusCode()).isEqualTo(200);
      var dlq = Topics.GAMES_DLQ.withName(config.dlqTopic());
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> kafka.readAll(dlq, Duration.ofSeconds(10)).size() == 1);
      var dead = kafka.readAll(dlq, Duration.ofSeconds(10)).get(0);
      assertThat(
              io.gamedata.contracts.dlq.DeadLetter.get(
                  dead.headers(), io.gamedata.contracts.dlq.DeadLetter.REASON))
          .contains("does not match");
    }
  }

  @Test
  void aRestartLoadsTheStateSnapshotOrFallsBackToKafkaAndServesIdenticalAnswers(KafkaCluster kafka)
      throws Exception {
    RecommenderConfig config = config(kafka);
    kafka.produce(enriched, byId(Fixtures.catalogue()));
    Map<String, String> before = new LinkedHashMap<>();
    try (RecommenderService s = new RecommenderService(config).start()) {
      awaitReady(s);
      assertThat(s.startMode()).isEqualTo("build");
      answers(s, before);
    }
    OffsetSnapshot saved = OffsetSnapshot.read(state).orElseThrow();
    assertThat(saved.offsets().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(12);
    StateSnapshot snapshot = StateSnapshot.read(state).orElseThrow();
    assertThat(snapshot.offsets()).isEqualTo(saved.offsets());
    assertThat(snapshot.engine().games()).hasSize(12);

    // a damaged snapshot (a crash without a good one) is ignored: lists from games.similar
    Path file = state.resolve(StateSnapshot.FILE);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    try (RecommenderService s = new RecommenderService(config).start()) {
      awaitReady(s);
      assertThat(s.startMode()).isEqualTo("restore");
      Map<String, String> after = new LinkedHashMap<>();
      answers(s, after);
      assertThat(after).isEqualTo(before);
    }

    // that start wrote a good snapshot again: loaded without reading Kafka, same answers
    Map<String, String> withPuzzle = new LinkedHashMap<>();
    try (RecommenderService s = new RecommenderService(config).start()) {
      awaitReady(s);
      assertThat(s.startMode()).isEqualTo("snapshot");
      Map<String, String> after = new LinkedHashMap<>();
      answers(s, after);
      assertThat(after).isEqualTo(before);

      // changes after it came back are applied on top, and end up in the next snapshot
      EnrichedGame puzzle =
          Fixtures.game(
              14,
              "Block Drop 2",
              2022,
              List.of("Puzzle"),
              List.of("Kids"),
              List.of("tiles", "falling blocks"),
              List.of(),
              List.of("PC (Microsoft Windows)"));
      kafka.produce(enriched, Map.of(14L, puzzle));
      await().atMost(Duration.ofSeconds(5)).until(() -> similarIds(s, 9).contains(14L));
      answers(s, withPuzzle);
    }
    assertThat(StateSnapshot.read(state).orElseThrow().engine().games()).hasSize(13);

    // the incremental state (IDF generation and drift included) comes back exactly
    try (RecommenderService s = new RecommenderService(config).start()) {
      awaitReady(s);
      assertThat(s.startMode()).isEqualTo("snapshot");
      Map<String, String> after = new LinkedHashMap<>();
      answers(s, after);
      assertThat(after).isEqualTo(withPuzzle);
      assertThat(s.engine().stats().changesSinceGeneration()).isEqualTo(1);
    }
  }

  private void answers(RecommenderService s, Map<String, String> out) throws Exception {
    for (long id = 1; id <= 12; id++) {
      String path = "/api/games/" + id + "/similar?limit=10";
      out.put(path, stripGeneration(get(s, path).body()));
    }
    out.put("search", get(s, "/api/search?q=dragon").body());
    var rec =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + s.port() + "/api/recommendations"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"liked\": [1, 5], \"limit\": 8}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    out.put("recommendations", stripGeneration(rec.body()));
  }

  /** The IDF generation number counts builds of this process; the answers must not differ. */
  private static String stripGeneration(String body) throws Exception {
    JsonNode n = Json.mapper().readTree(body);
    ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("idf_generation");
    return n.toString();
  }
}
