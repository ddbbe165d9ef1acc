package io.gamedata.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.Json;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every check of {@link GameValidator}, the order in which they are made, and its date bounds. */
class GameValidatorTest {

  private static Optional<String> violation(String fields) throws Exception {
    IgdbGame game =
        Json.mapper().readValue("{\"id\":7,\"name\":\"G\"" + fields + "}", IgdbGame.class);
    return GameValidator.violation(7L, game);
  }

  @Test
  void aValidGameHasNoViolation() throws Exception {
    assertThat(
            violation(
                ",\"created_at\":0,\"first_release_date\":0,\"rating\":100.0,\"hypes\":0,"
                    + "\"cover\":0,\"genres\":[0,1],\"similar_games\":[],\"category\":0"))
        .isEmpty();
  }

  @Test
  void eachCheckNamesItsField() throws Exception {
    String[][] cases = {
      {",\"created_at\":-1", "created_at must be >= 0, was -1"},
      {",\"updated_at\":-2", "updated_at must be >= 0, was -2"},
      {",\"rating\":-0.5", "rating must be within 0..100, was -0.5"},
      {",\"aggregated_rating\":100.5", "aggregated_rating must be within 0..100, was 100.5"},
      {",\"total_rating\":101", "total_rating must be within 0..100, was 101.0"},
      {",\"rating_count\":-1", "rating_count must be >= 0, was -1"},
      {",\"aggregated_rating_count\":-1", "aggregated_rating_count must be >= 0, was -1"},
      {",\"total_rating_count\":-1", "total_rating_count must be >= 0, was -1"},
      {",\"hypes\":-3", "hypes must be >= 0, was -3"},
      {",\"cover\":-1", "cover must be >= 0, was -1"},
      {",\"game_type\":-1", "game_type must be >= 0, was -1"},
      {",\"game_status\":-1", "game_status must be >= 0, was -1"},
      {",\"parent_game\":-1", "parent_game must be >= 0, was -1"},
      {",\"version_parent\":-1", "version_parent must be >= 0, was -1"},
      {",\"franchise\":-1", "franchise must be >= 0, was -1"},
      {",\"collection\":-1", "collection must be >= 0, was -1"},
      {",\"genres\":[1,-2]", "genres contains a negative id -2"},
      {",\"themes\":[-1]", "themes contains a negative id -1"},
      {",\"keywords\":[null]", "keywords contains null"},
      {",\"game_modes\":[-1]", "game_modes contains a negative id -1"},
      {",\"player_perspectives\":[-1]", "player_perspectives contains a negative id -1"},
      {",\"platforms\":[-1]", "platforms contains a negative id -1"},
      {",\"involved_companies\":[-1]", "involved_companies contains a negative id -1"},
      {",\"franchises\":[-1]", "franchises contains a negative id -1"},
      {",\"collections\":[-1]", "collections contains a negative id -1"},
      {",\"game_engines\":[-1]", "game_engines contains a negative id -1"},
      {",\"similar_games\":[-1]", "similar_games contains a negative id -1"},
      {",\"category\":-1", "category must be >= 0, was -1"},
      {",\"status\":-1", "status must be >= 0, was -1"},
    };
    for (String[] c : cases) {
      assertThat(violation(c[0])).as(c[0]).contains(c[1]);
    }
  }

  @Test
  void theFirstViolationInTheDocumentedOrderWins() throws Exception {
    String all =
        ",\"status\":-1,\"category\":-1,\"similar_games\":[-1],\"genres\":[-1],\"collection\":-1,"
            + "\"cover\":-1,\"hypes\":-1,\"rating_count\":-1,\"total_rating\":200,\"rating\":200,"
            + "\"first_release_date\":-99999999999,\"updated_at\":-1,\"created_at\":-1";
    String[] expected = {
      "created_at",
      "updated_at",
      "first_release_date",
      "rating ",
      "total_rating",
      "rating_count",
      "hypes",
      "cover",
      "collection",
      "genres",
      "similar_games",
      "category",
      "status"
    };
    String fields = all;
    for (String field : expected) {
      Optional<String> v = violation(fields);
      assertThat(v).as("with %s", fields).isPresent();
      assertThat(v.get()).startsWith(field.trim());
      // drop that field and look again
      fields = fields.replaceFirst(",\"" + field.trim() + "\":(\\[[^]]*]|[^,]*)", "");
    }
    assertThat(violation(fields)).isEmpty();
  }

  @Test
  void releaseDatesAreBoundedByYearExactly() throws Exception {
    long first =
        LocalDate.of(GameValidator.MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long end =
        LocalDate.of(GameValidator.MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    assertThat(violation(",\"first_release_date\":" + first)).isEmpty();
    assertThat(violation(",\"first_release_date\":" + (end - 1))).isEmpty();
    assertThat(violation(",\"first_release_date\":" + (first - 1)))
        .contains("first_release_date out of range (year " + (GameValidator.MIN_YEAR - 1) + ")");
    assertThat(violation(",\"first_release_date\":" + end))
        .contains("first_release_date out of range (year " + (GameValidator.MAX_YEAR + 1) + ")");
  }
}
