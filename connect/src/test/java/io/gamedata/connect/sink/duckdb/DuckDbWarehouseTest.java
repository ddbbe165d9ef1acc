package io.gamedata.connect.sink.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.connect.Games;
import io.gamedata.connect.convert.EnrichedGameConverter;
import io.gamedata.connect.convert.GameSchemas;
import io.gamedata.connect.query.WarehouseQuery;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbWarehouseTest {

  @TempDir Path dir;

  private static final TopicPartition P0 = new TopicPartition("games.enriched", 0);
  private static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");

  private static DuckDbWarehouse.Row upsert(long id, String name, long offset) {
    Struct doc =
        EnrichedGameConverter.toStruct(
            Games.json(Games.full(id).toBuilder().name(name).build()), id);
    return new DuckDbWarehouse.Row(doc, id, P0.topic(), 0, offset);
  }

  private static DuckDbWarehouse.Row delete(long id, long offset) {
    return new DuckDbWarehouse.Row(null, id, P0.topic(), 0, offset);
  }

  private static List<List<Object>> rows(DuckDbWarehouse w, String sql) throws Exception {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = w.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> r = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          r.add(rs.getObject(i));
        }
        out.add(r);
      }
    }
    w.connection().commit();
    return out;
  }

  @Test
  void batchUpsertsReplacesDeletesAndStoresOffsetsInOneTransaction() throws Exception {
    try (DuckDbWarehouse w = new DuckDbWarehouse(dir.resolve("w.duckdb"))) {
      w.write(
          List.of(upsert(1, "a", 0), upsert(2, "b", 1), upsert(1, "a2", 2)), Map.of(P0, 3L), NOW);
      w.write(
          List.of(delete(2, 3), upsert(3, "c", 4), delete(3, 5), upsert(4, "d", 6)),
          Map.of(P0, 7L),
          NOW);

      assertThat(rows(w, "SELECT id, name, kafka_key.id FROM games ORDER BY id"))
          .containsExactly(List.of(1L, "a2", 1L), List.of(4L, "d", 4L));
      assertThat(
              rows(w, "SELECT kafka_offset, operation FROM games_changelog ORDER BY kafka_offset"))
          .extracting(r -> r.get(1))
          .containsExactly("UPSERT", "UPSERT", "UPSERT", "DELETE", "UPSERT", "DELETE", "UPSERT");
      assertThat(rows(w, "SELECT id, name FROM games_current ORDER BY id"))
          .isEqualTo(rows(w, "SELECT id, name FROM games ORDER BY id"));
      assertThat(w.offsets(Set.of(P0))).containsEntry(P0, 7L);
      assertThat(
              rows(w, "SELECT genres, similar_games, updated_at FROM games WHERE id = 1")
                  .get(0)
                  .toString())
          .contains("Role-playing (RPG)")
          .contains("2024-03-02");
    }
  }

  @Test
  void aFailedBatchLeavesNothingBehind() throws Exception {
    try (DuckDbWarehouse w = new DuckDbWarehouse(dir.resolve("w.duckdb"))) {
      w.write(List.of(upsert(1, "a", 0)), Map.of(P0, 1L), NOW);
      // a changelog-shaped Struct without name: staging accepts it, games' NOT NULL does not
      Struct broken = new Struct(GameSchemas.CHANGELOG).put("id", 2L);
      assertThatThrownBy(
              () ->
                  w.write(
                      List.of(
                          upsert(3, "c", 1), new DuckDbWarehouse.Row(broken, 2, P0.topic(), 0, 2)),
                      Map.of(P0, 3L),
                      NOW))
          .isInstanceOf(Exception.class);
      assertThat(rows(w, "SELECT count(*) FROM games_changelog").get(0).get(0)).isEqualTo(1L);
      assertThat(rows(w, "SELECT count(*) FROM games").get(0).get(0)).isEqualTo(1L);
      assertThat(w.offsets(Set.of(P0))).containsEntry(P0, 1L);
    }
  }

  @Test
  void offsetsAndRowsSurviveReopening() throws Exception {
    Path file = dir.resolve("w.duckdb");
    try (DuckDbWarehouse w = new DuckDbWarehouse(file)) {
      w.write(List.of(upsert(1, "a", 10)), Map.of(P0, 11L), NOW);
    }
    try (DuckDbWarehouse w = new DuckDbWarehouse(file)) {
      assertThat(w.offsets(Set.of(P0, new TopicPartition("games.enriched", 1))))
          .isEqualTo(Map.of(P0, 11L));
      assertThat(rows(w, "SELECT count(*) FROM games").get(0).get(0)).isEqualTo(1L);
    }
  }

  @Test
  void parquetSnapshotsCanBeQueriedWhileTheWriterHoldsTheFile() throws Exception {
    Path snapshots = dir.resolve("snapshots");
    try (DuckDbWarehouse w = new DuckDbWarehouse(dir.resolve("w.duckdb"))) {
      w.write(List.of(upsert(1, "a", 0), upsert(2, "b", 1), delete(1, 2)), Map.of(P0, 3L), NOW);
      w.snapshot(snapshots);
      try (WarehouseQuery q = WarehouseQuery.overSnapshots(snapshots)) {
        assertThat(q.query("SELECT id, name FROM games")).containsExactly(List.of(2L, "b"));
        assertThat(q.query("SELECT count(*) FROM games_changelog")).containsExactly(List.of(3L));
        assertThat(q.query("SELECT id FROM games_current")).containsExactly(List.of(2L));
      }
      w.write(List.of(upsert(3, "c", 3)), Map.of(P0, 4L), NOW);
      w.snapshot(snapshots); // replaced atomically
      try (WarehouseQuery q = WarehouseQuery.overSnapshots(snapshots)) {
        assertThat(q.query("SELECT count(*) FROM games")).containsExactly(List.of(2L));
      }
    }
    try (WarehouseQuery q = WarehouseQuery.readOnly(dir.resolve("w.duckdb"))) {
      assertThat(q.query("SELECT count(*) FROM games")).containsExactly(List.of(2L));
    }
  }
}
