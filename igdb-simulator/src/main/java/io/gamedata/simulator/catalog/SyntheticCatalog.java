package io.gamedata.simulator.catalog;

import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.simulator.catalog.Families.Family;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * A deterministic synthetic IGDB catalogue: N games plus every reference table, with the
 * distributions of the real samples (see {@link Fitted} and {@code FITTED.md}) and a hidden family
 * structure ({@link GroundTruth}) that {@code similar_games} is derived from. Real reference rows
 * (genres, themes, game modes, perspectives, platforms, game types and statuses, 2,570 keywords,
 * 550 companies) come from the MIT-licensed 2026 sample; the rest is generated.
 *
 * <p>Same {@code (games, seed)}, same catalogue, byte for byte. 350,000 games take a few seconds.
 */
public final class SyntheticCatalog implements GameFactory {

  /** IGDB's size, roughly. */
  public static final int DEFAULT_GAMES = 350_000;

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 42L;

  /** Generates {@code games} games with {@link #DEFAULT_SEED}. */
  public static Catalog generate(int games) {
    return generate(games, DEFAULT_SEED);
  }

  /** Generates {@code games} games and every reference table, deterministic by {@code seed}. */
  public static Catalog generate(int games, long seed) {
    if (games < 0) {
      throw new IllegalArgumentException("games must be >= 0: " + games);
    }
    return new SyntheticCatalog(seed).build(games);
  }

  private final long seed;
  private final Catalog catalog = new Catalog();
  private final GroundTruth truth = new GroundTruth();
  private final Distributions dists = new Distributions();
  private final ReferenceTables refs = new ReferenceTables(catalog);
  private final Families families = new Families(dists, refs);
  private final GameMaker maker = new GameMaker(dists, refs, families, truth);
  private final AtomicLong nextCoverId = new AtomicLong();
  private final AtomicLong nextInvolvedId = new AtomicLong();

  private SyntheticCatalog(long seed) {
    this.seed = seed;
  }

