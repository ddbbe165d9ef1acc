package io.gamedata.connect.it;

import static io.gamedata.connect.it.SinkItSupport.Rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gamedata.connect.Games;
import io.gamedata.connect.query.WarehouseQuery;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.local.EmbeddedConnectWorker;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of a worker mid-stream, then a restart: {@code games_changelog} holds every offset of the
 * topic exactly once. The first worker runs in a child JVM (destroyed with SIGKILL while it is
 * committing small batches, Kafka-side offsets never committed); the second runs in this JVM and
 * must resume from the offsets stored in DuckDB.
 */
@ExtendWith(KafkaExtension.class)
class SinkCrashRestartIT {

  private static final int GAMES = 400;
  private static final int VERSIONS = 5;

  @TempDir Path dir;

  @Test
  void workerKilledMidStreamAndRestartedLeavesNoDuplicateAndNoGap(KafkaCluster cluster)
      throws Exception {
    // a delete-policy copy of the contract: compaction must not remove offsets we count
    Topic<Long, ?> contract = Topics.GAMES_ENRICHED.withPartitions(3);
    Topic<Long, ?> topic =
        cluster.createTopic(
            new Topic<>(
                contract.name(),
                contract.keySerde(),
                contract.valueSerde(),
                contract.partitions(),
                Optional.empty(),
                Map.of()));
    List<Rec> records = new ArrayList<>();
    Map<Long, String> expected = new TreeMap<>();
    for (int v = 1; v <= VERSIONS; v++) {
      for (long id = 1; id <= GAMES; id++) {
        if (v == VERSIONS && id % 10 == 0) {
          records.add(new Rec(id, null));
          expected.remove(id);
        } else {
          String name = "v" + v + "-" + id;
          records.add(new Rec(id, Games.json(Games.full(id).toBuilder().name(name).build())));
          expected.put(id, name);
        }
      }
    }
    SinkItSupport.produce(cluster, topic.name(), records);
    int total = records.size();

    Path db = dir.resolve("warehouse.duckdb");
    Map<String, String> config = SinkItSupport.duckDbConnector(topic.name(), db.toString());
    config.put("batch.size", "25");
    config.put("batch.max.wait.ms", "50");
    Path configFile = dir.resolve("connector.json");
    Files.writeString(configFile, SinkItSupport.json(config));
    String group = KafkaCluster.unique("connect-crash");
    String connector = "duckdb-crash";

    Path childTmp = Files.createDirectories(dir.resolve("child-tmp"));
    Path log = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m",
                "-Djava.io.tmpdir=" + childTmp,
                "-cp",
                System.getProperty("java.class.path"),
                ConnectWorkerProcess.class.getName(),
                cluster.bootstrapServers(),
                group,
                connector,
                configFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    long committedAtKill;
    try {
      // wait until the child has committed a few batches, then kill it while it is still loading
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> countCommits(log) >= 4 || !child.isAlive());
      assertThat(child.isAlive())
          .as("child worker died on its own: %s", Files.readString(log))
          .isTrue();
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(SinkItSupport.committed(cluster, connector))
        .as("the killed worker never committed offsets to Kafka")
        .isEmpty();
    try (WarehouseQuery q = WarehouseQuery.readOnly(db)) {
      committedAtKill = (Long) q.query("SELECT count(*) FROM games_changelog").get(0).get(0);
    }
    assertThat(committedAtKill).as("killed mid-stream").isGreaterThan(0).isLessThan(total);

    // restart in this JVM with the same worker group: the connector config comes back from Kafka
    try (EmbeddedConnectWorker worker =
        EmbeddedConnectWorker.builder(cluster.bootstrapServers()).groupId(group).build()) {
      worker.start();
      SinkItSupport.awaitCaughtUp(cluster, connector, topic.name(), Duration.ofSeconds(120));
    }

    Map<TopicPartition, Long> end = SinkItSupport.endOffsets(cluster, topic.name());
    try (WarehouseQuery q = WarehouseQuery.readOnly(db)) {
      for (var e : end.entrySet()) {
        List<Object> stats =
            q.query(
                    "SELECT count(*), count(DISTINCT kafka_offset), coalesce(min(kafka_offset), 0),"
                        + " coalesce(max(kafka_offset), -1) FROM games_changelog WHERE kafka_partition = "
                        + e.getKey().partition())
                .get(0);
        long n = e.getValue();
        assertThat(stats)
            .as("partition %s: count, distinct, min, max", e.getKey())
            .containsExactly(n, n, 0L, n - 1);
      }
      assertThat(q.query("SELECT count(*) FROM games_changelog").get(0).get(0))
          .isEqualTo((long) total);
      Map<Long, String> games = new TreeMap<>();
      q.query("SELECT id, name FROM games")
          .forEach(r -> games.put((Long) r.get(0), (String) r.get(1)));
      assertThat(games).isEqualTo(expected);
    }
    System.out.printf("[connect] killed after %d of %d changelog rows%n", committedAtKill, total);
  }

  private static long countCommits(Path log) throws java.io.IOException {
    File f = log.toFile();
    if (!f.exists()) {
      return 0;
    }
    return Files.readAllLines(log).stream()
        .filter(l -> l.contains("DuckDB sink committed"))
        .count();
  }
}
