package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * terraform creates the BigQuery tables from the shared JSON schema files (with {@code file()}),
 * and the connect module's DDL describes the same tables: both must list the same columns with the
 * same types and modes.
 */
class BigQuerySchemaTest {

  static final String BIGQUERY_DIR = "connect/src/main/resources/bigquery";

  /**
   * The regular expression terraform/bigquery.tf applies to the view DDL to keep its query (RE2 and
   * java.util.regex agree on this one).
   */
  static final String VIEW_QUERY_REGEX =
      "(?is)CREATE\\s+(?:OR\\s+REPLACE\\s+)?VIEW\\s+\\S+\\s+AS\\s+(.*?);?\\s*$";

  @Test
  void everyJsonSchemaMatchesItsCreateTableStatement() throws IOException {
    Map<String, List<BigQueryColumn>> ddl = ddlTables();
    Map<String, List<BigQueryColumn>> json = jsonSchemas();

    assertThat(json).as("JSON schema files in " + BIGQUERY_DIR + "/schema").isNotEmpty();
    json.forEach(
        (table, columns) ->
            assertThat(ddl.get(table))
                .as("columns of CREATE TABLE %s vs schema/%s.json", table, table)
                .isNotNull()
                .containsExactlyElementsOf(columns));
  }

  @Test
  void catalogueTablesExist() throws IOException {
    assertThat(jsonSchemas()).containsKeys("games", "games_changelog");
  }

  @Test
  void terraformReadsTheSharedSchemaFilesInsteadOfCopyingColumns() throws IOException {
    String terraform = terraformSources();
    for (String table : jsonSchemas().keySet()) {
      assertThat(terraform)
          .as("terraform reads schema/%s.json with file()", table)
          .containsPattern("file\\([^)]*schema/(" + table + "\\.json|\\$\\{[^}]+\\}\\.json)");
    }
    assertThat(terraform)
        .as("terraform declares no inline BigQuery columns")
        .doesNotContainPattern("\"?mode\"?\\s*[:=]\\s*\"(NULLABLE|REQUIRED|REPEATED)\"");
  }

  @Test
  void theCurrentStateViewQueryCanBeExtractedAsTerraformDoes() throws IOException {
    String terraform = terraformSources();
    assertThat(terraform).contains("games_current_view.sql");
    String sql = Repo.read(BIGQUERY_DIR + "/games_current_view.sql");
    Matcher m = Pattern.compile(VIEW_QUERY_REGEX).matcher(BigQueryDdl.stripComments(sql));
    assertThat(m.find()).as("CREATE VIEW ... AS <query> in games_current_view.sql").isTrue();
    assertThat(m.group(1)).startsWithIgnoringCase("SELECT").contains("games_changelog");
    assertThat(m.group(1)).containsIgnoringCase("QUALIFY ROW_NUMBER()");
  }

  private static Map<String, List<BigQueryColumn>> jsonSchemas() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, List<BigQueryColumn>> schemas = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Repo.path(BIGQUERY_DIR + "/schema"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String table = file.getFileName().toString().replaceFirst("\\.json$", "");
        schemas.put(table, BigQueryColumn.fromJsonSchema(mapper.readTree(file.toFile())));
      }
    }
    return schemas;
  }

  private static Map<String, List<BigQueryColumn>> ddlTables() throws IOException {
    Map<String, List<BigQueryColumn>> tables = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Repo.path(BIGQUERY_DIR))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        tables.putAll(BigQueryDdl.tables(Files.readString(file)));
      }
    }
    return tables;
  }

  static String terraformSources() throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(Repo.path("terraform"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
        texts.add(Files.readString(file));
      }
    }
    return String.join("\n", texts);
  }
}
