package io.gamedata.recommender.browse;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.ScoredGame;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The order a player expects among games of equal score (the engine's own tie-break is the lower
 * id, which means nothing to a player): more ratings first (how well known a game is), then the
 * higher rating, then the newer release, then the lower id. Scores are exact (the engine's are
 * quantised integers), so "equal" is exact equality.
 */
public final class PlayerOrder {

  private PlayerOrder() {}

  /** How many players rated the game (IGDB's total count, else the users' count; 0 unknown). */
  static int ratings(EnrichedGame g) {
    Integer n = g.totalRatingCount() != null ? g.totalRatingCount() : g.ratingCount();
    return n == null ? 0 : n;
  }

  /** The rating 0..100 (IGDB's total rating, else the users'); -1 unknown. */
  static double rating(EnrichedGame g) {
    Double r = g.totalRating() != null ? g.totalRating() : g.rating();
    return r == null ? -1 : r;
  }

  /** The first release (the year's start when only the year is known); the epoch's start else. */
  static Instant released(EnrichedGame g) {
    if (g.firstReleaseDate() != null) {
      return g.firstReleaseDate();
    }
    return g.releaseYear() == null
        ? Instant.MIN
        : LocalDate.of(g.releaseYear(), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The order among games of equal score. */
  public static Comparator<EnrichedGame> tieBreak() {
    return Comparator.comparingInt(PlayerOrder::ratings)
        .thenComparingDouble(PlayerOrder::rating)
        .thenComparing(PlayerOrder::released)
        .reversed()
        .thenComparingLong(EnrichedGame::id);
  }

  /**
   * {@code results} (best first) with each run of equal scores in the player's order; games whose
   * document is gone meanwhile keep their place behind the others of their score.
   */
  public static List<ScoredGame> apply(
      List<ScoredGame> results, LongFunction<Optional<EnrichedGame>> documents) {
    List<ScoredGame> out = new ArrayList<>(results.size());
    Comparator<EnrichedGame> ties = tieBreak();
    int i = 0;
    while (i < results.size()) {
      int j = i + 1;
      while (j < results.size() && results.get(j).score() == results.get(i).score()) {
        j++;
      }
      List<ScoredGame> run = new ArrayList<>(results.subList(i, j));
      if (run.size() > 1) {
        run.sort(
            (a, b) -> {
              Optional<EnrichedGame> da = documents.apply(a.id());
              Optional<EnrichedGame> db = documents.apply(b.id());
              if (da.isEmpty() || db.isEmpty()) {
                return Boolean.compare(da.isEmpty(), db.isEmpty());
              }
              return ties.compare(da.get(), db.get());
            });
      }
      out.addAll(run);
      i = j;
    }
    return out;
  }
}
