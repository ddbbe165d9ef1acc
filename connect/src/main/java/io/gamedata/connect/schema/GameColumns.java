package io.gamedata.connect.schema;

import static io.gamedata.connect.schema.Column.nullable;
import static io.gamedata.connect.schema.Column.repeated;
import static io.gamedata.connect.schema.Column.required;
import static io.gamedata.connect.schema.ColumnType.FLOAT64;
import static io.gamedata.connect.schema.ColumnType.INT64;
import static io.gamedata.connect.schema.ColumnType.STRING;
import static io.gamedata.connect.schema.ColumnType.TIMESTAMP;

import java.util.ArrayList;
import java.util.List;

/**
 * The one source of truth for the warehouse columns: the BigQuery DDL and JSON schemas under {@code
 * src/main/resources/bigquery/}, the DuckDB tables and the Connect Struct schema of the transform
 * are all derived from these lists ({@code GameColumnsFilesTest} checks the files).
 *
 * <ul>
 *   <li>{@link #DOCUMENT}: the fields of {@code EnrichedGame} v1, in document order.
 *   <li>{@link #games()}: current state, one row per id: the document plus {@link #KAFKA_KEY} (the
 *       column kcbq's MERGE joins on when {@code kafkaKeyFieldName=kafka_key}).
 *   <li>{@link #changelog()}: every version: the document (all nullable but {@code id}, since a
 *       DELETE row carries only the id) plus operation and Kafka coordinates.
 * </ul>
 */
public final class GameColumns {

  private GameColumns() {}

  /** Name of the key column of {@code games}: a RECORD holding the Kafka key Struct. */
  public static final String KAFKA_KEY = "kafka_key";

  public static final String ID = "id";
  public static final String OPERATION = "operation";
  public static final String KAFKA_TOPIC = "kafka_topic";
  public static final String KAFKA_PARTITION = "kafka_partition";
  public static final String KAFKA_OFFSET = "kafka_offset";
  public static final String INGESTION_TIME = "ingestion_time";

  /** Value of {@link #OPERATION} for a new or changed version. */
  public static final String UPSERT = "UPSERT";

  /** Value of {@link #OPERATION} for a tombstone. */
  public static final String DELETE = "DELETE";

  /** The enriched document v1, field by field (snake_case, as on the wire). */
  public static final List<Column> DOCUMENT =
      List.of(
          required("schema_version", INT64, "Document version (1)."),
          required(ID, INT64, "IGDB game id; also the Kafka key."),
          required("name", STRING, "Game name."),
          nullable("slug", STRING, ""),
          nullable("summary", STRING, ""),
          nullable("storyline", STRING, ""),
          nullable("url", STRING, ""),
          nullable("first_release_date", TIMESTAMP, "Instant (UTC) of the first release."),
          nullable("release_year", INT64, ""),
          nullable("created_at", TIMESTAMP, ""),
          nullable("updated_at", TIMESTAMP, "IGDB updated_at of the source record."),
          nullable("rating", FLOAT64, ""),
          nullable("rating_count", INT64, ""),
          nullable("aggregated_rating", FLOAT64, ""),
          nullable("aggregated_rating_count", INT64, ""),
          nullable("total_rating", FLOAT64, ""),
          nullable("total_rating_count", INT64, ""),
          nullable("hypes", INT64, ""),
          nullable("game_type_id", INT64, ""),
          nullable("game_type", STRING, ""),
          nullable("game_status_id", INT64, ""),
          nullable("game_status", STRING, ""),
          nullable("parent_game_id", INT64, ""),
          nullable("version_parent_id", INT64, ""),
          nullable("version_title", STRING, ""),
          repeated("genres", STRING, ""),
          repeated("themes", STRING, ""),
          repeated("game_modes", STRING, ""),
          repeated("player_perspectives", STRING, ""),
          repeated("platforms", STRING, ""),
          repeated("keywords", STRING, ""),
          repeated("developers", STRING, ""),
          repeated("publishers", STRING, ""),
          repeated("franchises", STRING, ""),
          repeated("collections", STRING, ""),
          repeated("game_engines", STRING, ""),
          nullable("cover_image_id", STRING, ""),
          nullable("cover_url", STRING, ""),
          repeated("similar_games", INT64, "IGDB's own similar_games ids."),
          repeated("missing_references", STRING, "Unresolved references as <endpoint>:<id>."),
          nullable("source_checksum", STRING, ""),
          nullable("content_hash", STRING, "Fingerprint of the content fields."));

  /** The Kafka key as a RECORD: {@code STRUCT<id INT64>}. */
  public static final Column KAFKA_KEY_COLUMN =
      new Column(
          KAFKA_KEY,
          ColumnType.RECORD,
          Column.Mode.NULLABLE,
          List.of(required(ID, INT64, "")),
          "Kafka key (the game id); kcbq MERGE key.");

  /** The change columns appended to the document in {@code games_changelog}. */
  public static final List<Column> CHANGE =
      List.of(
          required(OPERATION, STRING, "UPSERT or DELETE (tombstone)."),
          required(KAFKA_TOPIC, STRING, "Source topic."),
          required(KAFKA_PARTITION, INT64, "Source partition."),
          required(KAFKA_OFFSET, INT64, "Source offset."),
          required(INGESTION_TIME, TIMESTAMP, "When the sink wrote the row."));

  /** Columns of {@code games}: the document, then {@link #KAFKA_KEY_COLUMN}. */
  public static List<Column> games() {
    List<Column> cols = new ArrayList<>(DOCUMENT);
    cols.add(KAFKA_KEY_COLUMN);
    return List.copyOf(cols);
  }

  /** Columns of {@code games_changelog}: the document (nullable but id), then {@link #CHANGE}. */
  public static List<Column> changelog() {
    List<Column> cols = new ArrayList<>();
    for (Column c : DOCUMENT) {
      cols.add(
          c.mode() == Column.Mode.REQUIRED && !c.name().equals(ID)
              ? c.withMode(Column.Mode.NULLABLE)
              : c);
    }
    cols.addAll(CHANGE);
    return List.copyOf(cols);
  }
}
