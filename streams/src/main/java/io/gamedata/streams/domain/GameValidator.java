package io.gamedata.streams.domain;

import io.gamedata.contracts.igdb.IgdbGame;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Validation rules of a raw game: the key matches the id, required fields are present, numbers are
 * in range, reference ids are valid. A violation names the first rule broken.
 */
public final class GameValidator {

  /** Release years the enriched document accepts (its JSON Schema bounds). */
  public static final int MIN_YEAR = 1940;

  public static final int MAX_YEAR = 2100;

  private GameValidator() {}

  /** The first violation, or empty when the record is valid. */
  public static Optional<String> violation(Long key, IgdbGame game) {
    if (key == null) {
      return Optional.of("missing key");
    }
    if (game.id() < 1) {
      return Optional.of("id must be >= 1, was " + game.id());
    }
    if (key != game.id()) {
      return Optional.of("key " + key + " does not match id " + game.id());
    }
    if (game.name() == null || game.name().isBlank()) {
      return Optional.of("missing required field: name");
    }
    String bad =
        firstNonNull(
            timestamp("created_at", game.createdAt()),
            timestamp("updated_at", game.updatedAt()),
            releaseDate(game.firstReleaseDate()),
            rating("rating", game.rating()),
            rating("aggregated_rating", game.aggregatedRating()),
            rating("total_rating", game.totalRating()),
            count("rating_count", game.ratingCount()),
            count("aggregated_rating_count", game.aggregatedRatingCount()),
            count("total_rating_count", game.totalRatingCount()),
            count("hypes", game.hypes()),
            id("cover", game.cover()),
            id("game_type", game.gameType()),
            id("game_status", game.gameStatus()),
            id("parent_game", game.parentGame()),
            id("version_parent", game.versionParent()),
            id("franchise", game.franchise()),
            id("collection", game.collection()),
            ids("genres", game.genres()),
            ids("themes", game.themes()),
            ids("keywords", game.keywords()),
            ids("game_modes", game.gameModes()),
            ids("player_perspectives", game.playerPerspectives()),
            ids("platforms", game.platforms()),
            ids("involved_companies", game.involvedCompanies()),
            ids("franchises", game.franchises()),
            ids("collections", game.collections()),
            ids("game_engines", game.gameEngines()),
            ids("similar_games", game.similarGames()),
            game.category() != null && game.category() < 0
                ? "category must be >= 0, was " + game.category()
                : null,
            game.status() != null && game.status() < 0
                ? "status must be >= 0, was " + game.status()
                : null);
    return Optional.ofNullable(bad);
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String timestamp(String field, Long seconds) {
    return seconds != null && seconds < 0 ? field + " must be >= 0, was " + seconds : null;
  }

  private static String releaseDate(Long seconds) {
    if (seconds == null) {
      return null;
    }
    int year = Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC).getYear();
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return "first_release_date out of range (year " + year + ")";
    }
    return null;
  }

  private static String rating(String field, Double value) {
    if (value == null) {
      return null;
    }
    if (value.isNaN() || value < 0 || value > 100) {
      return field + " must be within 0..100, was " + value;
    }
    return null;
  }

  private static String count(String field, Integer value) {
    return value != null && value < 0 ? field + " must be >= 0, was " + value : null;
  }

  private static String id(String field, Long value) {
    return value != null && value < 0 ? field + " must be >= 0, was " + value : null;
  }

  private static String ids(String field, List<Long> values) {
    if (values == null) {
      return null;
    }
    for (Long v : values) {
      if (v == null) {
        return field + " contains null";
      }
      if (v < 0) {
        return field + " contains a negative id " + v;
      }
    }
    return null;
  }
}
