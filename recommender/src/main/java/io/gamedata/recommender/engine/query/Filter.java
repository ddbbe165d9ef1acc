package io.gamedata.recommender.engine.query;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.GameKind;
import io.gamedata.recommender.engine.Query;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies a {@link Query} to results in rank order (stateful: counts per franchise). */
final class Filter {

  private final Query q;
  private final Set<String> queryFranchises = new HashSet<>();
  private final Set<String> queryCollections = new HashSet<>();
  private final Map<String, Integer> perFranchise = new HashMap<>();

  Filter(Query q, List<EnrichedGame> queryGames) {
    this.q = q;
    for (EnrichedGame g : queryGames) {
      queryFranchises.addAll(g.franchises());
      queryCollections.addAll(g.collections());
    }
  }

  /** True when the game passes; counts it against the franchise cap when it does. */
  boolean accept(EnrichedGame g) {
    if (!q.includeVariants() && GameKind.isVariant(g)) {
      return false;
    }
    if (!q.platforms().isEmpty() && g.platforms().stream().noneMatch(q.platforms()::contains)) {
      return false;
    }
    if (q.minYear() != null && (g.releaseYear() == null || g.releaseYear() < q.minYear())) {
      return false;
    }
    if (q.maxYear() != null && (g.releaseYear() == null || g.releaseYear() > q.maxYear())) {
      return false;
    }
    if (!q.gameTypes().isEmpty()
        && (g.gameType() == null || !q.gameTypes().contains(g.gameType()))) {
      return false;
    }
    if (q.excludeSameFranchise() && g.franchises().stream().anyMatch(queryFranchises::contains)) {
      return false;
    }
    if (q.excludeSameCollection()
        && g.collections().stream().anyMatch(queryCollections::contains)) {
      return false;
    }
    if (q.maxPerFranchise() > 0 && !g.franchises().isEmpty()) {
      for (String f : g.franchises()) {
        if (perFranchise.getOrDefault(f, 0) >= q.maxPerFranchise()) {
          return false;
        }
      }
      for (String f : g.franchises()) {
        perFranchise.merge(f, 1, Integer::sum);
      }
    }
    return true;
  }
}
