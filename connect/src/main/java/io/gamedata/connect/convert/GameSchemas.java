package io.gamedata.connect.convert;

import io.gamedata.connect.schema.Column;
import io.gamedata.connect.schema.GameColumns;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Connect schemas derived from {@link GameColumns}: BigQuery-compatible types only (INT64, FLOAT64,
 * STRING, the {@code Timestamp} logical type, arrays of required elements, structs).
 */
public final class GameSchemas {

  public static final String VALUE_SCHEMA_NAME = "io.gamedata.EnrichedGame";
  public static final String CHANGELOG_SCHEMA_NAME = "io.gamedata.EnrichedGameChange";
  public static final String KEY_SCHEMA_NAME = "io.gamedata.EnrichedGameKey";

  /** Value schema of the current-state row: the v1 document. */
  public static final Schema VALUE = struct(VALUE_SCHEMA_NAME, GameColumns.DOCUMENT);

  /** Value schema of a changelog row: the document (nullable but id) plus change columns. */
  public static final Schema CHANGELOG = struct(CHANGELOG_SCHEMA_NAME, GameColumns.changelog());

  /** Key schema: {@code {id: int64}}. */
  public static final Schema KEY =
      SchemaBuilder.struct()
          .name(KEY_SCHEMA_NAME)
          .version(1)
          .field(GameColumns.ID, Schema.INT64_SCHEMA)
          .build();

  private GameSchemas() {}

  private static Schema struct(String name, List<Column> columns) {
    SchemaBuilder b = SchemaBuilder.struct().name(name).version(1);
    for (Column c : columns) {
      b.field(c.name(), schemaOf(c));
    }
    return b.build();
  }

  /** The Connect schema of one column. */
  public static Schema schemaOf(Column c) {
    SchemaBuilder element =
        switch (c.type()) {
          case STRING -> SchemaBuilder.string();
          case INT64 -> SchemaBuilder.int64();
          case FLOAT64 -> SchemaBuilder.float64();
          case TIMESTAMP -> Timestamp.builder();
          case RECORD -> {
            SchemaBuilder s = SchemaBuilder.struct();
            c.fields().forEach(f -> s.field(f.name(), schemaOf(f)));
            yield s;
          }
        };
    return switch (c.mode()) {
      case REQUIRED -> element.build();
      case NULLABLE -> element.optional().build();
      case REPEATED -> SchemaBuilder.array(element.build()).build();
    };
  }
}
