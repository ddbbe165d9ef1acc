package io.gamedata.bench;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic catalogue of enriched games for the recommender benchmarks, until the
 * simulator's {@code SyntheticCatalog} is on main. Games belong to latent niches (genres, themes,
 * keyword and summary-word pools); fields are as sparse as IGDB's (keywords, companies, summaries
 * missing for many games); platform:PC, single-player and the big genres are in huge posting lists;
 * some games are DLC, bundles or editions; {@code similar_games} lists up to 10 popular games of
 * the same niche for a third of the games.
 */
public final class SyntheticGames {

  private static final String[] GENRES = {
    "Adventure",
    "Indie",
    "Role-playing (RPG)",
    "Shooter",
    "Platform",
    "Puzzle",
    "Strategy",
    "Simulator",
    "Arcade",
    "Sport",
    "Racing",
    "Fighting",
    "Real Time Strategy (RTS)",
    "Turn-based strategy (TBS)",
    "Hack and slash/Beat 'em up",
    "Visual Novel",
    "Tactical",
    "Music",
    "Point-and-click",
    "Card & Board Game",
    "Quiz/Trivia",
    "Pinball",
    "MOBA"
  };
  private static final String[] THEMES = {
    "Action",
    "Fantasy",
    "Science fiction",
    "Horror",
    "Thriller",
    "Survival",
    "Historical",
    "Stealth",
    "Comedy",
    "Business",
    "Drama",
    "Non-fiction",
    "Sandbox",
    "Educational",
    "Kids",
    "Open world",
    "Warfare",
    "Party",
    "4X",
    "Erotic",
    "Mystery",
    "Romance"
  };
  private static final String[] MODES = {
    "Single player", "Multiplayer", "Co-operative", "Split screen", "MMO", "Battle Royale"
  };
  private static final String[] PERSPECTIVES = {
    "Third person",
    "First person",
    "Bird view / Isometric",
    "Side view",
    "Text",
    "Auditory",
    "Virtual Reality"
  };

  private SyntheticGames() {}

