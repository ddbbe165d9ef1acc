package io.gamedata.connect.schema;

import java.util.List;
import java.util.Objects;

/**
 * One column of a warehouse table, described once and rendered as BigQuery DDL, BigQuery JSON
 * schema, DuckDB DDL and a Connect schema field.
 *
 * @param name snake_case column name (the JSON field name of the enriched document)
 * @param type BigQuery standard SQL type
 * @param mode BigQuery mode; {@link Mode#REPEATED} is an array of {@code type}
 * @param fields sub-columns of a {@link ColumnType#RECORD}, empty otherwise
 * @param description column description (BigQuery schema description)
 */
public record Column(
    String name, ColumnType type, Mode mode, List<Column> fields, String description) {

  /** BigQuery column mode. */
  public enum Mode {
    REQUIRED,
    NULLABLE,
    REPEATED
  }

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mode, "mode");
    fields = List.copyOf(fields);
    description = description == null ? "" : description;
    if ((type == ColumnType.RECORD) == fields.isEmpty()) {
      throw new IllegalArgumentException("RECORD columns (and only they) have fields: " + name);
    }
  }

  public static Column required(String name, ColumnType type, String description) {
    return new Column(name, type, Mode.REQUIRED, List.of(), description);
  }

  public static Column nullable(String name, ColumnType type, String description) {
    return new Column(name, type, Mode.NULLABLE, List.of(), description);
  }

  public static Column repeated(String name, ColumnType type, String description) {
    return new Column(name, type, Mode.REPEATED, List.of(), description);
  }

  /**
   * The same column with another mode (e.g. NULLABLE in the changelog, where deletes have no name).
   */
  public Column withMode(Mode newMode) {
    return new Column(name, type, newMode, fields, description);
  }

  /**
   * BigQuery DDL type, e.g. {@code ARRAY<STRING>} or {@code STRUCT<id INT64 NOT NULL>} (nested
   * fields carry their mode, as the JSON schema does).
   */
  public String bigQueryDdlType() {
    String base =
        type == ColumnType.RECORD
            ? "STRUCT<"
                + String.join(
                    ", ",
                    fields.stream()
                        .map(
                            f ->
                                f.name()
                                    + " "
                                    + f.bigQueryDdlType()
                                    + (f.mode() == Mode.REQUIRED ? " NOT NULL" : ""))
                        .toList())
                + ">"
            : type.name();
    return mode == Mode.REPEATED ? "ARRAY<" + base + ">" : base;
  }

  /** DuckDB DDL type, e.g. {@code VARCHAR[]} or {@code STRUCT(id BIGINT)}. */
  public String duckDbType() {
    String base =
        type == ColumnType.RECORD
            ? "STRUCT("
                + String.join(
                    ", ", fields.stream().map(f -> f.name() + " " + f.duckDbType()).toList())
                + ")"
            : type.duckDbType();
    return mode == Mode.REPEATED ? base + "[]" : base;
  }
}
