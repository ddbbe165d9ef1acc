package io.gamedata.connect.sink.duckdb;

import io.gamedata.connect.schema.Column;
import io.gamedata.connect.schema.GameColumns;
import io.gamedata.connect.schema.WarehouseDdl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Struct;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * The DuckDB side of the sink: creates the tables, and writes one batch in one transaction:
 * changelog rows appended (DuckDB Appender into a staging table, then set-based SQL), current state
 * replaced per id (delete + insert of each id's last version; deletes for tombstones), and the next
 * Kafka offset of every partition in {@code _kafka_offsets}. A crash before the commit leaves
 * nothing; after it, the stored offsets say exactly where to resume.
 */
public final class DuckDbWarehouse implements AutoCloseable {

  public static final String OFFSETS_TABLE = "_kafka_offsets";
  static final String STAGING_TABLE = "_staging";

  private static final List<Column> CHANGELOG = GameColumns.changelog();
  private final Connection conn;

  /** One row of a batch: the document Struct (null = tombstone) and its Kafka coordinates. */
  public record Row(Struct document, long id, String topic, int partition, long offset) {}

  public DuckDbWarehouse(Path file) throws SQLException {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new SQLException("cannot create the directory of " + file, e);
    }
    // the driver directly, not DriverManager: Connect's plugin class loader is not visible to it
    this.conn =
        new DuckDBDriver().connect("jdbc:duckdb:" + file.toAbsolutePath(), new Properties());
    createSchema();
    conn.setAutoCommit(false);
  }

  private void createSchema() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute(WarehouseDdl.duckDbCreateTable(WarehouseDdl.GAMES, GameColumns.games()));
      s.execute(WarehouseDdl.duckDbCreateTable(WarehouseDdl.GAMES_CHANGELOG, CHANGELOG));
      s.execute(WarehouseDdl.duckDbCreateTable(STAGING_TABLE, CHANGELOG));
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + OFFSETS_TABLE
              + " (topic VARCHAR NOT NULL, kafka_partition INTEGER NOT NULL,"
              + " next_offset BIGINT NOT NULL, PRIMARY KEY (topic, kafka_partition))");
      s.execute(
          "CREATE OR REPLACE VIEW "
              + WarehouseDdl.GAMES_CURRENT
              + " AS "
              + WarehouseDdl.currentViewSelect(WarehouseDdl.GAMES_CHANGELOG));
    }
  }

  /** The next offset to read of each partition the database knows about. */
  public Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions)
      throws SQLException {
    Map<TopicPartition, Long> out = new HashMap<>();
    try (Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT topic, kafka_partition, next_offset FROM " + OFFSETS_TABLE)) {
      while (rs.next()) {
        TopicPartition tp = new TopicPartition(rs.getString(1), rs.getInt(2));
        if (partitions.contains(tp)) {
          out.put(tp, rs.getLong(3));
        }
      }
    }
    conn.commit();
    return out;
  }

  /**
   * Writes a batch and the next offsets in one transaction.
   *
   * @param nextOffsets next offset per partition after this batch (covers records skipped to the
   *     DLQ too)
   */
  public void write(List<Row> rows, Map<TopicPartition, Long> nextOffsets, Instant ingestionTime)
      throws SQLException {
    try {
      try (Statement s = conn.createStatement()) {
        s.execute("DELETE FROM " + STAGING_TABLE); // also opens the transaction the appender joins
        if (!rows.isEmpty()) {
          append(rows, ingestionTime);
          s.execute(
              "INSERT INTO " + WarehouseDdl.GAMES_CHANGELOG + " SELECT * FROM " + STAGING_TABLE);
          s.execute(
              "DELETE FROM "
                  + WarehouseDdl.GAMES
                  + " WHERE id IN (SELECT DISTINCT id FROM "
                  + STAGING_TABLE
                  + ")");
          s.execute(
              "INSERT INTO "
                  + WarehouseDdl.GAMES
                  + " SELECT "
                  + documentColumns()
                  + ", {'id': id} FROM (SELECT * FROM "
                  + STAGING_TABLE
                  + " QUALIFY ROW_NUMBER() OVER (PARTITION BY id ORDER BY kafka_offset DESC) = 1)"
                  + " WHERE operation = '"
                  + GameColumns.UPSERT
                  + "'");
        }
      }
      try (PreparedStatement ps =
          conn.prepareStatement("INSERT OR REPLACE INTO " + OFFSETS_TABLE + " VALUES (?, ?, ?)")) {
        for (Map.Entry<TopicPartition, Long> e : nextOffsets.entrySet()) {
          ps.setString(1, e.getKey().topic());
          ps.setInt(2, e.getKey().partition());
          ps.setLong(3, e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      conn.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        conn.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw e;
    }
  }

  private static String documentColumns() {
    return GameColumns.DOCUMENT.stream().map(Column::name).collect(Collectors.joining(", "));
  }

  private void append(List<Row> rows, Instant ingestionTime) throws SQLException {
    OffsetDateTime ingested = ingestionTime.atOffset(ZoneOffset.UTC);
    try (DuckDBAppender ap = conn.unwrap(DuckDBConnection.class).createAppender(STAGING_TABLE)) {
      for (Row row : rows) {
        ap.beginRow();
        Struct doc = row.document();
        for (Column c : GameColumns.DOCUMENT) {
          if (c.name().equals(GameColumns.ID)) {
            ap.append(row.id());
          } else {
            appendValue(ap, c, doc == null ? null : doc.get(c.name()));
          }
        }
        ap.append(doc == null ? GameColumns.DELETE : GameColumns.UPSERT);
        ap.append(row.topic());
        ap.append((long) row.partition());
        ap.append(row.offset());
        ap.append(ingested);
        ap.endRow();
      }
      ap.flush();
    }
  }

  private static void appendValue(DuckDBAppender ap, Column c, Object v) throws SQLException {
    if (c.mode() == Column.Mode.REPEATED) {
      ap.append(v == null ? List.of() : (List<?>) v);
      return;
    }
    if (v == null) {
      ap.appendNull();
      return;
    }
    switch (c.type()) {
      case STRING -> ap.append((String) v);
      case INT64 -> ap.append(((Number) v).longValue());
      case FLOAT64 -> ap.append(((Number) v).doubleValue());
      case TIMESTAMP -> ap.append(((Date) v).toInstant().atOffset(ZoneOffset.UTC));
      case RECORD -> throw new IllegalStateException("no RECORD in the document: " + c.name());
    }
  }

  /**
   * Writes {@code games.parquet} and {@code games_changelog.parquet} into {@code dir}, each through
   * a temporary file and an atomic rename, so readers never see a half-written snapshot.
   */
  public void snapshot(Path dir) throws SQLException, IOException {
    Files.createDirectories(dir);
    for (String table : List.of(WarehouseDdl.GAMES, WarehouseDdl.GAMES_CHANGELOG)) {
      Path target = dir.resolve(table + ".parquet");
      Path tmp = dir.resolve("." + table + ".parquet.tmp");
      try (Statement s = conn.createStatement()) {
        s.execute(
            "COPY "
                + table
                + " TO '"
                + tmp.toAbsolutePath().toString().replace("'", "''")
                + "' (FORMAT parquet)");
      }
      conn.commit();
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** The JDBC connection (autocommit off), for tests and tools in this process. */
  public Connection connection() {
    return conn;
  }

  @Override
  public void close() throws SQLException {
    conn.close();
  }
}
