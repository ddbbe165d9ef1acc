package io.gamedata.simulator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogTest {

  @Test
  void pagesInIdOrderAndReportsChanges() {
    Catalog c = SyntheticCatalog.generate(300, 1);
    List<CatalogChange> changes = new ArrayList<>();
    c.addListener(changes::add);
    List<Long> seen = new ArrayList<>();
    long after = 0;
    while (true) {
      List<IgdbRecord> page = c.page(IgdbEndpoint.GAMES, after, 64);
      if (page.isEmpty()) {
        break;
      }
      page.forEach(r -> seen.add(r.id()));
      after = page.get(page.size() - 1).id();
    }
    assertThat(seen).hasSize(300).isSorted().doesNotHaveDuplicates();

    IgdbGame g = c.games().get(0);
    assertThat(c.put(IgdbEndpoint.GAMES, g.withUpdatedAt(g.updatedAt() + 5)).kind())
        .isEqualTo(CatalogChange.Kind.TOUCHED);
    assertThat(c.remove(IgdbEndpoint.GAMES, g.id())).isPresent();
    assertThat(c.remove(IgdbEndpoint.GAMES, g.id())).isEmpty();
    assertThat(c.game(g.id())).isEmpty();
    assertThat(changes)
        .extracting(CatalogChange::kind)
        .containsExactly(CatalogChange.Kind.TOUCHED, CatalogChange.Kind.DELETED);
  }

  @Test
  void rejectsTheWrongModelForAnEndpoint() {
    Catalog c = new Catalog();
    assertThatThrownBy(() -> c.put(IgdbEndpoint.GAMES, IgdbNamed.of(1, "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("games");
    Catalog of = Catalog.of(Map.of(IgdbEndpoint.GENRES, List.of(IgdbNamed.of(5, "Shooter"))));
    assertThat(of.records(IgdbEndpoint.GENRES)).hasSize(1);
    assertThat(of.games()).isEmpty();
    assertThat(of.groundTruth()).isEmpty();
  }
}
