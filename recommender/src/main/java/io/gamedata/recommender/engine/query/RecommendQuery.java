package io.gamedata.recommender.engine.query;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.Query;
import io.gamedata.recommender.engine.ScoredGame;
import io.gamedata.recommender.engine.index.Index;
import io.gamedata.recommender.engine.vector.Vectorizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recommendations for liked and disliked games: the sum of the liked vectors minus {@code
 * dislikeWeight} times the disliked ones, scored exactly against the whole index.
 */
public final class RecommendQuery {

  private RecommendQuery() {}

  public static List<ScoredGame> run(
      Index ix, Collection<Long> liked, Collection<Long> disliked, Query filters, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    Map<Integer, Double> q = new HashMap<>();
    Set<Integer> exclude = new HashSet<>();
    List<EnrichedGame> likedDocs = new ArrayList<>();
    for (long id : liked) {
      Integer s = ix.slotOf.get(id);
      if (s != null) {
        exclude.add(s);
        likedDocs.add(ix.docs[s]);
        addVector(ix, s, 1.0, q);
      }
    }
    for (long id : disliked) {
      Integer s = ix.slotOf.get(id);
      if (s != null) {
        exclude.add(s);
        addVector(ix, s, -ix.config.dislikeWeight(), q);
      }
    }
    if (likedDocs.isEmpty()) {
      return List.of();
    }
    Map<Integer, Double> acc = new HashMap<>();
    for (var e : q.entrySet()) {
      int t = e.getKey();
      double w = e.getValue();
      int[] ps = ix.postSlots[t];
      short[] pw = ix.postWeights[t];
      for (int j = 0; j < ix.postSize[t]; j++) {
        acc.merge(ps[j], w * pw[j], Double::sum);
      }
    }
    Filter f = new Filter(filters, likedDocs);
    List<Map.Entry<Integer, Double>> ranked = new ArrayList<>();
    for (var e : acc.entrySet()) {
      int y = e.getKey();
      if (e.getValue() > 0
          && !exclude.contains(y)
          && (filters.includeVariants() || !ix.variant[y])) {
        ranked.add(e);
      }
    }
    ranked.sort(
        (a, b) -> {
          int c = Double.compare(b.getValue(), a.getValue());
          return c != 0 ? c : Long.compare(ix.ids[a.getKey()], ix.ids[b.getKey()]);
        });
    double norm = 0;
    for (double w : q.values()) {
      norm += w * w;
    }
    norm = Math.sqrt(norm) * Vectorizer.SCALE;
    List<ScoredGame> out = new ArrayList<>();
    for (var e : ranked) {
      if (out.size() == limit) {
        break;
      }
      int y = e.getKey();
      if (!f.accept(ix.docs[y])) {
        continue;
      }
      List<long[]> contributions = new ArrayList<>();
      int[] ty = ix.vecTerms[y];
      short[] wy = ix.vecWeights[y];
      for (int i = 0; i < ty.length; i++) {
        Double w = q.get(ty[i]);
        if (w != null && w > 0) {
          contributions.add(new long[] {Math.round(w * wy[i]), ty[i]});
        }
      }
      out.add(
          new ScoredGame(
              ix.ids[y],
              ix.docs[y].name(),
              e.getValue() / norm,
              Explanations.topTerms(ix, contributions)));
    }
    return out;
  }

  private static void addVector(Index ix, int s, double factor, Map<Integer, Double> q) {
    int[] t = ix.vecTerms[s];
    short[] w = ix.vecWeights[s];
    for (int i = 0; i < t.length; i++) {
      q.merge(t[i], factor * w[i] / Vectorizer.SCALE, Double::sum);
    }
  }
}
