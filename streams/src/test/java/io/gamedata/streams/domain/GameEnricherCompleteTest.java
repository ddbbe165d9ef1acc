package io.gamedata.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.Json;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link GameEnricher#complete} agrees with the missing references of {@link GameEnricher#enrich}.
 */
class GameEnricherCompleteTest {

  private static final String GAME =
      "{\"id\":42,\"name\":\"G\",\"cover\":142,\"game_type\":0,\"game_status\":0,"
          + "\"franchise\":1,\"genres\":[12,31],\"themes\":[1],\"keywords\":[100,101],"
          + "\"game_modes\":[1],\"player_perspectives\":[2],\"platforms\":[6,48],"
          + "\"involved_companies\":[1420,1421],\"franchises\":[2],\"collections\":[3],"
          + "\"game_engines\":[4]}";

  /** Every reference of {@link #GAME}, packed -> value. */
  private static Map<Long, String> all() {
    Map<Long, String> m = new HashMap<>();
    IgdbEndpoint[] named = {
      IgdbEndpoint.GAME_TYPES,
      IgdbEndpoint.GAME_STATUSES,
      IgdbEndpoint.FRANCHISES,
      IgdbEndpoint.FRANCHISES,
      IgdbEndpoint.GENRES,
      IgdbEndpoint.GENRES,
      IgdbEndpoint.THEMES,
      IgdbEndpoint.KEYWORDS,
      IgdbEndpoint.KEYWORDS,
      IgdbEndpoint.GAME_MODES,
      IgdbEndpoint.PLAYER_PERSPECTIVES,
      IgdbEndpoint.PLATFORMS,
      IgdbEndpoint.PLATFORMS,
      IgdbEndpoint.COLLECTIONS,
      IgdbEndpoint.GAME_ENGINES,
      IgdbEndpoint.COMPANIES,
      IgdbEndpoint.COMPANIES
    };
    long[] ids = {0, 0, 1, 2, 12, 31, 1, 100, 101, 1, 2, 6, 48, 3, 4, 908, 909};
    for (int i = 0; i < ids.length; i++) {
      m.put(Reference.of(named[i], ids[i]).packed(), named[i] + "-" + ids[i]);
    }
    m.put(Reference.of(IgdbEndpoint.COVERS, 142).packed(), "co42");
    m.put(Reference.of(IgdbEndpoint.INVOLVED_COMPANIES, 1420).packed(), "908");
    m.put(Reference.of(IgdbEndpoint.INVOLVED_COMPANIES, 1421).packed(), "909");
    return m;
  }

  private static ReferenceLookup lookup(Map<Long, String> m) {
    return new ReferenceLookup() {
      @Override
      public String name(IgdbEndpoint endpoint, long id) {
        return m.get(Reference.of(endpoint, id).packed());
      }

      @Override
      public InvolvedCompanyLink involvedCompany(long id) {
        String c = m.get(Reference.of(IgdbEndpoint.INVOLVED_COMPANIES, id).packed());
        return c == null ? null : new InvolvedCompanyLink(Long.parseLong(c), true, false);
      }

      @Override
      public String coverImageId(long id) {
        return m.get(Reference.of(IgdbEndpoint.COVERS, id).packed());
      }
    };
  }

  @Test
  void completeExactlyWhenEnrichmentMissesNothing() throws Exception {
    IgdbGame game = Json.mapper().readValue(GAME, IgdbGame.class);
    Map<Long, String> refs = all();
    assertThat(GameEnricher.enrich(game, lookup(refs)).document().missingReferences()).isEmpty();
    assertThat(GameEnricher.complete(game, lookup(refs))).isTrue();
    for (Long packed : refs.keySet()) {
      Map<Long, String> without = new HashMap<>(refs);
      without.remove(packed);
      boolean missing =
          !GameEnricher.enrich(game, lookup(without)).document().missingReferences().isEmpty();
      assertThat(missing).as("enrich misses %s", Reference.unpack(packed)).isTrue();
      assertThat(GameEnricher.complete(game, lookup(without)))
          .as("complete without %s", Reference.unpack(packed))
          .isFalse();
    }
  }
}
