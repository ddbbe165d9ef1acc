package io.gamedata.simulator.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The hidden structure of the synthetic catalogue: clusters (a genre, theme, platform, keyword and
 * company neighbourhood and an era) and, within them, families of games (a main game, its DLCs,
 * sequels, editions) that share traits; {@code similar_games} and the {@link GroundTruth} come from
 * them.
 */
final class Families {

  record Cluster(
      long[] genres,
      long[] themes,
      long[] platforms,
      long[] keywords,
      long[] companies,
      long[] franchises,
      int year) {}

  static final class Family {
    int id;
    int cluster;
    int size;
    Long franchise;
    Long collection;
    Long engine;
    long developer;
    long publisher;
    long[] genres;
    long[] themes;
    long[] modes;
    long[] perspectives;
    long[] platforms;
    long[] keywords;
    double richness;
    String stem;
    int year;
    volatile long firstMainGame;
  }

  private final Distributions dists;
  private final ReferenceTables refs;
  Cluster[] clusters;

  /** Every family, by id. */
  final List<Family> all = new ArrayList<>();

  /** The game ids of each cluster. */
  long[][] clusterGames;

  Families(Distributions dists, ReferenceTables refs) {
    this.dists = dists;
    this.refs = refs;
  }

  /** The number of games of a new family. */
  static int familySize(SplittableRandom rng) {
    if (rng.nextDouble() < Fitted.FAMILY_SINGLETON) {
      return 1;
    }
    return Math.min(Fitted.FAMILY_MAX, 2 + Sampling.geometric(rng, Fitted.FAMILY_GEOMETRIC_P));
  }

  /** Draws the clusters: about one per {@link Fitted#GAMES_PER_CLUSTER} games. */
  void buildClusters(int n, SplittableRandom rng) {
    int count = Math.max(1, n / Fitted.GAMES_PER_CLUSTER);
    clusters = new Cluster[count];
    for (int c = 0; c < count; c++) {
      long[] genres =
          pickDistinct(rng, 1 + dists.lenGenres.sample(rng), dists.genre, Fitted.GENRE_IDS);
      long[] themes =
          pickDistinct(rng, 1 + dists.lenThemes.sample(rng), dists.theme, Fitted.THEME_IDS);
      long[] platforms = pickDistinct(rng, 2 + rng.nextInt(6), refs.platformDist, refs.platformIds);
      long[] keywords = pickDistinct(rng, 40, refs.keywordDist, refs.keywordIds);
      long[] companies = pickDistinct(rng, 12, refs.companyDist, refs.companyIds);
      long[] franchises = new long[1 + rng.nextInt(3)];
      for (int k = 0; k < franchises.length; k++) {
        franchises[k] = refs.franchiseIds[rng.nextInt(refs.franchiseIds.length)];
      }
      int bucket = dists.year.sample(rng);
      int year = Math.min(2026, Fitted.FIRST_YEAR + 5 * bucket + rng.nextInt(5));
      clusters[c] = new Cluster(genres, themes, platforms, keywords, companies, franchises, year);
    }
  }

  /** A new family in cluster {@code clusterIndex}, its traits drawn from the cluster's. */
  Family newFamily(SplittableRandom rng, int clusterIndex) {
    Cluster c = clusters[clusterIndex];
    Family f = new Family();
    f.id = all.size();
    f.cluster = clusterIndex;
    f.richness = rng.nextDouble();
    f.year =
        Math.max(Fitted.FIRST_YEAR, Math.min(2026, c.year + (int) (Sampling.gaussian(rng) * 4)));
    f.genres = mutate(c.genres, rng, dists.genre, Fitted.GENRE_IDS);
    f.themes = mutate(c.themes, rng, dists.theme, Fitted.THEME_IDS);
    f.modes = pickDistinct(rng, 1 + dists.lenModes.sample(rng), dists.mode, Fitted.MODE_IDS);
    f.perspectives =
        pickDistinct(
            rng, 1 + dists.lenPerspectives.sample(rng), dists.perspective, Fitted.PERSPECTIVE_IDS);
    f.platforms = mutate(c.platforms, rng, refs.platformDist, refs.platformIds);
    int kw = 8 + rng.nextInt(20);
    long[] keywords = new long[kw];
    for (int k = 0; k < kw; k++) {
      keywords[k] =
          rng.nextDouble() < 0.6
              ? c.keywords[rng.nextInt(c.keywords.length)]
              : refs.keywordIds[refs.keywordDist.sample(rng)];
    }
    f.keywords = Arrays.stream(keywords).distinct().toArray();
    f.developer =
        rng.nextDouble() < 0.7
            ? c.companies[rng.nextInt(c.companies.length)]
            : refs.companyIds[refs.companyDist.sample(rng)];
    f.publisher =
        rng.nextDouble() < 0.5 ? f.developer : c.companies[rng.nextInt(c.companies.length)];
    if (rng.nextDouble() < Fitted.FAMILY_FRANCHISE) {
      f.franchise = c.franchises[rng.nextInt(c.franchises.length)];
    }
    if (rng.nextDouble() < Fitted.FAMILY_COLLECTION) {
      f.collection = refs.collectionIds[rng.nextInt(refs.collectionIds.length)];
    }
    if (rng.nextDouble() < Fitted.FAMILY_ENGINE) {
      f.engine = refs.engineIds[refs.engineDist.sample(rng)];
    }
    f.stem = Names.title(rng);
    all.add(f);
    return f;
  }

  private static long[] mutate(
      long[] base, SplittableRandom rng, Sampling.Discrete dist, long[] ids) {
    TreeSet<Long> out = new TreeSet<>();
    for (long b : base) {
      if (rng.nextDouble() < 0.9) {
        out.add(b);
      }
    }
    if (out.isEmpty() || rng.nextDouble() < 0.2) {
      out.add(ids[dist.sample(rng)]);
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  private static long[] pickDistinct(
      SplittableRandom rng, int count, Sampling.Discrete dist, long[] ids) {
    TreeSet<Long> out = new TreeSet<>();
    int tries = 0;
    while (out.size() < Math.min(count, ids.length) && tries++ < count * 20) {
      out.add(ids[dist.sample(rng)]);
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }
}
