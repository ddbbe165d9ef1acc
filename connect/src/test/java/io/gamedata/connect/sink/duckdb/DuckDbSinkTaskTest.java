package io.gamedata.connect.sink.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.connect.Games;
import io.gamedata.connect.query.WarehouseQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task alone, with a hand-written task context (no worker, no broker). */
class DuckDbSinkTaskTest {

  @TempDir Path dir;

  private static final TopicPartition P0 = new TopicPartition("games.enriched", 0);
  private static final TopicPartition P1 = new TopicPartition("games.enriched", 1);

  /** A mutable clock. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-11-29T04:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final class FakeContext implements SinkTaskContext {
    final Map<TopicPartition, Long> seeks = new HashMap<>();
    final List<SinkRecord> reported = new ArrayList<>();
    boolean withReporter = true;

    @Override
    public Map<String, String> configs() {
      return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
      seeks.putAll(offsets);
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
      seeks.put(tp, offset);
    }

    @Override
    public void timeout(long timeoutMs) {}

    @Override
    public Set<TopicPartition> assignment() {
      return Set.of(P0, P1);
    }

    @Override
    public void pause(TopicPartition... partitions) {}

    @Override
    public void resume(TopicPartition... partitions) {}

    @Override
    public void requestCommit() {}

    @Override
    public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
      return null;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
      if (!withReporter) {
        return null;
      }
      return new ErrantRecordReporter() {
        @Override
        public Future<Void> report(SinkRecord record, Throwable error) {
          reported.add(record);
          return CompletableFuture.completedFuture(null);
        }
      };
    }
  }

  private final TestClock clock = new TestClock();
  private final FakeContext context = new FakeContext();

  private DuckDbSinkTask start(int batchSize) {
    DuckDbSinkTask task = new DuckDbSinkTask();
    task.initialize(context);
    task.clock(clock);
    task.start(
        Map.of(
            "duckdb.path", dir.resolve("w.duckdb").toString(),
            "batch.size", Integer.toString(batchSize),
            "batch.max.wait.ms", "1000"));
    task.open(List.of(P0, P1));
    return task;
  }

  private static SinkRecord rec(TopicPartition tp, long id, byte[] value, long offset) {
    return new SinkRecord(tp.topic(), tp.partition(), null, id, null, value, offset);
  }

  private static SinkRecord game(TopicPartition tp, long id, long offset) {
    return rec(tp, id, Games.json(Games.full(id)), offset);
  }

  private static Map<TopicPartition, OffsetAndMetadata> current() {
    return Map.of(P0, new OffsetAndMetadata(999), P1, new OffsetAndMetadata(999));
  }

  private long changelogRows() throws Exception {
    try (WarehouseQuery q = WarehouseQuery.readOnly(dir.resolve("w.duckdb"))) {
      return (Long) q.query("SELECT count(*) FROM games_changelog").get(0).get(0);
    }
  }

  @Test
  void freshDatabaseReadsEveryPartitionFromTheStart() {
    DuckDbSinkTask task = start(10);
    assertThat(context.seeks).isEqualTo(Map.of(P0, 0L, P1, 0L));
    task.stop();
  }

  @Test
  void batchesCommitBySizeAndPreCommitReturnsOnlyStoredOffsets() {
    DuckDbSinkTask task = start(3);
    task.put(List.of(game(P0, 1, 0), game(P0, 2, 1)));
    assertThat(task.preCommit(current())).as("nothing stored yet").isEmpty();
    task.put(List.of(game(P1, 3, 0)));
    assertThat(task.preCommit(current()))
        .isEqualTo(Map.of(P0, new OffsetAndMetadata(2), P1, new OffsetAndMetadata(1)));
    task.stop();
  }

  @Test
  void batchesCommitByTime() {
    DuckDbSinkTask task = start(1000);
    task.put(List.of(game(P0, 1, 0)));
    assertThat(task.preCommit(current())).isEmpty();
    clock.now = clock.now.plus(Duration.ofMillis(999));
    task.put(List.of());
    assertThat(task.preCommit(current())).isEmpty();
    clock.now = clock.now.plus(Duration.ofMillis(1));
    task.put(List.of());
    assertThat(task.preCommit(current())).isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
    task.stop();
  }

  @Test
  void restartedTaskSeeksToStoredOffsetsAndSkipsRedeliveredRecords() throws Exception {
    DuckDbSinkTask task = start(2);
    task.put(List.of(game(P0, 1, 0), game(P0, 2, 1), game(P0, 3, 2)));
    task.stop(); // flushes the third record too

    context.seeks.clear();
    DuckDbSinkTask again = start(2);
    assertThat(context.seeks).isEqualTo(Map.of(P0, 3L, P1, 0L));
    again.put(List.of(game(P0, 2, 1), game(P0, 3, 2), game(P0, 4, 3))); // 1 and 2 already stored
    again.stop();
    assertThat(changelogRows()).isEqualTo(4L);
  }

  @Test
  void badRecordsGoToTheReporterAndTheirOffsetIsStillStored() throws Exception {
    DuckDbSinkTask task = start(10);
    task.put(
        List.of(
            game(P0, 1, 0),
            rec(P0, 2, "nope".getBytes(StandardCharsets.UTF_8), 1),
            game(P0, 3, 2)));
    task.stop();
    assertThat(context.reported).extracting(SinkRecord::kafkaOffset).containsExactly(1L);
    assertThat(changelogRows()).isEqualTo(2L);
    try (DuckDbWarehouse w = new DuckDbWarehouse(dir.resolve("w.duckdb"))) {
      assertThat(w.offsets(Set.of(P0))).containsEntry(P0, 3L);
    }
  }

  @Test
  void withoutAReporterABadRecordFailsTheTask() {
    context.withReporter = false;
    DuckDbSinkTask task = start(10);
    assertThatThrownBy(
            () -> task.put(List.of(rec(P0, 2, "nope".getBytes(StandardCharsets.UTF_8), 0))))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("not valid JSON");
    task.stop();
  }
}
