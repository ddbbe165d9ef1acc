package io.gamedata.connect.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.connect.Games;
import io.gamedata.connect.convert.GameSchemas;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichedGameToStructTest {

  private final EnrichedGameToStruct<SinkRecord> transform = new EnrichedGameToStruct<>();

  @BeforeEach
  void configure() {
    transform.configure(Map.of());
  }

  @AfterEach
  void close() {
    transform.close();
  }

  private static SinkRecord record(Object key, Object value) {
    return new SinkRecord("games.enriched", 2, null, key, null, value, 41L);
  }

  @Test
  void everyFieldTypeIsConvertedFromJsonBytes() {
    EnrichedGame g = Games.full(7);
    SinkRecord out = transform.apply(record(7L, Games.json(g)));

    assertThat(out.keySchema()).isEqualTo(GameSchemas.KEY);
    assertThat(((Struct) out.key()).getInt64("id")).isEqualTo(7L);
    assertThat(out.valueSchema()).isEqualTo(GameSchemas.VALUE);
    Struct v = (Struct) out.value();
    assertThat(v.getInt64("schema_version")).isEqualTo(1L);
    assertThat(v.getInt64("id")).isEqualTo(7L);
    assertThat(v.getString("name")).isEqualTo("Game 7");
    assertThat(v.getString("url")).isEqualTo(g.url());
    assertThat(v.get("first_release_date")).isEqualTo(Date.from(g.firstReleaseDate()));
    assertThat(v.get("updated_at")).isEqualTo(Date.from(Instant.parse("2024-03-02T12:34:56.789Z")));
    assertThat(v.schema().field("updated_at").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    assertThat(v.getInt64("release_year")).isEqualTo(2020L);
    assertThat(v.getFloat64("rating")).isEqualTo(81.5);
    assertThat(v.getFloat64("aggregated_rating")).isEqualTo(77.25);
    assertThat(v.getInt64("total_rating_count")).isEqualTo(130L);
    assertThat(v.getInt64("game_type_id")).isEqualTo(0L);
    assertThat(v.getInt64("parent_game_id")).isEqualTo(1_000_007L);
    assertThat(v.<String>getArray("genres")).containsExactly("Role-playing (RPG)", "Adventure");
    assertThat(v.<String>getArray("platforms"))
        .containsExactly("PC (Microsoft Windows)", "PlayStation 5");
    assertThat(v.<Long>getArray("similar_games")).containsExactly(8L, 9L);
    assertThat(v.<String>getArray("missing_references")).containsExactly("keywords:99");
    assertThat(v.getString("content_hash")).isEqualTo("hash-7");
    assertThat(out.topic()).isEqualTo("games.enriched");
    assertThat(out.kafkaPartition()).isEqualTo(2);
  }

  @Test
  void stringAndSchemalessJsonConverterValuesGiveTheSameStruct() throws Exception {
    EnrichedGame g = Games.full(9);
    Struct fromBytes = (Struct) transform.apply(record(9L, Games.json(g))).value();
    Struct fromString =
        (Struct)
            transform.apply(record(9L, new String(Games.json(g), StandardCharsets.UTF_8))).value();
    Map<?, ?> map = Json.mapper().readValue(Games.json(g), Map.class);
    Struct fromMap = (Struct) transform.apply(record(9L, map)).value();
    assertThat(fromString).isEqualTo(fromBytes);
    assertThat(fromMap).isEqualTo(fromBytes);
  }

  @Test
  void nullAndMissingOptionalFieldsBecomeNullsAndEmptyArrays() {
    String json = "{\"schema_version\":1,\"id\":3,\"name\":\"Bare\",\"rating\":null}";
    Struct v = (Struct) transform.apply(record(3L, json)).value();
    assertThat(v.getString("slug")).isNull();
    assertThat(v.get("rating")).isNull();
    assertThat(v.get("first_release_date")).isNull();
    assertThat(v.getArray("genres")).isEmpty();
    assertThat(v.getArray("similar_games")).isEmpty();
    v.validate();
  }

  @Test
  void tombstonesPassThroughWithAStructKey() {
    SinkRecord out = transform.apply(record(Games.key(12), null));
    assertThat(out.value()).isNull();
    assertThat(((Struct) out.key()).getInt64("id")).isEqualTo(12L);
  }

  @Test
  void keyMayBeLongOrEightBytes() {
    byte[] value = Games.json(Games.full(5));
    assertThat(transform.apply(record(Games.key(5), value)).key())
        .isEqualTo(transform.apply(record(5L, value)).key());
    assertThatThrownBy(() -> transform.apply(record(new byte[] {1, 2}, value)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("8-byte");
  }

  @Test
  void unknownFieldsOfAnewerV1AreIgnored() {
    String json = "{\"schema_version\":1,\"id\":3,\"name\":\"X\",\"added_later\":[1,2]}";
    assertThat(((Struct) transform.apply(record(3L, json)).value()).getString("name"))
        .isEqualTo("X");
  }

  @Test
  void otherSchemaVersionsAreRejected() {
    assertThatThrownBy(
            () -> transform.apply(record(3L, "{\"schema_version\":2,\"id\":3,\"name\":\"X\"}")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("unsupported schema_version 2");
    assertThatThrownBy(() -> transform.apply(record(3L, "{\"id\":3,\"name\":\"X\"}")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("missing required field: schema_version");
  }

  @Test
  void malformedValuesFailWithAClearDataException() {
    assertThatThrownBy(() -> transform.apply(record(3L, "not json")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> transform.apply(record(3L, "[1,2]")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("JSON object");
    assertThatThrownBy(() -> transform.apply(record(3L, "{\"schema_version\":1,\"id\":3}")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("missing required field: name");
    assertThatThrownBy(
            () ->
                transform.apply(
                    record(
                        3L, "{\"schema_version\":1,\"id\":3,\"name\":\"X\",\"rating\":\"high\"}")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("field rating: expected FLOAT64");
    assertThatThrownBy(
            () ->
                transform.apply(
                    record(3L, "{\"schema_version\":1,\"id\":3,\"name\":\"X\",\"hypes\":1.5}")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("field hypes: expected INT64");
    assertThatThrownBy(
            () ->
                transform.apply(
                    record(
                        3L, "{\"schema_version\":1,\"id\":3,\"name\":\"X\",\"genres\":\"RPG\"}")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("field genres: expected an array");
    assertThatThrownBy(
            () ->
                transform.apply(
                    record(
                        3L,
                        "{\"schema_version\":1,\"id\":3,\"name\":\"X\",\"created_at\":\"yesterday\"}")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("field created_at: not an ISO-8601 instant");
    assertThatThrownBy(
            () -> transform.apply(record(4L, "{\"schema_version\":1,\"id\":3,\"name\":\"X\"}")))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("does not match key id 4");
    assertThatThrownBy(() -> transform.apply(record(3L, 42)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("unsupported value type");
    assertThatThrownBy(() -> transform.apply(record(null, null)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("tombstone without a key");
  }

  @Test
  void changelogModeAddsOperationAndKafkaCoordinates() {
    EnrichedGameToStruct<SinkRecord> changelog = new EnrichedGameToStruct<>();
    changelog.configure(Map.of(EnrichedGameToStruct.MODE_CONFIG, "changelog"));
    Instant now = Instant.parse("2026-11-29T04:00:00Z");
    changelog.clock(Clock.fixed(now, ZoneOffset.UTC));

    Struct upsert = (Struct) changelog.apply(record(7L, Games.json(Games.full(7)))).value();
    assertThat(upsert.schema()).isEqualTo(GameSchemas.CHANGELOG);
    assertThat(upsert.getString("operation")).isEqualTo("UPSERT");
    assertThat(upsert.getString("name")).isEqualTo("Game 7");
    assertThat(upsert.getString("kafka_topic")).isEqualTo("games.enriched");
    assertThat(upsert.getInt64("kafka_partition")).isEqualTo(2L);
    assertThat(upsert.getInt64("kafka_offset")).isEqualTo(41L);
    assertThat(upsert.get("ingestion_time")).isEqualTo(Date.from(now));

    SinkRecord deleted = changelog.apply(record(7L, null));
    Struct delete = (Struct) deleted.value();
    assertThat(delete.getString("operation")).isEqualTo("DELETE");
    assertThat(delete.getInt64("id")).isEqualTo(7L);
    assertThat(delete.getString("name")).isNull();
    assertThat(delete.getArray("genres")).isEmpty();
    delete.validate();
    changelog.close();
  }

  @Test
  void badModeIsRejectedAtConfigure() {
    assertThatThrownBy(
            () -> new EnrichedGameToStruct<SinkRecord>().configure(Map.of("mode", "both")))
        .hasMessageContaining("mode");
  }

  @Test
  void valueSchemaHasOneFieldPerDocumentField() {
    assertThat(GameSchemas.VALUE.fields()).hasSize(42);
    assertThat(GameSchemas.VALUE.field("genres").schema().type()).isEqualTo(Schema.Type.ARRAY);
    assertThat(GameSchemas.VALUE.field("name").schema().isOptional()).isFalse();
    assertThat(GameSchemas.VALUE.field("slug").schema().isOptional()).isTrue();
    assertThat(List.of(GameSchemas.KEY.fields().get(0).name())).containsExactly("id");
  }
}
