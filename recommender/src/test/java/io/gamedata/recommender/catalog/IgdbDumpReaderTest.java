package io.gamedata.recommender.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.GameKind;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IgdbDumpReaderTest {

  @Test
  void readsExpandedIdOnlyNameOnlyAndSparseRecordsFromAJsonArray() throws Exception {
    IgdbDumpReader.Result r;
    try (InputStream in = getClass().getResourceAsStream("/igdb/games-expanded.json")) {
      r = new IgdbDumpReader().read(in);
    }
    assertThat(r.skipped()).isEqualTo(1);
    List<EnrichedGame> games = r.games();
    assertThat(games).extracting(EnrichedGame::id).containsExactly(1L, 2L, 3L);

    EnrichedGame halo = games.get(0);
    assertThat(halo.genres()).containsExactly("Shooter");
    assertThat(halo.themes()).containsExactly("#1");
    assertThat(halo.platforms()).containsExactly("Xbox", "#6");
    assertThat(halo.franchises()).containsExactly("Halo");
    assertThat(halo.developers()).containsExactly("Bungie");
    assertThat(halo.publishers()).containsExactly("Microsoft");
    assertThat(halo.gameType()).isEqualTo("Main Game");
    assertThat(halo.releaseYear()).isEqualTo(2001);
    assertThat(halo.similarGames()).containsExactly(2L, 3L);

    EnrichedGame sparse = games.get(1);
    assertThat(sparse.genres()).isEmpty();
    assertThat(sparse.summary()).isNull();

    EnrichedGame dlc = games.get(2);
    assertThat(dlc.gameTypeId()).isEqualTo(1L);
    assertThat(dlc.gameType()).isEqualTo("DLC");
    assertThat(dlc.parentGameId()).isEqualTo(1L);
    assertThat(dlc.collections()).containsExactly("#4", "#5");
    assertThat(dlc.keywords()).containsExactly("#11", "aliens");
    assertThat(dlc.developers()).isEmpty(); // bare involved-company ids cannot be resolved
    assertThat(GameKind.isVariant(dlc)).isTrue();
  }

  @Test
  void readsNdjsonAndResolvesIdsThroughSiblingReferenceFiles() throws Exception {
    Path games = Path.of(getClass().getResource("/igdb/ndjson/games.jsonl").toURI());
    List<EnrichedGame> out = IgdbDumpReader.read(games).games();
    assertThat(out).hasSize(2);
    assertThat(out.get(0).genres()).containsExactly("Shooter", "Role-playing (RPG)");
    assertThat(out.get(0).developers()).containsExactly("Valve");
    assertThat(out.get(0).publishers()).containsExactly("Valve");
    assertThat(out.get(0).versionParentId()).isEqualTo(9L);
    assertThat(GameKind.isVariant(out.get(0))).isTrue();
    assertThat(out.get(1).platforms()).containsExactly("#6");
  }
}
