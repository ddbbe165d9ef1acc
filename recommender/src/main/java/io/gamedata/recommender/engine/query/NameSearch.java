package io.gamedata.recommender.engine.query;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.index.Index;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Case-insensitive name prefix search over the index's name keys, by name then id. */
public final class NameSearch {

  private NameSearch() {}

  public static List<EnrichedGame> run(Index ix, String prefix, int limit) {
    String p = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT);
    List<EnrichedGame> out = new ArrayList<>();
    for (Long id : ix.names.subMap(p, p + Character.MAX_VALUE).values()) {
      if (out.size() >= limit) {
        break;
      }
      out.add(ix.docs[ix.slotOf.get(id)]);
    }
    return out;
  }
}
