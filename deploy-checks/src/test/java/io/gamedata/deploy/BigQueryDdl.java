package io.gamedata.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the column lists of the {@code CREATE TABLE} statements of BigQuery DDL (GoogleSQL): {@code
 * ARRAY<T>} is mode REPEATED, {@code NOT NULL} is REQUIRED, {@code STRUCT<...>} has nested fields;
 * OPTIONS, DEFAULT, COLLATE and table constraints are ignored.
 */
final class BigQueryDdl {

  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "CREATE\\s+(?:OR\\s+REPLACE\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([`\\w.${}-]+)\\s*\\(",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern COLUMN = Pattern.compile("(?s)`?(\\w+)`?\\s+(.+)");

  private BigQueryDdl() {}

  /** Table name (last part of the possibly qualified name, lower case) to its columns. */
  static Map<String, List<BigQueryColumn>> tables(String sql) {
    String text = stripComments(sql);
    Map<String, List<BigQueryColumn>> tables = new LinkedHashMap<>();
    Matcher m = CREATE_TABLE.matcher(text);
    while (m.find()) {
      String qualified = m.group(1).replace("`", "");
      String name = qualified.substring(qualified.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      int open = m.end() - 1;
      int close = matching(text, open, '(', ')');
      tables.put(name, columns(text.substring(open + 1, close)));
    }
    return tables;
  }

  static List<BigQueryColumn> columns(String body) {
    List<BigQueryColumn> columns = new ArrayList<>();
    for (String part : splitTopLevel(body)) {
      String item = part.trim();
      if (item.isEmpty() || item.matches("(?is)(PRIMARY\\s+KEY|FOREIGN\\s+KEY|CONSTRAINT)\\b.*")) {
        continue;
      }
      Matcher m = COLUMN.matcher(item);
      if (!m.matches()) {
        throw new IllegalArgumentException("cannot read column definition: " + item);
      }
      columns.add(column(m.group(1), m.group(2).trim()));
    }
    return columns;
  }

  private static BigQueryColumn column(String name, String definition) {
    String upper = definition.toUpperCase(Locale.ROOT);
    if (upper.startsWith("ARRAY")) {
      int open = definition.indexOf('<');
      int close = matching(definition, open, '<', '>');
      BigQueryColumn element = column(name, definition.substring(open + 1, close).trim());
      return new BigQueryColumn(name, element.type(), "REPEATED", element.fields());
    }
    if (upper.startsWith("STRUCT")) {
      int open = definition.indexOf('<');
      int close = matching(definition, open, '<', '>');
      return new BigQueryColumn(
          name,
          "STRUCT",
          mode(definition.substring(close + 1)),
          columns(definition.substring(open + 1, close)));
    }
    String mode = mode(definition);
    Matcher type = Pattern.compile("(\\w+)").matcher(definition);
    if (!type.lookingAt()) {
      throw new IllegalArgumentException("no type in column " + name + ": " + definition);
    }
    return new BigQueryColumn(name, type.group(1), mode, List.of());
  }

  private static String mode(String constraints) {
    return constraints.toUpperCase(Locale.ROOT).matches("(?s).*\\bNOT\\s+NULL\\b.*")
        ? "REQUIRED"
        : "NULLABLE";
  }

  /** Splits on commas that are not inside (), <> or quotes. */
  static List<String> splitTopLevel(String body) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '<') {
        depth++;
      } else if (c == ')' || c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(body.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(body.substring(start));
    return parts;
  }

  private static int matching(String text, int open, char opening, char closing) {
    if (open < 0 || text.charAt(open) != opening) {
      throw new IllegalArgumentException("expected '" + opening + "' at " + open);
    }
    int depth = 0;
    char quote = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '<') {
        depth++;
      } else if (c == ')' || c == '>') {
        depth--;
        if (depth == 0) {
          if (c != closing) {
            throw new IllegalArgumentException("unbalanced '" + opening + "' at " + open);
          }
          return i;
        }
      }
    }
    throw new IllegalArgumentException("no closing '" + closing + "' for position " + open);
  }

  static String stripComments(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)(--|#).*$", " ");
  }
}
