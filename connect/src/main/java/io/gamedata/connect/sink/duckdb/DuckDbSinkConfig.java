package io.gamedata.connect.sink.duckdb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of the DuckDB warehouse sink; every key documented here, typed getters below. */
public final class DuckDbSinkConfig extends AbstractConfig {

  private static final String GROUP = "DuckDB warehouse";

  public static final String PATH_CONFIG = "duckdb.path";
  private static final String PATH_DOC =
      "DuckDB database file (created if absent). One writer per file: run one task per file.";

  public static final String BATCH_SIZE_CONFIG = "batch.size";
  public static final int BATCH_SIZE_DEFAULT = 10_000;
  private static final String BATCH_SIZE_DOC =
      "Rows per transaction: a batch is committed when it holds this many records.";

  public static final String BATCH_MAX_WAIT_CONFIG = "batch.max.wait.ms";
  public static final long BATCH_MAX_WAIT_DEFAULT = 1_000L;
  private static final String BATCH_MAX_WAIT_DOC =
      "A batch that is not full is committed once its first record has waited this long.";

  public static final String SNAPSHOT_DIR_CONFIG = "snapshot.dir";
  public static final String SNAPSHOT_DIR_DEFAULT = "";
  private static final String SNAPSHOT_DIR_DOC =
      "If set, the sink writes games.parquet and games_changelog.parquet here (atomically"
          + " replaced) so the warehouse can be queried while the sink holds the database file.";

  public static final String SNAPSHOT_INTERVAL_CONFIG = "snapshot.interval.ms";
  public static final long SNAPSHOT_INTERVAL_DEFAULT = 30_000L;
  private static final String SNAPSHOT_INTERVAL_DOC =
      "Minimum time between two Parquet snapshots (taken after a commit that changed data, and"
          + " on stop).";

  public static final ConfigDef CONFIG_DEF =
      new ConfigDef()
          .define(
              PATH_CONFIG,
              Type.STRING,
              ConfigDef.NO_DEFAULT_VALUE,
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              PATH_DOC,
              GROUP,
              1,
              ConfigDef.Width.LONG,
              "DuckDB file")
          .define(
              BATCH_SIZE_CONFIG,
              Type.INT,
              BATCH_SIZE_DEFAULT,
              ConfigDef.Range.between(1, 1_000_000),
              Importance.MEDIUM,
              BATCH_SIZE_DOC,
              GROUP,
              2,
              ConfigDef.Width.SHORT,
              "Batch size")
          .define(
              BATCH_MAX_WAIT_CONFIG,
              Type.LONG,
              BATCH_MAX_WAIT_DEFAULT,
              ConfigDef.Range.atLeast(0),
              Importance.MEDIUM,
              BATCH_MAX_WAIT_DOC,
              GROUP,
              3,
              ConfigDef.Width.SHORT,
              "Batch max wait")
          .define(
              SNAPSHOT_DIR_CONFIG,
              Type.STRING,
              SNAPSHOT_DIR_DEFAULT,
              Importance.LOW,
              SNAPSHOT_DIR_DOC,
              GROUP,
              4,
              ConfigDef.Width.LONG,
              "Snapshot directory")
          .define(
              SNAPSHOT_INTERVAL_CONFIG,
              Type.LONG,
              SNAPSHOT_INTERVAL_DEFAULT,
              ConfigDef.Range.atLeast(0),
              Importance.LOW,
              SNAPSHOT_INTERVAL_DOC,
              GROUP,
              5,
              ConfigDef.Width.SHORT,
              "Snapshot interval");

  public DuckDbSinkConfig(Map<String, String> props) {
    super(CONFIG_DEF, props);
  }

  public Path path() {
    return Path.of(getString(PATH_CONFIG));
  }

  public int batchSize() {
    return getInt(BATCH_SIZE_CONFIG);
  }

  public Duration batchMaxWait() {
    return Duration.ofMillis(getLong(BATCH_MAX_WAIT_CONFIG));
  }

  public Optional<Path> snapshotDir() {
    String dir = getString(SNAPSHOT_DIR_CONFIG);
    return dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
  }

  public Duration snapshotInterval() {
    return Duration.ofMillis(getLong(SNAPSHOT_INTERVAL_CONFIG));
  }
}