  /** {@code n} games with ids 1..n. */
  public static List<EnrichedGame> generate(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int niches = Math.max(10, n / 120);
    Niche[] ns = new Niche[niches];
    for (int i = 0; i < niches; i++) {
      ns[i] = new Niche(r.split(), i);
    }
    int[] nicheOf = new int[n + 1];
    double[] pop = new double[n + 1];
    List<EnrichedGame> out = new ArrayList<>(n);
    for (int id = 1; id <= n; id++) {
      int niche = zipf(r, niches, 0.7);
      nicheOf[id] = niche;
      pop[id] = Math.pow(r.nextDouble(), 4) * 1000;
      out.add(game(r, id, ns[niche], (int) pop[id], null));
    }
    // ground truth: popular games of the same niche
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < niches; i++) {
      members.add(new ArrayList<>());
    }
    for (int id = 1; id <= n; id++) {
      members.get(nicheOf[id]).add(id);
    }
    for (List<Integer> m : members) {
      m.sort((a, b) -> Double.compare(pop[b], pop[a]));
    }
    for (int id = 1; id <= n; id++) {
      if (r.nextInt(3) != 0) {
        continue;
      }
      List<Integer> m = members.get(nicheOf[id]);
      List<Long> sim = new ArrayList<>();
      int top = Math.min(m.size(), 30);
      for (int tries = 0; tries < 40 && sim.size() < 10 && top > 1; tries++) {
        int other = m.get(r.nextInt(top));
        if (other != id && !sim.contains((long) other)) {
          sim.add((long) other);
        }
      }
      out.set(id - 1, out.get(id - 1).toBuilder().similarGames(sim).build());
    }
    return out;
  }

  /** A changed version of a game: a few keywords, genres or summary words differ. */
  public static EnrichedGame mutate(EnrichedGame g, Random r) {
    List<String> kw = new ArrayList<>(g.keywords());
    if (!kw.isEmpty() && r.nextBoolean()) {
      kw.remove(r.nextInt(kw.size()));
    }
    kw.add("kw" + (int) (Math.pow(r.nextDouble(), 2) * 20000));
    List<String> genres = new ArrayList<>(g.genres());
    if (r.nextInt(4) == 0) {
      genres.add(GENRES[r.nextInt(GENRES.length)]);
    }
    return g.toBuilder()
        .keywords(List.copyOf(new LinkedHashSet<>(kw)))
        .genres(List.copyOf(new LinkedHashSet<>(genres)))
        .build();
  }

  /** A brand-new game like the generated ones. */
  public static EnrichedGame fresh(long id, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    return game(r, id, new Niche(r.split(), (int) (id % 1000)), r.nextInt(100), null);
  }

  private static final class Niche {
    final int[] genres;
    final int[] themes;
    final int perspective;
    final int[] keywords;
    final int[] words;
    final int[] companies;
    final int franchiseBase;

    Niche(SplittableRandom r, int i) {
      genres = new int[] {zipf(r, GENRES.length, 1.0), zipf(r, GENRES.length, 1.0)};
      themes = new int[] {zipf(r, THEMES.length, 1.0), zipf(r, THEMES.length, 1.0)};
      perspective = zipf(r, PERSPECTIVES.length, 1.2);
      keywords = new int[20];
      for (int k = 0; k < keywords.length; k++) {
        keywords[k] = zipf(r, 20000, 0.8);
      }
      words = new int[40];
      for (int k = 0; k < words.length; k++) {
        words[k] = 300 + zipf(r, 30000, 0.6);
      }
      companies = new int[6];
      for (int k = 0; k < companies.length; k++) {
        companies[k] = zipf(r, 60000, 0.9);
      }
      franchiseBase = i * 3;
    }
  }

  private static EnrichedGame game(
      SplittableRandom r, long id, Niche n, int popularity, Long parent) {
    var genres = new LinkedHashSet<String>();
    genres.add(GENRES[n.genres[0]]);
    if (r.nextInt(2) == 0) {
      genres.add(GENRES[n.genres[1]]);
    }
    if (r.nextInt(5) == 0) {
      genres.add(GENRES[zipf(r, GENRES.length, 1.0)]);
    }
    var themes = new LinkedHashSet<String>();
    if (r.nextInt(3) > 0) {
      themes.add(THEMES[n.themes[0]]);
      if (r.nextInt(2) == 0) {
        themes.add(THEMES[n.themes[1]]);
      }
    }
    var modes = new LinkedHashSet<String>();
    if (r.nextInt(10) < 8) {
      modes.add(MODES[0]);
    }
    if (r.nextInt(10) < 3) {
      modes.add(MODES[1 + zipf(r, MODES.length - 1, 1.0)]);
    }
    var persp = new LinkedHashSet<String>();
    if (r.nextInt(10) < 6) {
      persp.add(PERSPECTIVES[n.perspective]);
    }
    var platforms = new LinkedHashSet<String>();
    if (r.nextInt(10) < 6) {
      platforms.add("PC (Microsoft Windows)");
    }
    int np = 1 + zipf(r, 4, 1.0);
    for (int i = 0; i < np; i++) {
      platforms.add("Platform " + zipf(r, 80, 1.1));
    }
    var kw = new LinkedHashSet<String>();
    if (r.nextInt(10) < 5) {
      int nk = 1 + r.nextInt(12);
      for (int i = 0; i < nk; i++) {
        kw.add(
            "kw"
                + (r.nextInt(10) < 7
                    ? n.keywords[r.nextInt(n.keywords.length)]
                    : zipf(r, 20000, 0.8)));
      }
    }
    List<String> devs = List.of();
    List<String> pubs = List.of();
    if (r.nextInt(10) < 5) {
      devs = List.of("Company " + n.companies[r.nextInt(n.companies.length)]);
    }
    if (r.nextInt(10) < 4) {
      pubs = List.of("Company " + zipf(r, 60000, 0.9));
    }
    List<String> franchises =
        r.nextInt(100) < 8 ? List.of("Franchise " + (n.franchiseBase + r.nextInt(3))) : List.of();
    List<String> collections =
        r.nextInt(100) < 15 ? List.of("Collection " + (n.franchiseBase + r.nextInt(3))) : List.of();
    List<String> engines = r.nextInt(100) < 15 ? List.of("Engine " + zipf(r, 800, 1.0)) : List.of();
    String summary = null;
    if (r.nextInt(10) < 6) {
      int words = 20 + r.nextInt(40);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < words; i++) {
        int roll = r.nextInt(10);
        int w;
        if (roll < 5) {
          w = n.words[r.nextInt(n.words.length)];
        } else if (roll < 8) {
          w = zipf(r, 300, 1.0);
        } else {
          w = 300 + zipf(r, 30000, 0.6);
        }
        s.append(word(w)).append(' ');
      }
      summary = s.toString();
    }
    long type = 0;
    Long parentGame = parent;
    Long versionParent = null;
    int t = r.nextInt(100);
    if (t < 5 && id > 10) {
      type = 1;
      parentGame = 1 + (long) r.nextInt((int) Math.min(Integer.MAX_VALUE, id - 1));
    } else if (t < 8) {
      type = 3;
    } else if (t < 10 && id > 10) {
      versionParent = 1 + (long) r.nextInt((int) Math.min(Integer.MAX_VALUE, id - 1));
    } else if (t < 14) {
      type = 8 + r.nextInt(4);
    }
    return EnrichedGame.builder(id)
        .name("Game " + word((int) id) + " " + id)
        .summary(summary)
        .releaseYear(1980 + r.nextInt(46))
        .gameTypeId(type)
        .gameType(io.gamedata.recommender.catalog.IgdbDumpReader.GAME_TYPES.get(type))
        .parentGameId(parentGame)
        .versionParentId(versionParent)
        .genres(List.copyOf(genres))
        .themes(List.copyOf(themes))
        .gameModes(List.copyOf(modes))
        .playerPerspectives(List.copyOf(persp))
        .platforms(List.copyOf(platforms))
        .keywords(List.copyOf(kw))
        .developers(devs)
        .publishers(pubs)
        .franchises(franchises)
        .collections(collections)
        .gameEngines(engines)
        .totalRatingCount(popularity)
        .build();
  }

  /** A pronounceable word for an integer. */
  static String word(int i) {
    String[] syl = {"ka", "lo", "mi", "ra", "ten", "zu", "vor", "shi", "an", "el", "dor", "qua"};
    StringBuilder s = new StringBuilder();
    int v = i + 12;
    while (v > 0) {
      s.append(syl[v % syl.length]);
      v /= syl.length;
    }
    return s.toString();
  }

  /** Zipf-like index in [0, n): small indexes are frequent. */
  static int zipf(SplittableRandom r, int n, double s) {
    double u = r.nextDouble();
    int v = (int) (n * Math.pow(u, 1.0 + 2.0 * s));
    return Math.min(n - 1, v);
  }
}
