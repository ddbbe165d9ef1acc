package io.gamedata.simulator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {

  static Path sampleDir() throws URISyntaxException {
    return Path.of(CatalogLoaderTest.class.getResource("/sample-2026/games.json").toURI())
        .getParent();
  }

  @Test
  void loadsJsonArraysAndNdjsonOfTheRealSample() throws Exception {
    Catalog c = CatalogLoader.loadDirectory(sampleDir());
    assertThat(c.size(IgdbEndpoint.GAMES)).isEqualTo(5);
    assertThat(c.size(IgdbEndpoint.GENRES)).isEqualTo(23);
    assertThat(c.size(IgdbEndpoint.INVOLVED_COMPANIES)).isEqualTo(19);
    IgdbGame g = c.game(1020).orElseThrow();
    assertThat(g.name()).isEqualTo("Grand Theft Auto V");
    // unknown fields are kept
    assertThat(g.other()).containsKey("external_games");
    assertThat(c.groundTruth()).isEmpty();
  }

  @Test
  void readsTheOlderSchemaAsNdjson(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("games.jsonl"),
        "{\"id\":1,\"name\":\"Old\",\"category\":0,\"collection\":7,\"follows\":3,\"tags\":[1]}\n"
            + "{\"id\":2,\"name\":\"Older\",\"category\":1,\"status\":4}\n");
    Catalog c = CatalogLoader.loadDirectory(dir);
    assertThat(c.game(1).orElseThrow().effectiveCollections()).containsExactly(7L);
    assertThat(c.game(2).orElseThrow().effectiveGameType()).isEqualTo(1L);
    assertThat(c.game(1).orElseThrow().other()).containsKey("tags");
  }

  @Test
  void failsClearlyOnBadInput(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> CatalogLoader.loadDirectory(dir)).hasMessageContaining("games.json");
    Files.writeString(dir.resolve("genres.json"), "[{\"id\": 1, \"name\": ");
    assertThatThrownBy(() -> CatalogLoader.loadDirectory(dir)).hasMessageContaining("genres");
  }
}