  private Catalog build(int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    refs.build(n, rng);
    families.buildClusters(n, rng);

    // families and the (shuffled) assignment of games to them
    int[] familyOf = new int[n];
    int filled = 0;
    while (filled < n) {
      Family f =
          families.newFamily(
              rng, families.clusters.length == 0 ? 0 : rng.nextInt(families.clusters.length));
      int size = Families.familySize(rng);
      for (int k = 0; k < size && filled < n; k++) {
        familyOf[filled++] = f.id;
      }
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = familyOf[i];
      familyOf[i] = familyOf[j];
      familyOf[j] = t;
    }

    // ids with gaps, position within family, names/slugs (sequential: cheap and unique slugs)
    long[] ids = new long[n];
    int[] pos = new int[n];
    long id = 0;
    for (int i = 0; i < n; i++) {
      id += 1 + (rng.nextDouble() < Fitted.ID_GAP_RATE ? 1 + Sampling.geometric(rng, 0.5) : 0);
      ids[i] = id;
      Family f = families.all.get(familyOf[i]);
      pos[i] = f.size++;
      truth.add(id, f.id, f.cluster);
    }
    List<List<Long>> clusterLists = new ArrayList<>();
    for (int c = 0; c < families.clusters.length; c++) {
      clusterLists.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      clusterLists.get(families.all.get(familyOf[i]).cluster).add(ids[i]);
    }
    families.clusterGames = new long[families.clusters.length][];
    for (int c = 0; c < families.clusters.length; c++) {
      families.clusterGames[c] = clusterLists.get(c).stream().mapToLong(Long::longValue).toArray();
    }

    // per-game plan (own random stream per game: parallel and still deterministic)
    long[] gameType = new long[n];
    boolean[] hasCover = new boolean[n];
    int[] involvedCount = new int[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              SplittableRandom r = new SplittableRandom(Sampling.mix(seed, ids[i], 1));
              Family f = families.all.get(familyOf[i]);
              double rich = GameMaker.richness(f, r);
              gameType[i] = pos[i] == 0 ? 0 : dists.type.sample(r);
              hasCover[i] = GameMaker.present(Fitted.FILL_COVER, rich, r);
              involvedCount[i] =
                  GameMaker.present(Fitted.FILL_INVOLVED, rich, r)
                      ? 1 + dists.lenInvolved.sample(r)
                      : 0;
            });
    for (int i = 0; i < n; i++) {
      Family f = families.all.get(familyOf[i]);
      if (gameType[i] == 0 && f.firstMainGame == 0) {
        f.firstMainGame = ids[i];
      }
    }
    String[] names = new String[n];
    String[] slugs = new String[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              SplittableRandom r = new SplittableRandom(Sampling.mix(seed, ids[i], 2));
              names[i] = maker.gameName(families.all.get(familyOf[i]), pos[i], gameType[i], r);
              slugs[i] = Names.slug(names[i]);
            });
    Map<String, Integer> slugUses = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      int uses = slugUses.merge(slugs[i], 1, Integer::sum);
      if (uses > 1) {
        slugs[i] = slugs[i] + "--" + (uses - 1);
      }
    }
    long[] coverId = new long[n];
    long[] involvedStart = new long[n];
    long nextCover = 1000;
    long nextInvolved = 100;
    for (int i = 0; i < n; i++) {
      if (hasCover[i]) {
        coverId[i] = nextCover;
        nextCover += 1 + (ids[i] % 3 == 0 ? 1 : 0);
      }
      involvedStart[i] = nextInvolved;
      nextInvolved += involvedCount[i];
    }
    lastNewId = n == 0 ? 0 : ids[n - 1];
    nextCoverId.set(nextCover + 1000);
    nextInvolvedId.set(nextInvolved + 1000);

    IgdbGame[] games = new IgdbGame[n];
    IgdbCover[] covers = new IgdbCover[n];
    IgdbInvolvedCompany[][] involved = new IgdbInvolvedCompany[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              SplittableRandom r = new SplittableRandom(Sampling.mix(seed, ids[i], 3));
              Family f = families.all.get(familyOf[i]);
              long created =
                  Fitted.FIRST_CREATED
                      + (long) ((Fitted.NOW - 86_400L * 30 - Fitted.FIRST_CREATED) * (i + 0.5) / n);
              long updated = created + (long) ((Fitted.NOW - created) * (1 - GameMaker.cube(r)));
              involved[i] =
                  maker.involvedRows(f, ids[i], involvedStart[i], involvedCount[i], created, r);
              covers[i] = hasCover[i] ? GameMaker.cover(coverId[i], ids[i], created, r) : null;
              long parent = gameType[i] == 0 ? 0 : f.firstMainGame;
              games[i] =
                  maker.game(
                      ids[i],
                      f,
                      names[i],
                      slugs[i],
                      gameType[i],
                      parent == ids[i] ? 0 : parent,
                      covers[i] == null ? null : covers[i].id(),
                      involved[i],
                      created,
                      updated,
                      r);
            });
    List<IgdbRecord> gameList = Arrays.asList(games);
    catalog.putAll(IgdbEndpoint.GAMES, gameList);
    List<IgdbRecord> coverList = new ArrayList<>();
    List<IgdbRecord> involvedList = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (covers[i] != null) {
        coverList.add(covers[i]);
      }
      involvedList.addAll(Arrays.asList(involved[i]));
    }
    catalog.putAll(IgdbEndpoint.COVERS, coverList);
    catalog.putAll(IgdbEndpoint.INVOLVED_COMPANIES, involvedList);
    catalog.attachSynthetic(truth, this);
    return catalog;
  }

  // live mode: new and changed games for the simulator's feed

  @Override
  public synchronized NewGame newGame(Catalog target, long nowSeconds, SplittableRandom rng) {
    Family f = families.all.get(rng.nextInt(families.all.size()));
    long id = Math.max(target.maxId(IgdbEndpoint.GAMES), lastNewId) + 1 + rng.nextInt(3);
    lastNewId = id;
    int pos = f.size++;
    truth.add(id, f.id, f.cluster);
    long type = f.firstMainGame == 0 ? 0 : dists.type.sample(rng);
    if (type == 0 && f.firstMainGame == 0) {
      f.firstMainGame = id;
    }
    String name = maker.gameName(f, pos, type, rng);
    String slug = Names.slug(name) + "--" + id;
    int icCount = rng.nextDouble() < 0.6 ? 1 + dists.lenInvolved.sample(rng) : 0;
    long icStart = nextInvolvedId.getAndAdd(icCount);
    IgdbInvolvedCompany[] ic = maker.involvedRows(f, id, icStart, icCount, nowSeconds, rng);
    IgdbCover cover =
        rng.nextDouble() < 0.8
            ? GameMaker.cover(nextCoverId.getAndAdd(2), id, nowSeconds, rng)
            : null;
    long parent = type == 0 ? 0 : f.firstMainGame;
    IgdbGame g =
        maker.game(
            id,
            f,
            name,
            slug,
            type,
            parent == id ? 0 : parent,
            cover == null ? null : cover.id(),
            ic,
            nowSeconds,
            nowSeconds,
            rng);
    if (cover != null) {
      cover =
          new IgdbCover(
              cover.id(),
              cover.game(),
              cover.imageId(),
              cover.width(),
              cover.height(),
              cover.url(),
              cover.checksum(),
              nowSeconds,
              null);
    }
    return new NewGame(g, cover, List.of(ic));
  }

  /** Largest game id handed out: ids of deleted games are never reused, as on IGDB. */
  private long lastNewId;

  @Override
  public IgdbGame update(IgdbGame game, long nowSeconds, SplittableRandom rng) {
    GameBuilder b = GameBuilder.from(game);
    switch (rng.nextInt(5)) {
      case 0 -> b.summary = Names.text(80 + rng.nextInt(600), rng);
      case 1 -> {
        b.rating = GameMaker.clamp(Fitted.RATING_MEAN + Fitted.RATING_SD * Sampling.gaussian(rng));
        b.ratingCount = (b.ratingCount == null ? 0 : b.ratingCount) + 1;
        b.totalRating = b.rating;
        b.totalRatingCount = b.ratingCount;
      }
      case 2 -> b.keywords = add(b.keywords, refs.keywordIds[refs.keywordDist.sample(rng)]);
      case 3 -> b.platforms = add(b.platforms, refs.platformIds[refs.platformDist.sample(rng)]);
      default -> b.hypes = (b.hypes == null ? 0 : b.hypes) + 1;
    }
    return b.build(nowSeconds);
  }

  private List<Long> add(List<Long> list, long v) {
    TreeSet<Long> s = new TreeSet<>(list == null ? List.of() : list);
    s.add(v);
    return List.copyOf(s);
  }

  /** Mutable fields of a game, built into an {@link IgdbGame} with its checksum. */
}
