package io.gamedata.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real IGDB records (2026 sample) and pre-2025-shaped records survive the raw-topic serdes. */
class IgdbModelRoundTripTest {

  static Stream<Arguments> sampleFiles() {
    return Stream.of(
        Arguments.of(IgdbEndpoint.GAMES, "games-2026.json"),
        Arguments.of(IgdbEndpoint.GAMES, "games-legacy-schema.jsonl"),
        Arguments.of(IgdbEndpoint.GENRES, "genres-2026.json"),
        Arguments.of(IgdbEndpoint.THEMES, "themes-2026.json"),
        Arguments.of(IgdbEndpoint.GAME_MODES, "game_modes-2026.json"),
        Arguments.of(IgdbEndpoint.PLAYER_PERSPECTIVES, "player_perspectives-2026.json"),
        Arguments.of(IgdbEndpoint.PLATFORMS, "platforms-2026.json"),
        Arguments.of(IgdbEndpoint.GAME_TYPES, "game_types-2026.json"),
        Arguments.of(IgdbEndpoint.GAME_STATUSES, "game_statuses-2026.json"),
        Arguments.of(IgdbEndpoint.KEYWORDS, "keywords-2026.json"),
        Arguments.of(IgdbEndpoint.COMPANIES, "companies-2026.json"),
        Arguments.of(IgdbEndpoint.INVOLVED_COMPANIES, "involved_companies-2026.json"),
        Arguments.of(IgdbEndpoint.COVERS, "covers-2026.json"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("sampleFiles")
  void everyRecordRoundTripsThroughTheRawTopicSerdeWithoutLoss(IgdbEndpoint endpoint, String file)
      throws IOException {
    List<JsonNode> records = load(file);
    assertThat(records).isNotEmpty();
    @SuppressWarnings("unchecked")
    Topic<Long, IgdbRecord> topic = (Topic<Long, IgdbRecord>) Topics.raw(endpoint);
    for (JsonNode original : records) {
      byte[] in = Json.mapper().writeValueAsBytes(original);
      IgdbRecord parsed = topic.valueSerde().deserializer().deserialize(topic.name(), in);
      assertThat(parsed).isInstanceOf(endpoint.model());
      assertThat(parsed.id()).isEqualTo(original.get("id").asLong());
      byte[] out = topic.valueSerde().serializer().serialize(topic.name(), parsed);
      assertThat(Json.mapper().readTree(out))
          .as("record %s of %s", original.get("id"), file)
          .isEqualTo(original);
    }
  }

  static List<JsonNode> load(String file) throws IOException {
    try (InputStream in = IgdbModelRoundTripTest.class.getResourceAsStream("/igdb/" + file)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<JsonNode> out = new ArrayList<>();
      if (text.stripLeading().startsWith("[")) {
        ((ArrayNode) Json.mapper().readTree(text)).forEach(out::add);
      } else {
        for (String line : text.split("\n")) {
          if (!line.isBlank()) {
            out.add(Json.mapper().readTree(line));
          }
        }
      }
      return out;
    }
  }

  static Stream<IgdbGame> legacyGames() throws IOException {
    return load("games-legacy-schema.jsonl").stream()
        .map(n -> Json.mapper().convertValue(n, IgdbGame.class));
  }

  @org.junit.jupiter.api.Test
  void legacyRecordsExposeDeprecatedFieldsAndTheirCurrentEquivalents() throws IOException {
    List<IgdbGame> games = legacyGames().toList();
    IgdbGame first = games.get(0);
    assertThat(first.category()).isZero();
    assertThat(first.status()).isZero();
    assertThat(first.collection()).isEqualTo(701L);
    assertThat(first.follows()).isEqualTo(12);
    assertThat(first.gameType()).isNull();
    assertThat(first.effectiveGameType()).isZero();
    assertThat(first.effectiveCollections()).containsExactly(701L);
    assertThat(first.other()).containsKeys("tags", "age_ratings", "release_dates");

    IgdbGame dlc = games.get(1);
    assertThat(dlc.effectiveGameType()).isEqualTo(1L);
    assertThat(dlc.parentGame()).isEqualTo(90001L);

    IgdbGame remaster = games.get(2);
    assertThat(remaster.effectiveCollections()).containsExactly(701L, 702L);
    assertThat(remaster.other().get("future_field_igdb_may_add").get("flag").asBoolean()).isTrue();
  }

  @org.junit.jupiter.api.Test
  void currentSchemaPrefersGameTypeOverCategory() throws IOException {
    IgdbGame game =
        Json.mapper().readValue("{\"id\":1,\"game_type\":8,\"category\":0}", IgdbGame.class);
    assertThat(game.effectiveGameType()).isEqualTo(8L);
  }
}
