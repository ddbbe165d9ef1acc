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
    // checked in a fixed order, the first violation wins; runs of one kind in loops (every check
    // written out made this one of the largest methods the JIT compiled in a streams run)
    String bad = timestamp("created_at", game.createdAt());
    if (bad == null) {
      bad = timestamp("updated_at", game.updatedAt());
    }
    if (bad == null) {
      bad = releaseDate(game.firstReleaseDate());
    }
    if (bad != null) {
      return Optional.of(bad);
    }
    Double[] ratings = {game.rating(), game.aggregatedRating(), game.totalRating()};
    for (int i = 0; i < ratings.length; i++) {
      bad = rating(RATING_FIELDS[i], ratings[i]);
      if (bad != null) {
        return Optional.of(bad);
      }
    }
    Integer[] counts = {
      game.ratingCount(), game.aggregatedRatingCount(), game.totalRatingCount(), game.hypes()
    };
    for (int i = 0; i < counts.length; i++) {
      bad = count(COUNT_FIELDS[i], counts[i]);
      if (bad != null) {
        return Optional.of(bad);
      }
    }
    Long[] links = {
      game.cover(),
      game.gameType(),
      game.gameStatus(),
      game.parentGame(),
      game.versionParent(),
      game.franchise(),
      game.collection()
    };
    for (int i = 0; i < links.length; i++) {
      bad = id(LINK_FIELDS[i], links[i]);
      if (bad != null) {
        return Optional.of(bad);
      }
    }
    List<?>[] lists = {
      game.genres(),
      game.themes(),
      game.keywords(),
      game.gameModes(),
      game.playerPerspectives(),
      game.platforms(),
      game.involvedCompanies(),
      game.franchises(),
      game.collections(),
      game.gameEngines(),
      game.similarGames()
    };
    for (int i = 0; i < lists.length; i++) {
      bad = ids(LIST_FIELDS[i], lists[i]);
      if (bad != null) {
        return Optional.of(bad);
      }
    }
    if (game.category() != null && game.category() < 0) {
      return Optional.of("category must be >= 0, was " + game.category());
    }
    if (game.status() != null && game.status() < 0) {
      return Optional.of("status must be >= 0, was " + game.status());
    }
    return Optional.empty();
  }

  private static final long FIRST_VALID_SECOND =
      java.time.LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  private static final long END_VALID_SECOND =
      java.time.LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

  private static final String[] RATING_FIELDS = {"rating", "aggregated_rating", "total_rating"};

  private static final String[] COUNT_FIELDS = {
    "rating_count", "aggregated_rating_count", "total_rating_count", "hypes"
  };

  private static final String[] LINK_FIELDS = {
    "cover", "game_type", "game_status", "parent_game", "version_parent", "franchise", "collection"
  };

  private static final String[] LIST_FIELDS = {
    "genres",
    "themes",
    "keywords",
    "game_modes",
    "player_perspectives",
    "platforms",
    "involved_companies",
    "franchises",
    "collections",
    "game_engines",
    "similar_games"
  };

  private static String timestamp(String field, Long seconds) {
    return seconds != null && seconds < 0 ? field + " must be >= 0, was " + seconds : null;
  }

  private static String releaseDate(Long seconds) {
    if (seconds == null || (seconds >= FIRST_VALID_SECOND && seconds < END_VALID_SECOND)) {
      return null; // within MIN_YEAR..MAX_YEAR without building a date
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

  private static String ids(String field, List<?> values) {
    if (values == null) {
      return null;
    }
    for (Object o : values) {
      if (o == null) {
        return field + " contains null";
      }
      long v = (Long) o;
      if (v < 0) {
        return field + " contains a negative id " + v;
      }
    }
    return null;
  }
}
