package io.gamedata.connect.transform;

import io.gamedata.connect.convert.ChangelogRows;
import io.gamedata.connect.convert.EnrichedGameConverter;
import io.gamedata.connect.convert.GameSchemas;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Single message transform: schemaless {@code games.enriched} JSON value to a typed Connect Struct
 * (EnrichedGame v1, BigQuery-compatible types) and the long id key to a {@code {id}} key Struct, as
 * kcbq's upsert/delete needs. Tombstones stay tombstones (key converted, value null) in {@code
 * current} mode; in {@code changelog} mode every record becomes a changelog row (tombstone = a
 * DELETE row) with its Kafka coordinates and ingestion time. Malformed values throw a {@link
 * DataException} naming the problem, which {@code errors.tolerance=all} routes to the DLQ.
 *
 * <p>Works with the key converter {@code LongConverter} (or {@code ByteArrayConverter}) and the
 * value converter {@code ByteArrayConverter}, {@code StringConverter} or {@code JsonConverter} with
 * {@code schemas.enable=false}.
 */
public class EnrichedGameToStruct<R extends ConnectRecord<R>> implements Transformation<R> {

  /** Output shape: {@code current} (document, tombstones kept) or {@code changelog}. */
  public static final String MODE_CONFIG = "mode";

  public static final String MODE_DEFAULT = Mode.CURRENT.configValue();
  private static final String MODE_DOC =
      "current: value = EnrichedGame v1 Struct, tombstones pass through (for upsert/delete sinks);"
          + " changelog: value = changelog row with operation UPSERT/DELETE, kafka_topic,"
          + " kafka_partition, kafka_offset, ingestion_time (for append-only sinks; sink records"
          + " only).";

  public static final ConfigDef CONFIG_DEF =
      new ConfigDef()
          .define(
              MODE_CONFIG,
              ConfigDef.Type.STRING,
              MODE_DEFAULT,
              ConfigDef.ValidString.in("current", "changelog"),
              ConfigDef.Importance.HIGH,
              MODE_DOC);

  /** Output shape. */
  public enum Mode {
    CURRENT,
    CHANGELOG;

    String configValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private Mode mode = Mode.CURRENT;
  private Clock clock = Clock.systemUTC();

  @Override
  public void configure(Map<String, ?> configs) {
    AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs);
    mode = Mode.valueOf(config.getString(MODE_CONFIG).toUpperCase(Locale.ROOT));
  }

  /** For tests: the clock of {@code ingestion_time}. */
  void clock(Clock clock) {
    this.clock = clock;
  }

  @Override
  public R apply(R record) {
    Long id = EnrichedGameConverter.keyId(record.key());
    Object value = record.value();
    if (value == null && id == null) {
      throw new DataException("tombstone without a key: cannot tell which game was deleted");
    }
    var document = value == null ? null : EnrichedGameConverter.toStruct(value, id);
    long gameId = id != null ? id : document.getInt64("id");
    var key = EnrichedGameConverter.keyStruct(gameId);
    if (mode == Mode.CURRENT) {
      return record.newRecord(
          record.topic(),
          record.kafkaPartition(),
          GameSchemas.KEY,
          key,
          GameSchemas.VALUE,
          document,
          record.timestamp());
    }
    if (!(record instanceof SinkRecord sink)) {
      throw new ConfigException(MODE_CONFIG, "changelog", "changelog mode needs sink records");
    }
    var row =
        ChangelogRows.of(
            document,
            gameId,
            sink.originalTopic(),
            sink.originalKafkaPartition(),
            sink.originalKafkaOffset(),
            clock.instant());
    return record.newRecord(
        record.topic(),
        record.kafkaPartition(),
        GameSchemas.KEY,
        key,
        GameSchemas.CHANGELOG,
        row,
        record.timestamp());
  }

  @Override
  public ConfigDef config() {
    return CONFIG_DEF;
  }

  @Override
  public void close() {}
}
