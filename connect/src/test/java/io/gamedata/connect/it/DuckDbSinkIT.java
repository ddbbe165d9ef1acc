package io.gamedata.connect.it;

import static io.gamedata.connect.it.SinkItSupport.Rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gamedata.connect.Games;
import io.gamedata.connect.query.WarehouseQuery;
import io.gamedata.contracts.dlq.DeadLetter;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.local.EmbeddedConnectWorker;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB sink in a real in-JVM Connect worker against the embedded broker. */
@ExtendWith(KafkaExtension.class)
class DuckDbSinkIT {

  @TempDir Path dir;

  private static byte[] game(long id, String name) {
    return Games.json(Games.full(id).toBuilder().name(name).build());
  }

  private static Map<Long, String> gamesTable(Path db) throws Exception {
    Map<Long, String> out = new TreeMap<>();
    try (WarehouseQuery q = WarehouseQuery.readOnly(db)) {
      for (List<Object> r : q.query("SELECT id, name FROM games")) {
        assertThat(out.put((Long) r.get(0), (String) r.get(1)))
            .as("duplicate id %s", r.get(0))
            .isNull();
      }
      assertThat(q.query("SELECT id, name FROM games_current ORDER BY id"))
          .isEqualTo(q.query("SELECT id, name FROM games ORDER BY id"));
    }
    return out;
  }

  @Test
  void replayingACompactedTopicWithUpdatesAndTombstonesGivesExactlyTheExpectedTable(
      KafkaCluster cluster) throws Exception {
    Topic<Long, ?> topic = cluster.createTopic(Topics.GAMES_ENRICHED);
    List<Rec> records = new ArrayList<>();
    Map<Long, String> expected = new TreeMap<>();
    for (long id = 1; id <= 60; id++) {
      records.add(new Rec(id, game(id, "v1-" + id)));
      expected.put(id, "v1-" + id);
    }
    for (long id = 1; id <= 30; id++) {
      records.add(new Rec(id, game(id, "v2-" + id)));
      expected.put(id, "v2-" + id);
    }
    for (long id = 10; id <= 20; id++) {
      records.add(new Rec(id, null));
      expected.remove(id);
    }
    records.add(new Rec(15, game(15, "reborn-15")));
    expected.put(15L, "reborn-15");
    records.add(new Rec(999, null)); // delete of an unknown id: a no-op
    SinkItSupport.produce(cluster, topic.name(), records);

    Path db = dir.resolve("warehouse.duckdb");
    try (EmbeddedConnectWorker worker =
        EmbeddedConnectWorker.builder(cluster.bootstrapServers()).build()) {
      worker.start();
      worker.put(
          "/connectors/duckdb-replay/config",
          SinkItSupport.json(SinkItSupport.duckDbConnector(topic.name(), db.toString())));
      SinkItSupport.awaitCaughtUp(cluster, "duckdb-replay", topic.name(), Duration.ofSeconds(90));
    }
    assertThat(gamesTable(db)).isEqualTo(expected);
  }

  @Test
  void badRecordsLandInTheDlqWithTheirReasonAndTheConnectorKeepsRunning(KafkaCluster cluster)
      throws Exception {
    Topic<Long, ?> topic = cluster.createTopic(Topics.GAMES_ENRICHED.withPartitions(1));
    Topic<byte[], byte[]> dlq = cluster.createTopic(Topics.GAMES_DLQ);
    SinkItSupport.produce(
        cluster,
        topic.name(),
        List.of(
            new Rec(1, game(1, "one")),
            new Rec(2, "not json".getBytes(StandardCharsets.UTF_8)),
            new Rec(3, "{\"schema_version\":1,\"id\":3}".getBytes(StandardCharsets.UTF_8)),
            new Rec(4, game(4, "four"))));

    Path db = dir.resolve("warehouse.duckdb");
    Map<String, String> config = SinkItSupport.duckDbConnector(topic.name(), db.toString());
    config.put("errors.tolerance", "all");
    config.put("errors.deadletterqueue.topic.name", dlq.name());
    config.put("errors.deadletterqueue.topic.replication.factor", "1");
    config.put("errors.deadletterqueue.context.headers.enable", "true");
    try (EmbeddedConnectWorker worker =
        EmbeddedConnectWorker.builder(cluster.bootstrapServers()).build()) {
      worker.start();
      worker.put("/connectors/duckdb-dlq/config", SinkItSupport.json(config));
      SinkItSupport.awaitCaughtUp(cluster, "duckdb-dlq", topic.name(), Duration.ofSeconds(90));

      List<ConsumerRecord<byte[], byte[]>> dead = cluster.readAll(dlq, Duration.ofSeconds(30));
      assertThat(dead).hasSize(2);
      assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not json");
      assertThat(DeadLetter.get(dead.get(0).headers(), "__connect.errors.exception.message"))
          .contains("not valid JSON");
      assertThat(DeadLetter.get(dead.get(1).headers(), "__connect.errors.exception.message"))
          .contains("missing required field: name");
      assertThat(DeadLetter.get(dead.get(1).headers(), "__connect.errors.offset")).isEqualTo("2");
      assertThat(DeadLetter.get(dead.get(1).headers(), "__connect.errors.topic"))
          .isEqualTo(topic.name());

      // still running: a later good record is loaded too
      String status = worker.get("/connectors/duckdb-dlq/status");
      assertThat(status).contains("RUNNING").doesNotContain("FAILED");
      SinkItSupport.produce(cluster, topic.name(), List.of(new Rec(5, game(5, "five"))));
      SinkItSupport.awaitCaughtUp(cluster, "duckdb-dlq", topic.name(), Duration.ofSeconds(60));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> worker.get("/connectors/duckdb-dlq/status").contains("RUNNING"));
    }
    assertThat(gamesTable(db)).isEqualTo(Map.of(1L, "one", 4L, "four", 5L, "five"));
  }
}
