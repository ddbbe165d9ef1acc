package io.gamedata.recommender.engine.query;

import io.gamedata.recommender.engine.index.Index;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Why two games are alike: the shared terms that contributed most to their score. */
final class Explanations {

  private Explanations() {}

  /** The shared terms of slots a and b with the largest contributions to the dot product. */
  static List<String> reasons(Index ix, int a, int b) {
    List<long[]> common = new ArrayList<>();
    ix.forSharedTerms(a, b, (term, product) -> common.add(new long[] {product, term}));
    return topTerms(ix, common);
  }

  /**
   * The names of the terms with the largest positive contributions ({@code {contribution, term id}}
   * pairs), at most {@code reasons} of the engine's settings, best first, ties by name.
   */
  static List<String> topTerms(Index ix, List<long[]> contributions) {
    contributions.sort(
        Comparator.<long[]>comparingLong(c -> -c[0])
            .thenComparing(c -> ix.termNames.get((int) c[1])));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < contributions.size() && out.size() < ix.config.reasons(); i++) {
      if (contributions.get(i)[0] > 0) {
        out.add(ix.termNames.get((int) contributions.get(i)[1]));
      }
    }
    return out;
  }
}
