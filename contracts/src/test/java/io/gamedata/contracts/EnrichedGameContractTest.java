package io.gamedata.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.contracts.json.JsonSerde;
import io.gamedata.contracts.similar.SimilarGames;
import io.gamedata.contracts.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EnrichedGameContractTest {

  static EnrichedGame full() {
    return EnrichedGame.builder(1020)
        .name("Grand Theft Auto V")
        .slug("grand-theft-auto-v")
        .summary("Los Santos.")
        .storyline("Three criminals.")
        .url("https://www.igdb.com/games/grand-theft-auto-v")
        .firstReleaseDate(Instant.parse("2013-09-17T00:00:00Z"))
        .releaseYear(2013)
        .createdAt(Instant.parse("2012-01-01T00:00:00Z"))
        .updatedAt(Instant.parse("2026-05-01T12:00:00Z"))
        .rating(88.5)
        .ratingCount(3000)
        .aggregatedRating(92.1)
        .aggregatedRatingCount(27)
        .totalRating(90.3)
        .totalRatingCount(3027)
        .hypes(12)
        .gameTypeId(0L)
        .gameType("Main Game")
        .gameStatusId(0L)
        .gameStatus("Released")
        .parentGameId(1019L)
        .versionParentId(1018L)
        .versionTitle("Premium Edition")
        .genres(List.of("Shooter", "Adventure"))
        .themes(List.of("Action", "Open world"))
        .gameModes(List.of("Single player", "Multiplayer"))
        .playerPerspectives(List.of("Third person"))
        .platforms(List.of("PC (Microsoft Windows)", "PlayStation 4"))
        .keywords(List.of("heist"))
        .developers(List.of("Rockstar North"))
        .publishers(List.of("Rockstar Games"))
        .franchises(List.of("Grand Theft Auto"))
        .collections(List.of("Grand Theft Auto"))
        .gameEngines(List.of("RAGE"))
        .coverImageId("co2lbd")
        .coverUrl("https://images.igdb.com/igdb/image/upload/t_cover_big/co2lbd.jpg")
        .similarGames(List.of(1, 2, 3).stream().map(Long::valueOf).toList())
        .missingReferences(List.of("keywords:99"))
        .sourceChecksum("abc")
        .contentHash("f00")
        .build();
  }

  static Schema schema() throws IOException {
    try (InputStream in = EnrichedGame.class.getResourceAsStream(EnrichedGame.SCHEMA_RESOURCE)) {
      assertThat(in).as("published schema on the class path").isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(text, InputFormat.JSON);
    }
  }

  @Test
  void fullDocumentRoundTripsAndMatchesThePublishedSchema() throws IOException {
    JsonSerde<EnrichedGame> serde = (JsonSerde<EnrichedGame>) Topics.GAMES_ENRICHED.valueSerde();
    byte[] bytes = serde.toBytes(full());
    assertThat(serde.fromBytes(bytes)).isEqualTo(full());
    JsonNode json = Json.mapper().readTree(bytes);
    assertThat(json.get("first_release_date").asText()).isEqualTo("2013-09-17T00:00:00Z");
    assertThat(json.get("schema_version").asInt()).isEqualTo(1);
    List<Error> errors = schema().validate(json.toString(), InputFormat.JSON);
    assertThat(errors).isEmpty();
  }

  @Test
  void schemaCoversEveryFieldTheRecordWrites() throws IOException {
    JsonNode json = Json.mapper().valueToTree(full());
    JsonNode props;
    try (InputStream in = EnrichedGame.class.getResourceAsStream(EnrichedGame.SCHEMA_RESOURCE)) {
      props = Json.mapper().readTree(in).get("properties");
    }
    json.fieldNames()
        .forEachRemaining(f -> assertThat(props.has(f)).as("schema declares %s", f).isTrue());
    assertThat(props.size()).isEqualTo(json.size());
  }

  @Test
  void listsAreImmutableCopiesAndNullsBecomeEmptyLists() {
    java.util.List<String> genres = new java.util.ArrayList<>(java.util.List.of("RPG"));
    java.util.List<Long> similar = new java.util.ArrayList<>(java.util.List.of(5L));
    EnrichedGame doc =
        EnrichedGame.builder(1).genres(genres).similarGames(similar).keywords(null).build();
    genres.add("Puzzle");
    similar.clear();
    assertThat(doc.genres()).containsExactly("RPG");
    assertThat(doc.similarGames()).containsExactly(5L);
    assertThat(doc.keywords()).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> doc.genres().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    java.util.List<String> withNull = new java.util.ArrayList<>();
    withNull.add(null);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> EnrichedGame.builder(1).themes(withNull).build())
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void withContentHashChangesOnlyTheContentHash() {
    EnrichedGame doc = full();
    EnrichedGame rehashed = doc.withContentHash("0123456789abcdef");
    assertThat(rehashed.contentHash()).isEqualTo("0123456789abcdef");
    assertThat(rehashed).isEqualTo(doc.toBuilder().contentHash("0123456789abcdef").build());
    assertThat(rehashed.genres()).isSameAs(doc.genres()); // immutable lists are not copied again
    assertThat(doc.withContentHash(doc.contentHash())).isEqualTo(doc);
  }

  @Test
  void minimalDocumentHasEmptyListsNotNulls() throws IOException {
    EnrichedGame min = EnrichedGame.builder(7).name("Tiny").build();
    JsonNode json = Json.mapper().valueToTree(min);
    assertThat(json.get("genres").isArray()).isTrue();
    assertThat(json.has("summary")).isFalse();
    assertThat(schema().validate(json.toString(), InputFormat.JSON)).isEmpty();
  }

  @Test
  void schemaRejectsADocumentWithoutNameOrWithABadRating() throws IOException {
    ObjectNode json = Json.mapper().valueToTree(full());
    json.remove("name");
    assertThat(schema().validate(json.toString(), InputFormat.JSON)).isNotEmpty();
    ObjectNode bad = Json.mapper().valueToTree(full());
    bad.put("rating", 140.0);
    assertThat(schema().validate(bad.toString(), InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void unknownFieldsOfANewerV1AreIgnoredByOlderReaders() throws IOException {
    ObjectNode json = Json.mapper().valueToTree(full());
    json.put("a_field_added_later", "x");
    EnrichedGame read = Json.mapper().treeToValue(json, EnrichedGame.class);
    assertThat(read).isEqualTo(full());
  }

  @Test
  void tombstonesAndGarbage() {
    JsonSerde<EnrichedGame> serde = new JsonSerde<>(EnrichedGame.class);
    assertThat(serde.fromBytes(null)).isNull();
    assertThat(serde.toBytes(null)).isNull();
    assertThatThrownBy(() -> serde.fromBytes("{not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("EnrichedGame");
  }

  @Test
  void changeEventAndSimilarGamesRoundTrip() {
    GameChangeEvent ev =
        GameChangeEvent.of(
            42,
            GameChangeEvent.Operation.UPDATED,
            List.of("name", "genres"),
            Instant.parse("2026-01-01T00:00:00Z"),
            "new",
            "old");
    assertThat(ev.eventId()).isEqualTo("42:updated:new");
    JsonSerde<GameChangeEvent> s = new JsonSerde<>(GameChangeEvent.class);
    assertThat(s.fromBytes(s.toBytes(ev))).isEqualTo(ev);
    assertThat(new String(s.toBytes(ev), StandardCharsets.UTF_8)).contains("\"changed_fields\"");

    GameChangeEvent del =
        GameChangeEvent.of(42, GameChangeEvent.Operation.DELETED, null, null, null, "old");
    assertThat(del.eventId()).isEqualTo("42:deleted:old");

    SimilarGames sg =
        new SimilarGames(
            7, 3, List.of(new SimilarGames.Entry(8, "Eight", 0.93, List.of("genre:Shooter"))));
    JsonSerde<SimilarGames> ss = new JsonSerde<>(SimilarGames.class);
    assertThat(ss.fromBytes(ss.toBytes(sg))).isEqualTo(sg);
  }
}
