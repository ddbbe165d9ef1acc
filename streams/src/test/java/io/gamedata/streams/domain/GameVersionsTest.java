package io.gamedata.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.IgdbGameReader;
import io.gamedata.contracts.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The game processor reads raw games with {@link IgdbGameReader#readTrimmed}: the same game as
 * databind's, trimmed by {@link GameVersions#trimmed}.
 */
class GameVersionsTest {

  private static IgdbGame everyField() {
    IgdbGame g =
        new IgdbGame(
            9,
            "Name",
            "slug",
            "summary",
            "story",
            "https://igdb.com/g/9",
            "chk",
            "GOTY",
            1L,
            2L,
            3L,
            80.5,
            10,
            70.0,
            3,
            75.25,
            13,
            4,
            5L,
            6L,
            7L,
            8L,
            9L,
            10L,
            List.of(11L),
            List.of(12L),
            List.of(13L),
            List.of(14L),
            List.of(15L),
            List.of(16L),
            List.of(17L),
            List.of(18L),
            List.of(19L),
            List.of(20L),
            List.of(21L),
            List.of(22L),
            List.of(23L),
            List.of(24L),
            2,
            4,
            25L,
            26,
            null);
    g.other().put("screenshots", JsonNodeFactory.instance.arrayNode().add(1).add(2));
    g.other().put("age_ratings", JsonNodeFactory.instance.objectNode().put("x", "y"));
    return g;
  }

  @Test
  void trimmingDropsWhatNoDocumentCarries() {
    IgdbGame t = GameVersions.trimmed(everyField());
    assertThat(t.dlcs()).isNull();
    assertThat(t.expansions()).isNull();
    assertThat(t.bundles()).isNull();
    assertThat(t.follows()).isNull();
    assertThat(t.other()).isEmpty();
    // everything a document is built from stays, deprecated fields included
    assertThat(t.similarGames()).containsExactly(21L);
    assertThat(t.category()).isEqualTo(2);
    assertThat(t.status()).isEqualTo(4);
    assertThat(t.collection()).isEqualTo(25L);
    assertThat(t.name()).isEqualTo("Name");
  }

  @Test
  void theReadersTrimIsGameVersionsTrim() throws Exception {
    for (IgdbGame g :
        List.of(
            everyField(),
            everyField().withUpdatedAt(null),
            new IgdbGame(
                1,
                "Only a name",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null))) {
      byte[] json = Json.mapper().writeValueAsBytes(g);
      IgdbGame databind = Json.mapper().readValue(json, IgdbGame.class);
      assertThat(IgdbGameReader.readTrimmed(json))
          .as(new String(json, StandardCharsets.UTF_8))
          .isEqualTo(GameVersions.trimmed(databind));
    }
  }
}
