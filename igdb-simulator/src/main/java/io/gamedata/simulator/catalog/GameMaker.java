package io.gamedata.simulator.catalog;

import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.simulator.catalog.Families.Family;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Draws one game of a family, with its cover and involved companies: fields filled at the fitted
 * rates (more of them on a family's richer records), references from the family's and its
 * cluster's, ratings, and {@code similar_games} from the family and the cluster.
 */
final class GameMaker {

  private final Distributions dists;
  private final ReferenceTables refs;
  private final Families families;
  private final GroundTruth truth;
  private final Long[] boxCache = new Long[1 << 18];

  GameMaker(Distributions dists, ReferenceTables refs, Families families, GroundTruth truth) {
    this.dists = dists;
    this.refs = refs;
    this.families = families;
    this.truth = truth;
  }

  static double cube(SplittableRandom r) {
    double u = r.nextDouble();
    return 1 - u * u * u;
  }

  static double richness(Family f, SplittableRandom r) {
    return 0.7 * f.richness + 0.3 * r.nextDouble();
  }

  /** A field with overall fill rate {@code p}, more likely on rich records. */
  static boolean present(double p, double richness, SplittableRandom r) {
    return r.nextDouble() < Math.min(1.0, p * 2 * richness);
  }

  String gameName(Family f, int pos, long gameType, SplittableRandom r) {
    if (pos == 0) {
      return f.stem;
    }
    return switch ((int) gameType) {
      case 1, 13 -> f.stem + ": " + Names.title(r) + " Pack";
      case 2, 4 -> f.stem + ": " + Names.title(r);
      case 3 -> f.stem + " Collection";
      case 5 -> f.stem + " " + Names.title(r) + " Mod";
      case 6, 7 -> f.stem + ": Episode " + (pos + 1);
      case 8 -> f.stem + " Remake";
      case 9 -> f.stem + " Remastered";
      case 11 -> f.stem + " (Port)";
      case 14 -> f.stem + " Update " + (pos + 1);
      default -> r.nextBoolean() ? f.stem + " " + (pos + 1) : f.stem + ": " + Names.title(r);
    };
  }

  IgdbInvolvedCompany[] involvedRows(
      Family f, long game, long firstId, int count, long created, SplittableRandom r) {
    IgdbInvolvedCompany[] rows = new IgdbInvolvedCompany[count];
    Set<Long> used = new HashSet<>();
    for (int k = 0; k < count; k++) {
      long company;
      boolean dev;
      boolean pub;
      if (k == 0) {
        company = r.nextDouble() < 0.85 ? f.developer : refs.companyIds[refs.companyDist.sample(r)];
        dev = true;
        pub = count == 1 || f.publisher == f.developer;
      } else if (k == 1 && f.publisher != f.developer) {
        company = f.publisher;
        dev = false;
        pub = true;
      } else {
        company = refs.companyIds[refs.companyDist.sample(r)];
        dev = false;
        pub = r.nextDouble() < 0.3;
      }
      if (!used.add(company)) {
        company = refs.companyIds[refs.companyDist.sample(r)];
        used.add(company);
      }
      boolean porting = !dev && !pub && r.nextDouble() < Fitted.ROLE_PORTING * 3;
      boolean supporting = !dev && !pub && !porting;
      rows[k] = involved(firstId + k, company, game, dev, pub, porting, supporting, created, r);
    }
    return rows;
  }

  private static IgdbInvolvedCompany involved(
      long id,
      long company,
      long game,
      boolean dev,
      boolean pub,
      boolean porting,
      boolean supporting,
      long created,
      SplittableRandom r) {
    IgdbInvolvedCompany base =
        new IgdbInvolvedCompany(
            id, company, game, dev, pub, porting, supporting, null, created, null, null);
    return new IgdbInvolvedCompany(
        id,
        company,
        game,
        dev,
        pub,
        porting,
        supporting,
        Checksums.ofJson(base),
        created,
        created + (long) ((Fitted.NOW - created) * r.nextDouble()),
        null);
  }

  static IgdbCover cover(long id, long game, long created, SplittableRandom r) {
    StringBuilder image = new StringBuilder(20);
    for (int k = 0; k < 20; k++) {
      image.append((char) ('a' + r.nextInt(26)));
    }
    String imageId = image.toString();
    int width = r.nextBoolean() ? 264 : 600 + 10 * r.nextInt(40);
    int height = (int) Math.round(width * 1.4166);
    String url = "//images.igdb.com/igdb/image/upload/t_thumb/" + imageId + ".jpg";
    IgdbCover base = new IgdbCover(id, game, imageId, width, height, url, null, null, null);
    return new IgdbCover(
        id,
        game,
        imageId,
        width,
        height,
        url,
        Checksums.ofJson(base),
        created + (long) ((Fitted.NOW - created) * r.nextDouble()),
        null);
  }

  Long box(long v) {
    if (v >= 0 && v < boxCache.length) {
      Long b = boxCache[(int) v];
      if (b == null) {
        b = v;
        boxCache[(int) v] = b;
      }
      return b;
    }
    return v;
  }

  private List<Long> boxed(long[] values) {
    if (values.length == 0) {
      return null;
    }
    Long[] out = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = box(values[i]);
    }
    return List.of(out);
  }

  private List<Long> subset(long[] from, int max, double keep, SplittableRandom r) {
    long[] out = new long[from.length];
    int k = 0;
    for (long v : from) {
      if (k < max && r.nextDouble() < keep) {
        out[k++] = v;
      }
    }
    if (k == 0 && from.length > 0) {
      out[k++] = from[r.nextInt(from.length)];
    }
    long[] sorted = Arrays.copyOf(out, k);
    Arrays.sort(sorted);
    return boxed(Arrays.stream(sorted).distinct().toArray());
  }

  IgdbGame game(
      long id,
      Family f,
      String name,
      String slug,
      long gameType,
      long parent,
      Long cover,
      IgdbInvolvedCompany[] involved,
      long created,
      long updated,
      SplittableRandom r) {
    double rich = richness(f, r);
    GameBuilder b = new GameBuilder();
    b.id = id;
    b.name = name;
    b.slug = slug;
    b.url = "https://www.igdb.com/games/" + slug;
    b.createdAt = created;
    b.gameType = box(gameType);
    b.parentGame = parent == 0 ? null : parent;
    b.cover = cover;
    if (present(Fitted.FILL_SUMMARY, rich, r)) {
      int len =
          (int) Math.exp(Fitted.SUMMARY_LOG_MU + Fitted.SUMMARY_LOG_SIGMA * Sampling.gaussian(r));
      b.summary = Names.text(Math.max(20, Math.min(4000, len)), r);
    }
    if (present(Fitted.FILL_STORYLINE, rich, r)) {
      b.storyline = Names.text(200 + r.nextInt(1200), r);
    }
    if (present(Fitted.FILL_RELEASE, rich, r)) {
      int year =
          Math.max(
              Fitted.FIRST_YEAR,
              Math.min(2027, f.year + Math.abs((int) (Sampling.gaussian(r) * 2))));
      long jan1 = (long) ((year - 1970) * 365.2425 * 86_400);
      b.firstReleaseDate = (jan1 + r.nextInt(365) * 86_400L) / 86_400L * 86_400L;
    }
    if (present(Fitted.FILL_GENRES, rich, r)) {
      b.genres = subset(f.genres, 1 + dists.lenGenres.sample(r) + 1, 0.9, r);
    }
    if (present(Fitted.FILL_THEMES, rich, r)) {
      b.themes = subset(f.themes, 1 + dists.lenThemes.sample(r) + 1, 0.85, r);
    }
    if (present(Fitted.FILL_KEYWORDS, rich, r)) {
      int len =
          (int)
              Math.round(
                  Math.exp(
                      Fitted.KEYWORDS_LOG_MU + Fitted.KEYWORDS_LOG_SIGMA * Sampling.gaussian(r)));
      len = Math.max(1, Math.min(250, len));
      long[] kws = new long[len];
      for (int k = 0; k < len; k++) {
        kws[k] =
            r.nextDouble() < 0.7
                ? f.keywords[r.nextInt(f.keywords.length)]
                : refs.keywordIds[refs.keywordDist.sample(r)];
      }
      b.keywords = boxed(Arrays.stream(kws).sorted().distinct().toArray());
    }
    if (present(Fitted.FILL_GAME_MODES, rich, r)) {
      b.gameModes = subset(f.modes, 1 + dists.lenModes.sample(r), 0.9, r);
    }
    if (present(Fitted.FILL_PERSPECTIVES, rich, r)) {
      b.playerPerspectives = subset(f.perspectives, 1 + dists.lenPerspectives.sample(r), 0.9, r);
    }
    if (present(Fitted.FILL_PLATFORMS, rich, r)) {
      b.platforms = subset(f.platforms, 1 + dists.lenPlatforms.sample(r), 0.7, r);
    }
    if (involved.length > 0) {
      long[] ic = new long[involved.length];
      for (int k = 0; k < ic.length; k++) {
        ic[k] = involved[k].id();
      }
      b.involvedCompanies = boxed(ic);
    }
    if (f.franchise != null && r.nextDouble() < 0.85) {
      b.franchises = List.of(box(f.franchise));
      b.franchise = r.nextDouble() < 0.1 ? box(f.franchise) : null;
    }
    if (f.collection != null && r.nextDouble() < 0.85) {
      b.collections = List.of(box(f.collection));
    }
    if (f.engine != null && r.nextDouble() < 0.8) {
      b.gameEngines = List.of(box(f.engine));
    }
    if (r.nextDouble() < Fitted.FILL_GAME_STATUS) {
      b.gameStatus = box(Fitted.GAME_STATUS_IDS[dists.status.sample(r)]);
    }
    if (present(Fitted.FILL_RATING, rich, r)) {
      b.rating = clamp(Fitted.RATING_MEAN + Fitted.RATING_SD * Sampling.gaussian(r));
      b.ratingCount = 1 + Sampling.geometric(r, 0.15 / (1 + 4 * rich));
    }
    if (present(Fitted.FILL_AGGREGATED, rich, r)) {
      b.aggregatedRating =
          clamp(Fitted.AGGREGATED_MEAN + Fitted.AGGREGATED_SD * Sampling.gaussian(r));
      b.aggregatedRatingCount = 1 + Sampling.geometric(r, 0.3);
    }
    if (b.rating != null || b.aggregatedRating != null) {
      double sum = 0;
      int parts = 0;
      int count = 0;
      if (b.rating != null) {
        sum += b.rating;
        parts++;
        count += b.ratingCount;
      }
      if (b.aggregatedRating != null) {
        sum += b.aggregatedRating;
        parts++;
        count += b.aggregatedRatingCount;
      }
      b.totalRating = sum / parts;
      b.totalRatingCount = count;
    }
    if (present(Fitted.FILL_HYPES, rich, r)) {
      b.hypes = 1 + Sampling.geometric(r, 0.4);
    }
    if (present(Fitted.FILL_SIMILAR, rich, r)) {
      b.similarGames = similar(id, f, r);
    }
    return b.build(updated);
  }

  static double clamp(double rating) {
    return Math.max(5, Math.min(100, rating));
  }

  private List<Long> similar(long id, Family f, SplittableRandom r) {
    TreeSet<Long> out = new TreeSet<>();
    List<Long> members = truth.familyMembers(id);
    List<Long> shuffled = new ArrayList<>(members);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      Long t = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, t);
    }
    for (Long m : shuffled) {
      if (out.size() >= 10) {
        break;
      }
      out.add(m);
    }
    long[] cluster = families.clusterGames[f.cluster];
    for (int tries = 0; out.size() < Math.min(10, cluster.length - 1) && tries < 40; tries++) {
      long c = cluster[r.nextInt(cluster.length)];
      if (c != id) {
        out.add(c);
      }
    }
    return out.isEmpty() ? null : List.copyOf(out);
  }
}
