package io.gamedata.recommender.engine;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/** Small random catalogues with a narrow vocabulary, so that games overlap a lot. */
final class RandomGames {

  private static final String[] WORDS = {
    "dungeon", "dragon", "space", "pirate", "zombie", "racing", "castle", "robot", "magic",
    "sword", "galaxy", "island", "ninja", "detective", "farm", "city", "war", "puzzle"
  };

  private final Random random;

  RandomGames(long seed) {
    random = new Random(seed);
  }

  EnrichedGame game(long id) {
    var b =
        EnrichedGame.builder(id)
            .name("Game " + id)
            .genres(pick("G", 6, 2))
            .themes(pick("T", 5, 2))
            .gameModes(pick("M", 3, 1))
            .platforms(pick("P", 4, 2))
            .keywords(pick("K", 30, 4))
            .developers(pick("D", 12, 1))
            .publishers(pick("U", 8, 1))
            .franchises(random.nextInt(4) == 0 ? pick("F", 5, 1) : List.of())
            .collections(random.nextInt(4) == 0 ? pick("C", 6, 1) : List.of())
            .releaseYear(1990 + random.nextInt(30))
            .gameTypeId(0L)
            .gameType("Main Game");
    if (random.nextInt(10) == 0) {
      b.gameTypeId(1L).gameType("DLC").parentGameId(1L);
    }
    if (random.nextInt(3) > 0) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        s.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      b.summary(s + "the and of");
    }
    if (random.nextInt(15) == 0) {
      // a sparse record
      b.keywords(List.of()).developers(List.of()).publishers(List.of()).themes(List.of());
    }
    return b.build();
  }

  private List<String> pick(String prefix, int range, int max) {
    int n = random.nextInt(max + 1);
    var out = new LinkedHashSet<String>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + random.nextInt(range));
    }
    return new ArrayList<>(out);
  }

  Random random() {
    return random;
  }
}
