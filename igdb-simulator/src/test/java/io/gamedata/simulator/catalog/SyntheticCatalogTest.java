package io.gamedata.simulator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticCatalogTest {

  static Catalog catalog;

  @BeforeAll
  static void generate() {
    catalog = SyntheticCatalog.generate(5_000, 7);
  }

  @Test
  void sameSeedSameCatalogueOtherSeedOther() throws Exception {
    Catalog again = SyntheticCatalog.generate(5_000, 7);
    Catalog other = SyntheticCatalog.generate(5_000, 8);
    String a = Json.mapper().writeValueAsString(catalog.games());
    assertThat(Json.mapper().writeValueAsString(again.games())).isEqualTo(a);
    assertThat(Json.mapper().writeValueAsString(other.games())).isNotEqualTo(a);
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      assertThat(Json.mapper().writeValueAsString(again.records(e)))
          .as(e.path())
          .isEqualTo(Json.mapper().writeValueAsString(catalog.records(e)));
    }
  }

  @Test
  void everyEndpointHasRowsAndReferencesResolve() {
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      assertThat(catalog.size(e)).as(e.path()).isPositive();
    }
    assertThat(catalog.games()).hasSize(5_000);
    assertThat(catalog.size(IgdbEndpoint.GENRES)).isEqualTo(23);
    assertThat(catalog.size(IgdbEndpoint.GAME_TYPES)).isEqualTo(15);
    for (IgdbGame g : catalog.games()) {
      check(g.genres(), IgdbEndpoint.GENRES);
      check(g.themes(), IgdbEndpoint.THEMES);
      check(g.keywords(), IgdbEndpoint.KEYWORDS);
      check(g.platforms(), IgdbEndpoint.PLATFORMS);
      check(g.gameModes(), IgdbEndpoint.GAME_MODES);
      check(g.playerPerspectives(), IgdbEndpoint.PLAYER_PERSPECTIVES);
      check(g.involvedCompanies(), IgdbEndpoint.INVOLVED_COMPANIES);
      check(g.franchises(), IgdbEndpoint.FRANCHISES);
      check(g.collections(), IgdbEndpoint.COLLECTIONS);
      check(g.gameEngines(), IgdbEndpoint.GAME_ENGINES);
      check(g.similarGames(), IgdbEndpoint.GAMES);
      assertThat(catalog.get(IgdbEndpoint.GAME_TYPES, g.gameType())).isPresent();
      if (g.cover() != null) {
        assertThat(catalog.get(IgdbEndpoint.COVERS, g.cover())).isPresent();
      }
      assertThat(g.checksum()).matches("[0-9a-f-]{36}");
      assertThat(g.updatedAt()).isGreaterThanOrEqualTo(g.createdAt());
    }
    for (IgdbRecord r : catalog.records(IgdbEndpoint.INVOLVED_COMPANIES)) {
      IgdbInvolvedCompany ic = (IgdbInvolvedCompany) r;
      assertThat(catalog.get(IgdbEndpoint.COMPANIES, ic.company())).isPresent();
      assertThat(catalog.game(ic.game()).orElseThrow().involvedCompanies()).contains(ic.id());
    }
  }

  private void check(List<Long> ids, IgdbEndpoint e) {
    if (ids == null) {
      return;
    }
    assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
    for (Long id : ids) {
      assertThat(catalog.get(e, id)).as(e.path() + " " + id).isPresent();
    }
  }

  @Test
  void distributionsFollowTheFittedShares() {
    List<IgdbGame> games = catalog.games();
    double main = share(games, g -> g.gameType() == 0);
    assertThat(main).isBetween(0.78, 0.90);
    assertThat(share(games, g -> g.summary() != null)).isBetween(0.5, 0.7);
    assertThat(share(games, g -> g.aggregatedRating() != null)).isBetween(0.02, 0.08);
    assertThat(share(games, g -> g.genres() != null)).isBetween(0.45, 0.65);
    assertThat(share(games, g -> g.similarGames() != null)).isBetween(0.5, 0.7);
    // ids have gaps and are unique
    long max = catalog.maxId(IgdbEndpoint.GAMES);
    assertThat(max).isGreaterThan(5_000);
    assertThat(games.stream().map(IgdbGame::slug).collect(Collectors.toSet())).hasSize(5_000);
    // real reference names are used
    assertThat(
            catalog.records(IgdbEndpoint.GENRES).stream().map(r -> ((IgdbNamed) r).name()).toList())
        .contains("Shooter", "Role-playing (RPG)");
  }

  private static double share(List<IgdbGame> games, java.util.function.Predicate<IgdbGame> p) {
    return games.stream().filter(p).count() / (double) games.size();
  }

  @Test
  void similarGamesComeMostlyFromTheHiddenFamilyAndCluster() {
    GroundTruth truth = catalog.groundTruth().orElseThrow();
    int pairs = 0;
    int related = 0;
    for (IgdbGame g : catalog.games()) {
      if (g.similarGames() == null) {
        continue;
      }
      for (Long s : g.similarGames()) {
        pairs++;
        if (truth.sameFamily(g.id(), s) || truth.sameCluster(g.id(), s)) {
          related++;
        }
      }
    }
    assertThat(pairs).isGreaterThan(1_000);
    assertThat(related).isEqualTo(pairs);
    // family members share a developer or franchise/collection more often than random pairs
    IgdbGame withFamily =
        catalog.games().stream()
            .filter(g -> truth.familyMembers(g.id()).size() >= 3 && g.genres() != null)
            .findFirst()
            .orElseThrow();
    assertThat(truth.familyOf(withFamily.id())).isPresent();
    assertThat(truth.familyMembers(withFamily.id())).doesNotContain(withFamily.id());
  }

  @Test
  void checksumChangesWithContentNotWithUpdatedAt() {
    IgdbGame g = catalog.games().get(10);
    assertThat(Checksums.compute(g.withUpdatedAt(1L))).isEqualTo(Checksums.compute(g));
    IgdbGame changed =
        catalog.gameFactory().orElseThrow().update(g, 1_800_000_000L, new SplittableRandom(1));
    assertThat(changed.checksum()).isNotEqualTo(g.checksum());
    assertThat(changed.updatedAt()).isEqualTo(1_800_000_000L);
    assertThat(changed.id()).isEqualTo(g.id());
  }

  @Test
  void liveNewGamesGetFreshIdsAndJoinAFamily() {
    Catalog c = SyntheticCatalog.generate(500, 3);
    GameFactory factory = c.gameFactory().orElseThrow();
    Set<Long> ids = new HashSet<>();
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < 50; i++) {
      long before = c.maxId(IgdbEndpoint.GAMES);
      GameFactory.NewGame ng = factory.newGame(c, 1_800_000_000L, rng);
      assertThat(ng.game().id()).isGreaterThan(before);
      ng.involvedCompanies().forEach(ic -> c.put(IgdbEndpoint.INVOLVED_COMPANIES, ic));
      if (ng.cover() != null) {
        c.put(IgdbEndpoint.COVERS, ng.cover());
      }
      assertThat(c.put(IgdbEndpoint.GAMES, ng.game()).kind()).isEqualTo(CatalogChange.Kind.CREATED);
      ids.add(ng.game().id());
      assertThat(c.groundTruth().orElseThrow().familyOf(ng.game().id())).isPresent();
    }
    assertThat(ids).hasSize(50);
    assertThat(c.size(IgdbEndpoint.GAMES)).isEqualTo(550);
  }
}
