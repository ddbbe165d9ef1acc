package io.gamedata.connect.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@link GameColumns} as the checked-in BigQuery files (DDL with {@code ${project}} and
 * {@code ${dataset}} placeholders for terraform's {@code templatefile}, and BigQuery JSON schemas)
 * and as DuckDB DDL. {@code main(dir)} rewrites the files under {@code
 * connect/src/main/resources/bigquery}; a test fails when they drift from the column list.
 */
public final class WarehouseDdl {

  public static final String GAMES = "games";
  public static final String GAMES_CHANGELOG = "games_changelog";
  public static final String GAMES_CURRENT = "games_current";

  private static final String HEADER =
      "-- Generated from io.gamedata.connect.schema.GameColumns by WarehouseDdl: do not edit by"
          + " hand.\n";

  private WarehouseDdl() {}

  /** Relative path (under {@code bigquery/}) to content, for every checked-in file. */
  public static Map<String, String> bigQueryFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("games.sql", bigQueryGamesTable());
    files.put("games_changelog.sql", bigQueryChangelogTable());
    files.put("games_current_view.sql", bigQueryCurrentView());
    files.put("schema/games.json", bigQueryJsonSchema(GameColumns.games()));
    files.put("schema/games_changelog.json", bigQueryJsonSchema(GameColumns.changelog()));
    return files;
  }

  static String bigQueryGamesTable() {
    return HEADER
        + "-- Current state, one row per game id, maintained by kcbq's MERGE (upsert + delete).\n"
        + "CREATE TABLE IF NOT EXISTS `${project}.${dataset}."
        + GAMES
        + "` (\n"
        + bigQueryColumns(GameColumns.games())
        + ")\nCLUSTER BY id\nOPTIONS (description = \"Current state of every game (EnrichedGame"
        + " v1).\");\n";
  }

  static String bigQueryChangelogTable() {
    return HEADER
        + "-- Append-only history of every version (UPSERT) and tombstone (DELETE).\n"
        + "CREATE TABLE IF NOT EXISTS `${project}.${dataset}."
        + GAMES_CHANGELOG
        + "` (\n"
        + bigQueryColumns(GameColumns.changelog())
        + ")\nPARTITION BY DATE("
        + GameColumns.INGESTION_TIME
        + ")\nCLUSTER BY id\nOPTIONS (description = \"Every version of every game, with its Kafka"
        + " coordinates.\");\n";
  }

  static String bigQueryCurrentView() {
    return HEADER
        + "-- Current state rebuilt from the changelog: the last version per id, deletes"
        + " excluded.\n"
        + "-- (Ordering by offset is valid because every version of an id is in one partition.)\n"
        + "CREATE OR REPLACE VIEW `${project}.${dataset}."
        + GAMES_CURRENT
        + "` AS\n"
        + currentViewSelect("`${project}.${dataset}." + GAMES_CHANGELOG + "`")
        + ";\n";
  }

  /** The view body, portable between BigQuery and DuckDB. */
  public static String currentViewSelect(String changelogTable) {
    String cols = GameColumns.DOCUMENT.stream().map(Column::name).collect(Collectors.joining(", "));
    return "SELECT "
        + cols
        + "\nFROM (\n  SELECT *\n  FROM "
        + changelogTable
        + "\n  WHERE TRUE\n  QUALIFY ROW_NUMBER() OVER (PARTITION BY id ORDER BY "
        + GameColumns.KAFKA_OFFSET
        + " DESC) = 1\n)\nWHERE "
        + GameColumns.OPERATION
        + " = '"
        + GameColumns.UPSERT
        + "'";
  }

  private static String bigQueryColumns(List<Column> columns) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      sb.append("  ").append(c.name()).append(' ').append(c.bigQueryDdlType());
      if (c.mode() == Column.Mode.REQUIRED) {
        sb.append(" NOT NULL");
      }
      if (!c.description().isEmpty()) {
        sb.append(" OPTIONS (description = \"").append(c.description()).append("\")");
      }
      sb.append(i + 1 < columns.size() ? ",\n" : "\n");
    }
    return sb.toString();
  }

  /** BigQuery's JSON schema format (legacy type names, as the API returns them). */
  public static String bigQueryJsonSchema(List<Column> columns) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      return mapper.writeValueAsString(jsonFields(mapper, columns)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ArrayNode jsonFields(ObjectMapper mapper, List<Column> columns) {
    ArrayNode array = mapper.createArrayNode();
    for (Column c : columns) {
      ObjectNode f = array.addObject();
      f.put("name", c.name());
      f.put("type", legacyType(c.type()));
      f.put("mode", c.mode().name());
      if (!c.description().isEmpty()) {
        f.put("description", c.description());
      }
      if (!c.fields().isEmpty()) {
        f.set("fields", jsonFields(mapper, c.fields()));
      }
    }
    return array;
  }

  static String legacyType(ColumnType type) {
    return switch (type) {
      case STRING -> "STRING";
      case INT64 -> "INTEGER";
      case FLOAT64 -> "FLOAT";
      case TIMESTAMP -> "TIMESTAMP";
      case RECORD -> "RECORD";
    };
  }

  /** DuckDB {@code CREATE TABLE IF NOT EXISTS} for a table of these columns. */
  public static String duckDbCreateTable(String table, List<Column> columns) {
    return "CREATE TABLE IF NOT EXISTS "
        + table
        + " ("
        + columns.stream()
            .map(
                c ->
                    c.name()
                        + " "
                        + c.duckDbType()
                        + (c.mode() == Column.Mode.REQUIRED ? " NOT NULL" : ""))
            .collect(Collectors.joining(", "))
        + ")";
  }

  /** Rewrites the checked-in files: {@code WarehouseDdl <dir>} (the {@code bigquery/} folder). */
  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "connect/src/main/resources/bigquery");
    bigQueryFiles()
        .forEach(
            (name, content) -> {
              try {
                Path p = dir.resolve(name);
                Files.createDirectories(p.getParent());
                Files.writeString(p, content, StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
