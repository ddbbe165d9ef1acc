package io.gamedata.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One column as BigQuery stores it: name, standard type, mode and nested fields. Both the JSON
 * schema files (read by terraform) and the CREATE TABLE DDL are reduced to this to be compared.
 */
record BigQueryColumn(String name, String type, String mode, List<BigQueryColumn> fields) {

  BigQueryColumn {
    name = name.toLowerCase(Locale.ROOT);
    type = normalizeType(type);
    fields = List.copyOf(fields);
  }

  /** Legacy and standard SQL spellings of one type map to one name. */
  static String normalizeType(String type) {
    String t = type.trim().toUpperCase(Locale.ROOT);
    return switch (t) {
      case "INTEGER", "INT", "SMALLINT", "BIGINT", "TINYINT", "BYTEINT" -> "INT64";
      case "FLOAT" -> "FLOAT64";
      case "BOOLEAN" -> "BOOL";
      case "RECORD" -> "STRUCT";
      case "DECIMAL" -> "NUMERIC";
      case "BIGDECIMAL" -> "BIGNUMERIC";
      default -> t;
    };
  }

  /** Columns of a BigQuery JSON schema file ({@code [{"name","type","mode","fields"}]}). */
  static List<BigQueryColumn> fromJsonSchema(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("a BigQuery JSON schema is an array of fields");
    }
    List<BigQueryColumn> columns = new ArrayList<>();
    for (JsonNode field : array) {
      String name = field.path("name").asText(null);
      String type = field.path("type").asText(null);
      if (name == null || type == null) {
        throw new IllegalArgumentException("field without name or type: " + field);
      }
      String mode = field.path("mode").asText("NULLABLE").toUpperCase(Locale.ROOT);
      List<BigQueryColumn> nested =
          field.has("fields") ? fromJsonSchema(field.get("fields")) : List.of();
      columns.add(new BigQueryColumn(name, type, mode, nested));
    }
    return columns;
  }

  @Override
  public String toString() {
    return name + " " + type + " " + mode + (fields.isEmpty() ? "" : " " + fields);
  }
}
