package io.gamedata.connect.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.connect.Games;
import io.gamedata.connect.schema.GameColumns;
import io.gamedata.connect.schema.WarehouseDdl;
import io.gamedata.connect.sink.duckdb.DuckDbSinkConfig;
import io.gamedata.connect.transform.EnrichedGameToStruct;
import io.gamedata.contracts.topic.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.converters.LongConverter;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/**
 * The configs we ship for kcbq obey kcbq's rules and our own (upsert + delete by MERGE on the id,
 * our transform, DLQ, sanitized names, no partition decorator), and the transform's output is what
 * kcbq needs: a Struct value and a Struct key, with BigQuery-compatible types only.
 */
class ShippedConnectorConfigsTest {

  private static final Map<String, String> ENV =
      Map.of(
          "GCP_PROJECT", "my-project", "BQ_DATASET", "gamedata", "GCP_KEYFILE", "/secrets/bq.json");

  private static Map<String, String> load(String name) {
    return ConnectorConfigs.resolve(ConnectorConfigs.load(name), ENV::get);
  }

  @Test
  void bigQueryConfigsPassKcbqRules() {
    for (String name :
        List.of(ConnectorConfigs.BIGQUERY_GAMES, ConnectorConfigs.BIGQUERY_CHANGELOG)) {
      Map<String, String> c = load(name);
      assertThat(KcbqConfigValidator.violations(c)).as(name).isEmpty();
      assertThat(c.get("connector.class")).isEqualTo(KcbqConfigValidator.CONNECTOR_CLASS);
      assertThat(c.get("topics")).isEqualTo(Topics.GAMES_ENRICHED.name());
      assertThat(c.get("errors.tolerance")).isEqualTo("all");
      assertThat(c.get("errors.deadletterqueue.topic.name")).isEqualTo(Topics.GAMES_DLQ.name());
      assertThat(c.get("transforms.enriched.type")).isEqualTo(EnrichedGameToStruct.class.getName());
      assertThat(c.get("key.converter")).isEqualTo(LongConverter.class.getName());
      assertThat(c.get("sanitizeTopics")).isEqualTo("true");
      assertThat(c.get("sanitizeFieldNames")).isEqualTo("true");
      assertThat(c.get("bigQueryPartitionDecorator")).isEqualTo("false");
      assertThat(c.get("clusteringPartitionFieldNames")).isEqualTo(GameColumns.ID);
      assertThat(c.get("project")).isEqualTo("my-project");
    }
  }

  @Test
  void gamesConfigUpsertsAndDeletesByMergeOnTheGameId() {
    Map<String, String> c = load(ConnectorConfigs.BIGQUERY_GAMES);
    assertThat(c).containsEntry("upsertEnabled", "true").containsEntry("deleteEnabled", "true");
    assertThat(c.get("kafkaKeyFieldName")).isEqualTo(GameColumns.KAFKA_KEY);
    assertThat(c.get("topic2TableMap"))
        .isEqualTo(Topics.GAMES_ENRICHED.name() + ":" + WarehouseDdl.GAMES);
    assertThat(c.get("transforms.enriched.mode")).isEqualTo("current");
    assertThat(c).doesNotContainKey("timestampPartitionFieldName");
  }

  @Test
  void changelogConfigAppendsPartitionedByIngestionTime() {
    Map<String, String> c = load(ConnectorConfigs.BIGQUERY_CHANGELOG);
    assertThat(c).containsEntry("upsertEnabled", "false").containsEntry("deleteEnabled", "false");
    assertThat(c.get("timestampPartitionFieldName")).isEqualTo(GameColumns.INGESTION_TIME);
    assertThat(c.get("topic2TableMap"))
        .isEqualTo(Topics.GAMES_ENRICHED.name() + ":" + WarehouseDdl.GAMES_CHANGELOG);
    assertThat(c.get("transforms.enriched.mode")).isEqualTo("changelog");
  }

  @Test
  void duckDbConfigIsAValidSinkConfig() {
    Map<String, String> c =
        ConnectorConfigs.resolve(
            ConnectorConfigs.load(ConnectorConfigs.DUCKDB), k -> "/var/lib/gamedata");
    DuckDbSinkConfig config = new DuckDbSinkConfig(c);
    assertThat(config.path().toString()).isEqualTo("/var/lib/gamedata/warehouse.duckdb");
    assertThat(c.get("errors.deadletterqueue.topic.name")).isEqualTo(Topics.GAMES_DLQ.name());
  }

  @Test
  void missingEnvironmentVariableFailsNamingKeyAndVariable() {
    assertThatThrownBy(
            () ->
                ConnectorConfigs.resolve(
                    ConnectorConfigs.load(ConnectorConfigs.BIGQUERY_GAMES), k -> null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("GCP_PROJECT")
        .hasMessageContaining("project");
  }

  private static final Pattern BIGQUERY_COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,299}");
  private static final Set<Schema.Type> BIGQUERY_TYPES =
      Set.of(Schema.Type.INT64, Schema.Type.FLOAT64, Schema.Type.STRING, Schema.Type.BOOLEAN);

  @Test
  void transformOutputIsWhatKcbqRequires() {
    for (String mode : List.of("current", "changelog")) {
      EnrichedGameToStruct<SinkRecord> t = new EnrichedGameToStruct<>();
      t.configure(Map.of("mode", mode));
      SinkRecord in =
          new SinkRecord("games.enriched", 0, null, 5L, null, Games.json(Games.full(5)), 3L);
      SinkRecord out = t.apply(in);
      assertThat(out.keySchema().type()).isEqualTo(Schema.Type.STRUCT);
      assertThat(out.key()).isInstanceOf(Struct.class);
      assertThat(out.valueSchema().type())
          .as("kcbq: top-level schema must be a struct")
          .isEqualTo(Schema.Type.STRUCT);
      assertThat(out.value()).isInstanceOf(Struct.class);
      ((Struct) out.value()).validate();
      assertBigQueryCompatible(out.valueSchema());
      assertBigQueryCompatible(out.keySchema());
      assertThat(out.valueSchema().field(GameColumns.KAFKA_KEY))
          .as("kafkaKeyFieldName must not clash with a value field")
          .isNull();
      t.close();
    }
  }

  private static void assertBigQueryCompatible(Schema struct) {
    for (Field f : struct.fields()) {
      assertThat(f.name()).matches(BIGQUERY_COLUMN);
      Schema s = f.schema();
      if (Timestamp.LOGICAL_NAME.equals(s.name())) {
        continue;
      }
      if (s.type() == Schema.Type.ARRAY) {
        assertThat(s.isOptional()).as("%s: REPEATED cannot be NULLABLE", f.name()).isFalse();
        assertThat(s.valueSchema().isOptional())
            .as("%s: no null elements in BigQuery", f.name())
            .isFalse();
        assertThat(BIGQUERY_TYPES).as(f.name()).contains(s.valueSchema().type());
        continue;
      }
      if (s.type() == Schema.Type.STRUCT) {
        assertBigQueryCompatible(s);
        continue;
      }
      assertThat(BIGQUERY_TYPES).as(f.name()).contains(s.type());
    }
  }

  @Test
  void dlqNeedsToleranceAllInEveryShippedConfig() {
    for (String name :
        List.of(
            ConnectorConfigs.BIGQUERY_GAMES,
            ConnectorConfigs.BIGQUERY_CHANGELOG,
            ConnectorConfigs.DUCKDB)) {
      Map<String, String> c = new HashMap<>(ConnectorConfigs.load(name));
      assertThat(c.get("errors.tolerance")).as(name).isEqualTo("all");
    }
  }
}
