package io.gamedata.connect.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checked-in BigQuery files and the contracts' document agree with {@link GameColumns}. */
class GameColumnsFilesTest {

  private static String resource(String path) throws IOException {
    try (InputStream in = GameColumnsFilesTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void checkedInBigQueryFilesAreGeneratedFromTheColumnList() throws IOException {
    for (var e : WarehouseDdl.bigQueryFiles().entrySet()) {
      assertThat(resource("/bigquery/" + e.getKey()))
          .as("bigquery/%s is stale: run WarehouseDdl to regenerate it", e.getKey())
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void jsonSchemaFilesListEveryColumnWithItsMode() throws IOException {
    JsonNode games = Json.mapper().readTree(resource("/bigquery/schema/games.json"));
    List<String> names = new ArrayList<>();
    games.forEach(f -> names.add(f.get("name").asText()));
    assertThat(names)
        .containsExactlyElementsOf(GameColumns.games().stream().map(Column::name).toList());
    assertThat(games.get(25).get("mode").asText()).isEqualTo("REPEATED"); // genres
    JsonNode key = games.get(games.size() - 1);
    assertThat(key.get("type").asText()).isEqualTo("RECORD");
    assertThat(key.get("fields").get(0).get("name").asText()).isEqualTo("id");

    JsonNode changelog = Json.mapper().readTree(resource("/bigquery/schema/games_changelog.json"));
    assertThat(changelog.size()).isEqualTo(GameColumns.DOCUMENT.size() + GameColumns.CHANGE.size());
    assertThat(changelog.get(2).get("mode").asText())
        .as("name is nullable for DELETE rows")
        .isEqualTo("NULLABLE");
  }

  @Test
  void ddlPartitionsTheChangelogByIngestionDayAndClustersById() throws IOException {
    assertThat(resource("/bigquery/games_changelog.sql"))
        .contains("PARTITION BY DATE(ingestion_time)")
        .contains("CLUSTER BY id");
    assertThat(resource("/bigquery/games.sql"))
        .contains("CLUSTER BY id")
        .doesNotContain("PARTITION BY");
    assertThat(resource("/bigquery/games_current_view.sql"))
        .contains("QUALIFY ROW_NUMBER() OVER (PARTITION BY id ORDER BY kafka_offset DESC) = 1")
        .contains("WHERE operation = 'UPSERT'");
  }

  @Test
  void documentColumnsAreExactlyTheEnrichedGameFields() throws IOException {
    List<String> recordFields =
        Arrays.stream(EnrichedGame.class.getRecordComponents())
            .map(RecordComponent::getName)
            .map(n -> n.replaceAll("([A-Z])", "_$1").toLowerCase())
            .toList();
    assertThat(GameColumns.DOCUMENT.stream().map(Column::name).toList())
        .containsExactlyElementsOf(recordFields);

    JsonNode schema = Json.mapper().readTree(resource(EnrichedGame.SCHEMA_RESOURCE));
    Set<String> properties = new HashSet<>();
    schema.get("properties").fieldNames().forEachRemaining(properties::add);
    assertThat(properties).containsExactlyInAnyOrderElementsOf(recordFields);
    for (Column c : GameColumns.DOCUMENT) {
      JsonNode p = schema.get("properties").get(c.name());
      boolean array = "array".equals(p.path("type").asText());
      assertThat(array).as(c.name()).isEqualTo(c.mode() == Column.Mode.REPEATED);
    }
    Set<String> required = new HashSet<>();
    schema.get("required").forEach(n -> required.add(n.asText()));
    for (Column c : GameColumns.DOCUMENT) {
      if (c.mode() == Column.Mode.REQUIRED) {
        assertThat(required).as(c.name()).contains(c.name());
      }
    }
  }

  @Test
  void duckDbDdlUsesTheDuckDbCounterpartOfEveryType() {
    String ddl = WarehouseDdl.duckDbCreateTable("games", GameColumns.games());
    assertThat(ddl)
        .contains("id BIGINT NOT NULL")
        .contains("name VARCHAR NOT NULL")
        .contains("first_release_date TIMESTAMPTZ")
        .contains("rating DOUBLE")
        .contains("genres VARCHAR[]")
        .contains("similar_games BIGINT[]")
        .contains("kafka_key STRUCT(id BIGINT)");
  }
}
