package io.gamedata.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A document lists each name once, in the order of the game's ids, whatever the ids. */
class GameEnricherNamesTest {

  private static EnrichedGame enrich(String game, Map<Long, String> keywords) throws Exception {
    return enrich(game, keywords, Map.of(), Map.of());
  }

  private static EnrichedGame enrich(
      String game,
      Map<Long, String> names,
      Map<Long, InvolvedCompanyLink> involved,
      Map<Long, String> companies)
      throws Exception {
    IgdbGame g = Json.mapper().readValue(game, IgdbGame.class);
    ReferenceLookup refs =
        new ReferenceLookup() {
          @Override
          public String name(IgdbEndpoint endpoint, long id) {
            return endpoint == IgdbEndpoint.COMPANIES ? companies.get(id) : names.get(id);
          }

          @Override
          public InvolvedCompanyLink involvedCompany(long id) {
            return involved.get(id);
          }

          @Override
          public String coverImageId(long id) {
            return null;
          }
        };
    return GameEnricher.enrich(g, refs).document();
  }

  @Test
  void repeatsAreDroppedByValueAndHashTwinsAreKept() throws Exception {
    // 2 and 3 are equal names in distinct instances; "Aa" and "BB" share a hash code
    String two = new String("stealth".toCharArray());
    String three = new String("stealth".toCharArray());
    assertThat(two).isNotSameAs(three);
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    Map<Long, String> keywords =
        Map.of(1L, "open world", 2L, two, 3L, three, 4L, "Aa", 5L, "BB", 6L, "open world");
    EnrichedGame doc =
        enrich("{\"id\":1,\"name\":\"G\",\"keywords\":[1,2,3,1,4,5,6,4,7]}", keywords);
    assertThat(doc.keywords()).containsExactly("open world", "stealth", "Aa", "BB");
    assertThat(doc.missingReferences()).containsExactly("keywords:7");
  }

  @Test
  void noKnownNameGivesAnEmptyList() throws Exception {
    EnrichedGame doc = enrich("{\"id\":1,\"name\":\"G\",\"keywords\":[7,8]}", Map.of());
    assertThat(doc.keywords()).isEmpty();
    assertThat(doc.missingReferences()).containsExactly("keywords:7", "keywords:8");
  }

  @Test
  void developersAndPublishersKeepTheFirstOfEachCompanyNameInOrder() throws Exception {
    Map<Long, InvolvedCompanyLink> involved =
        Map.of(
            1L, new InvolvedCompanyLink(908, true, false),
            2L, new InvolvedCompanyLink(908, true, true),
            3L, new InvolvedCompanyLink(909, true, true),
            4L, new InvolvedCompanyLink(910, false, true),
            5L, new InvolvedCompanyLink(999, true, true));
    // 910 has the same name as 908 in another instance; 999 is not known yet
    Map<Long, String> companies =
        Map.of(908L, "CD Projekt", 909L, "GOG", 910L, new String("CD Projekt".toCharArray()));
    EnrichedGame doc =
        enrich(
            "{\"id\":1,\"name\":\"G\",\"involved_companies\":[1,2,3,4,5,6]}",
            Map.of(),
            involved,
            companies);
    assertThat(doc.developers()).containsExactly("CD Projekt", "GOG");
    assertThat(doc.publishers()).containsExactly("CD Projekt", "GOG");
    assertThat(doc.missingReferences()).containsExactly("companies:999", "involved_companies:6");
  }

  @Test
  void noInvolvedCompaniesGiveEmptyLists() throws Exception {
    EnrichedGame doc = enrich("{\"id\":1,\"name\":\"G\"}", Map.of());
    assertThat(doc.developers()).isEmpty();
    assertThat(doc.publishers()).isEmpty();
  }
}
