package io.gamedata.streams.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.streams.domain.Reference;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceLookupsTest {

  final Map<Long, String> global = new HashMap<>();
  final ReferenceLookups lookups = new ReferenceLookups(global::get, 100);
  final long genre = Reference.of(IgdbEndpoint.GENRES, 12).packed();

  @Test
  void aReferenceNotKnownYetIsLookedUpAgainNotRememberedAsAbsent() {
    assertThat(lookups.name(IgdbEndpoint.GENRES, 12)).isNull();
    global.put(genre, "RPG");
    assertThat(lookups.name(IgdbEndpoint.GENRES, 12)).isEqualTo("RPG");
    assertThat(lookups.known(genre)).isTrue();
  }

  @Test
  void anAnnouncedChangeWinsUntilTheGlobalStoreShowsIt() {
    global.put(genre, "RPG");
    assertThat(lookups.name(IgdbEndpoint.GENRES, 12)).isEqualTo("RPG"); // memoized
    lookups.announced(genre, "Role-playing");
    assertThat(lookups.name(IgdbEndpoint.GENRES, 12)).isEqualTo("Role-playing");
    assertThat(lookups.overlaid()).isEqualTo(1);
    global.put(genre, "Role-playing"); // the global thread caught up
    assertThat(lookups.name(IgdbEndpoint.GENRES, 12)).isEqualTo("Role-playing");
    assertThat(lookups.overlaid()).isZero();
    // a later change in the global store is seen once the memo forgot the old value
    lookups.announced(genre, null); // a delete
    assertThat(lookups.known(genre)).isFalse();
    global.remove(genre);
    assertThat(lookups.known(genre)).isFalse();
    assertThat(lookups.overlaid()).isZero();
  }

  @Test
  void pruneForgetsAnnouncementsTheGlobalStoreShows() {
    long company = Reference.of(IgdbEndpoint.COMPANIES, 9).packed();
    lookups.announced(genre, "Role-playing");
    lookups.announced(company, "Studio");
    global.put(company, "Studio");
    lookups.prune(10);
    assertThat(lookups.overlaid()).isEqualTo(1);
    assertThat(lookups.name(IgdbEndpoint.GENRES, 12)).isEqualTo("Role-playing");
  }
}
