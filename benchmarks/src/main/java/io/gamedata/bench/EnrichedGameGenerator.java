package io.gamedata.bench;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small deterministic generator of enriched documents for benchmarks: realistic field fill rates
 * and list sizes, the same documents for the same (id, seed).
 */
public final class EnrichedGameGenerator {

  private static final String[] GENRES = {
    "Adventure",
    "Role-playing (RPG)",
    "Shooter",
    "Platform",
    "Puzzle",
    "Strategy",
    "Indie",
    "Simulator",
    "Sport",
    "Racing",
    "Fighting",
    "Arcade"
  };
  private static final String[] PLATFORMS = {
    "PC (Microsoft Windows)",
    "PlayStation 5",
    "Xbox Series X|S",
    "Nintendo Switch",
    "Mac",
    "Linux",
    "Android",
    "iOS"
  };
  private static final String[] THEMES = {
    "Action", "Fantasy", "Science fiction", "Horror", "Comedy"
  };

  private EnrichedGameGenerator() {}

  public static EnrichedGame game(long id, long seed) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + id);
    Instant created = Instant.ofEpochSecond(1_300_000_000L + r.nextLong(400_000_000L));
    boolean rated = r.nextInt(3) > 0;
    return EnrichedGame.builder(id)
        .name("Game " + id)
        .slug("game-" + id)
        .summary(
            r.nextBoolean() ? "A generated game number " + id + " with a short summary." : null)
        .url("https://www.igdb.com/games/game-" + id)
        .firstReleaseDate(r.nextInt(4) > 0 ? created.plusSeconds(r.nextInt(90_000_000)) : null)
        .releaseYear(2011 + r.nextInt(15))
        .createdAt(created)
        .updatedAt(created.plusSeconds(r.nextInt(50_000_000)))
        .rating(rated ? 10 + r.nextDouble() * 90 : null)
        .ratingCount(rated ? r.nextInt(2_000) : null)
        .totalRating(rated ? 10 + r.nextDouble() * 90 : null)
        .totalRatingCount(rated ? r.nextInt(2_000) : null)
        .hypes(r.nextInt(5) == 0 ? r.nextInt(100) : null)
        .gameTypeId(0L)
        .gameType("Main Game")
        .gameStatusId(r.nextBoolean() ? 0L : null)
        .gameStatus(r.nextBoolean() ? "Released" : null)
        .genres(pick(r, GENRES, 3))
        .themes(pick(r, THEMES, 2))
        .gameModes(List.of("Single player"))
        .platforms(pick(r, PLATFORMS, 4))
        .keywords(words(r, "keyword", 6))
        .developers(words(r, "Developer", 2))
        .publishers(words(r, "Publisher", 2))
        .coverImageId("co" + Long.toString(id, 36))
        .coverUrl(
            "https://images.igdb.com/igdb/image/upload/t_cover_big/co"
                + Long.toString(id, 36)
                + ".jpg")
        .similarGames(List.of(id + 1, id + 7, id + 13))
        .sourceChecksum(Long.toHexString(r.nextLong()))
        .contentHash(Long.toHexString(r.nextLong()))
        .build();
  }

  private static List<String> pick(SplittableRandom r, String[] from, int max) {
    int n = r.nextInt(max + 1);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String s = from[r.nextInt(from.length)];
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<String> words(SplittableRandom r, String prefix, int max) {
    int n = r.nextInt(max + 1);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(prefix + " " + r.nextInt(5_000));
    }
    return out;
  }
}
