package io.gamedata.simulator.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private static final String SAMPLE = "/igdb-sample-2026/";

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

  // ---------------------------------------------------------------- model
  private final long seed;
  private final Catalog catalog = new Catalog();
  private final GroundTruth truth = new GroundTruth();
  private final Sampling.Discrete genreDist = new Sampling.Discrete(Fitted.GENRE_WEIGHTS);
  private final Sampling.Discrete themeDist = new Sampling.Discrete(Fitted.THEME_WEIGHTS);
  private final Sampling.Discrete modeDist = new Sampling.Discrete(Fitted.MODE_WEIGHTS);
  private final Sampling.Discrete perspDist = new Sampling.Discrete(Fitted.PERSPECTIVE_WEIGHTS);
  private final Sampling.Discrete typeDist = new Sampling.Discrete(Fitted.GAME_TYPE_WEIGHTS);
  private final Sampling.Discrete statusDist = new Sampling.Discrete(Fitted.GAME_STATUS_WEIGHTS);
  private final Sampling.Discrete yearDist = new Sampling.Discrete(Fitted.YEAR_BUCKET_WEIGHTS);
  private final Sampling.Discrete lenGenres = new Sampling.Discrete(Fitted.LEN_GENRES);
  private final Sampling.Discrete lenThemes = new Sampling.Discrete(Fitted.LEN_THEMES);
  private final Sampling.Discrete lenModes = new Sampling.Discrete(Fitted.LEN_MODES);
  private final Sampling.Discrete lenPersp = new Sampling.Discrete(Fitted.LEN_PERSPECTIVES);
  private final Sampling.Discrete lenPlatforms = new Sampling.Discrete(Fitted.LEN_PLATFORMS);
  private final Sampling.Discrete lenInvolved = new Sampling.Discrete(Fitted.LEN_INVOLVED);
  private long[] platformIds;
  private Sampling.Discrete platformDist;
  private long[] keywordIds; // by popularity rank
  private Sampling.Discrete keywordDist;
  private long[] companyIds; // by popularity rank
  private Sampling.Discrete companyDist;
  private long[] franchiseIds;
  private long[] collectionIds;
  private long[] engineIds;
  private Sampling.Discrete engineDist;
  private Cluster[] clusters;
  private final List<Family> families = new ArrayList<>();
  private long[][] clusterGames;
  private final AtomicLong nextCoverId = new AtomicLong();
  private final AtomicLong nextInvolvedId = new AtomicLong();
  private final Long[] boxCache = new Long[1 << 18];

  private SyntheticCatalog(long seed) {
    this.seed = seed;
  }

  private record Cluster(
      long[] genres,
      long[] themes,
      long[] platforms,
      long[] keywords,
      long[] companies,
      long[] franchises,
      int year) {}

  private static final class Family {
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

  // ---------------------------------------------------------------- build
  private Catalog build(int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    buildReferences(n, rng);
    buildClusters(n, rng);

    // families and the (shuffled) assignment of games to them
    int[] familyOf = new int[n];
    int filled = 0;
    while (filled < n) {
      Family f = newFamily(rng, clusters.length == 0 ? 0 : rng.nextInt(clusters.length));
      int size = familySize(rng);
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
      Family f = families.get(familyOf[i]);
      pos[i] = f.size++;
      truth.add(id, f.id, f.cluster);
    }
    List<List<Long>> clusterLists = new ArrayList<>();
    for (int c = 0; c < clusters.length; c++) {
      clusterLists.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      clusterLists.get(families.get(familyOf[i]).cluster).add(ids[i]);
    }
    clusterGames = new long[clusters.length][];
    for (int c = 0; c < clusters.length; c++) {
      clusterGames[c] = clusterLists.get(c).stream().mapToLong(Long::longValue).toArray();
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
              Family f = families.get(familyOf[i]);
              double rich = richness(f, r);
              gameType[i] = pos[i] == 0 ? 0 : typeDist.sample(r);
              hasCover[i] = present(Fitted.FILL_COVER, rich, r);
              involvedCount[i] =
                  present(Fitted.FILL_INVOLVED, rich, r) ? 1 + lenInvolved.sample(r) : 0;
            });
    for (int i = 0; i < n; i++) {
      Family f = families.get(familyOf[i]);
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
              names[i] = gameName(families.get(familyOf[i]), pos[i], gameType[i], r);
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
              Family f = families.get(familyOf[i]);
              long created =
                  Fitted.FIRST_CREATED
                      + (long) ((Fitted.NOW - 86_400L * 30 - Fitted.FIRST_CREATED) * (i + 0.5) / n);
              long updated = created + (long) ((Fitted.NOW - created) * (1 - cube(r)));
              involved[i] = involvedRows(f, ids[i], involvedStart[i], involvedCount[i], created, r);
              covers[i] = hasCover[i] ? cover(coverId[i], ids[i], created, r) : null;
              long parent = gameType[i] == 0 ? 0 : f.firstMainGame;
              games[i] =
                  game(
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

  private static double cube(SplittableRandom r) {
    double u = r.nextDouble();
    return 1 - u * u * u;
  }

  private int familySize(SplittableRandom rng) {
    if (rng.nextDouble() < Fitted.FAMILY_SINGLETON) {
      return 1;
    }
    return Math.min(Fitted.FAMILY_MAX, 2 + Sampling.geometric(rng, Fitted.FAMILY_GEOMETRIC_P));
  }

  private double richness(Family f, SplittableRandom r) {
    return 0.7 * f.richness + 0.3 * r.nextDouble();
  }

  /** A field with overall fill rate {@code p}, more likely on rich records. */
  private static boolean present(double p, double richness, SplittableRandom r) {
    return r.nextDouble() < Math.min(1.0, p * 2 * richness);
  }

  // ---------------------------------------------------------------- reference tables
  private void buildReferences(int n, SplittableRandom rng) {
    for (IgdbEndpoint e :
        List.of(
            IgdbEndpoint.GENRES,
            IgdbEndpoint.THEMES,
            IgdbEndpoint.GAME_MODES,
            IgdbEndpoint.PLAYER_PERSPECTIVES,
            IgdbEndpoint.PLATFORMS,
            IgdbEndpoint.GAME_TYPES,
            IgdbEndpoint.GAME_STATUSES)) {
      catalog.putAll(e, stamped(sample(e)));
    }
    // the sample lacks a few rows IGDB has
    catalog.putAll(
        IgdbEndpoint.GAME_TYPES,
        stamped(List.of(textRow(13, "type", "Pack"), textRow(14, "type", "Update"))));
    catalog.putAll(
        IgdbEndpoint.GAME_STATUSES,
        stamped(List.of(textRow(6, "status", "Cancelled"), textRow(7, "status", "Rumored"))));

    List<? extends IgdbRecord> platforms = catalog.records(IgdbEndpoint.PLATFORMS);
    platformIds = platforms.stream().mapToLong(IgdbRecord::id).toArray();
    double[] pw = new double[platformIds.length];
    for (int i = 0; i < platformIds.length; i++) {
      pw[i] = Fitted.PLATFORM_TAIL_WEIGHT;
      for (int k = 0; k < Fitted.PLATFORM_IDS.length; k++) {
        if (Fitted.PLATFORM_IDS[k] == platformIds[i]) {
          pw[i] = Fitted.PLATFORM_WEIGHTS[k];
        }
      }
    }
    platformDist = new Sampling.Discrete(pw);

    // keywords: the real 2,570, then generated ones, about one per ten games
    List<IgdbRecord> realKeywords = new ArrayList<>(sample(IgdbEndpoint.KEYWORDS));
    int keywordCount = Math.max(realKeywords.size(), n / 10);
    List<IgdbRecord> keywords =
        extend(
            realKeywords,
            keywordCount,
            rng,
            (i, r) -> Names.keyword(realKeywords, r),
            "https://www.igdb.com/categories/");
    catalog.putAll(IgdbEndpoint.KEYWORDS, keywords);
    keywordIds = rankShuffle(keywords, rng);
    keywordDist = Sampling.Discrete.zipf(keywordIds.length, Fitted.ZIPF_KEYWORDS);

    List<IgdbRecord> realCompanies = new ArrayList<>(sample(IgdbEndpoint.COMPANIES));
    int companyCount = Math.max(realCompanies.size(), n / 5);
    List<IgdbRecord> companies =
        extend(
            realCompanies,
            companyCount,
            rng,
            (i, r) -> Names.company(r),
            "https://www.igdb.com/companies/");
    catalog.putAll(IgdbEndpoint.COMPANIES, companies);
    companyIds = rankShuffle(companies, rng);
    companyDist = Sampling.Discrete.zipf(companyIds.length, Fitted.ZIPF_COMPANIES);

    franchiseIds =
        generated(
            IgdbEndpoint.FRANCHISES,
            Math.max(20, n / 150),
            rng,
            (i, r) -> Names.title(r),
            "https://www.igdb.com/franchises/");
    collectionIds =
        generated(
            IgdbEndpoint.COLLECTIONS,
            Math.max(40, n / 35),
            rng,
            (i, r) -> Names.title(r) + " Series",
            "https://www.igdb.com/collections/");
    engineIds =
        generated(
            IgdbEndpoint.GAME_ENGINES,
            Math.max(Names.ENGINES.size(), n / 500),
            rng,
            (i, r) -> i < Names.ENGINES.size() ? Names.ENGINES.get(i) : Names.title(r) + " Engine",
            "https://www.igdb.com/game_engines/");
    engineDist = Sampling.Discrete.zipf(engineIds.length, 1.1);
  }

  private interface NameMaker {
    String name(int index, SplittableRandom rng);
  }

  private long[] generated(
      IgdbEndpoint endpoint, int count, SplittableRandom rng, NameMaker names, String urlPrefix) {
    List<IgdbRecord> rows = extend(new ArrayList<>(), count, rng, names, urlPrefix);
    catalog.putAll(endpoint, rows);
    return rows.stream().mapToLong(IgdbRecord::id).toArray();
  }

  /** Appends generated named rows (ids after the largest, with gaps) up to {@code count}. */
  private List<IgdbRecord> extend(
      List<IgdbRecord> rows, int count, SplittableRandom rng, NameMaker names, String urlPrefix) {
    List<IgdbRecord> out = new ArrayList<>(stamped(rows));
    Set<String> slugs = new HashSet<>();
    for (IgdbRecord r : rows) {
      slugs.add(((IgdbNamed) r).slug());
    }
    long id = rows.stream().mapToLong(IgdbRecord::id).max().orElse(0);
    for (int i = rows.size(); i < count; i++) {
      id += 1 + (rng.nextDouble() < Fitted.ID_GAP_RATE ? 1 + Sampling.geometric(rng, 0.5) : 0);
      String name = names.name(i, rng);
      String slug = Names.slug(name);
      for (int k = 1; !slugs.add(slug); k++) {
        slug = Names.slug(name) + "--" + k;
      }
      long created =
          Fitted.FIRST_CREATED + (long) ((Fitted.NOW - Fitted.FIRST_CREATED) * (double) i / count);
      long updated = created + (long) ((Fitted.NOW - created) * rng.nextDouble());
      Map<String, JsonNode> other = new LinkedHashMap<>();
      other.put("url", TextNode.valueOf(urlPrefix + slug));
      IgdbNamed row = new IgdbNamed(id, name, slug, null, created, null, other);
      out.add(withChecksum(row, updated));
    }
    return out;
  }

  private static long[] rankShuffle(List<IgdbRecord> rows, SplittableRandom rng) {
    long[] ids = rows.stream().mapToLong(IgdbRecord::id).toArray();
    // real rows keep the front ranks (they are the ones popular games use), the rest shuffled
    for (int i = ids.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      if (i < 300 || j < 300) {
        continue;
      }
      long t = ids[i];
      ids[i] = ids[j];
      ids[j] = t;
    }
    return ids;
  }

  private static List<IgdbRecord> sample(IgdbEndpoint e) {
    try (InputStream in = SyntheticCatalog.class.getResourceAsStream(SAMPLE + e.path() + ".json")) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SAMPLE + e.path() + ".json");
      }
      return CatalogLoader.read(e, in);
    } catch (java.io.IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static IgdbNamed textRow(long id, String field, String value) {
    Map<String, JsonNode> other = new LinkedHashMap<>();
    other.put(field, TextNode.valueOf(value));
    return new IgdbNamed(id, null, null, null, null, null, other);
  }

  /** Real rows without checksum/updated_at get them (checksum from content). */
  private static List<IgdbRecord> stamped(List<? extends IgdbRecord> rows) {
    List<IgdbRecord> out = new ArrayList<>();
    for (IgdbRecord r : rows) {
      IgdbNamed n = (IgdbNamed) r;
      if (n.checksum() != null) {
        out.add(n);
        continue;
      }
      long updated = n.updatedAt() == null ? Fitted.FIRST_CREATED : n.updatedAt();
      IgdbNamed base =
          new IgdbNamed(
              n.id(),
              n.name(),
              n.slug(),
              null,
              n.createdAt(),
              null,
              new LinkedHashMap<>(n.other()));
      out.add(withChecksum(base, updated));
    }
    return out;
  }

  private static IgdbNamed withChecksum(IgdbNamed n, long updatedAt) {
    String checksum = checksum(n);
    return new IgdbNamed(n.id(), n.name(), n.slug(), checksum, n.createdAt(), updatedAt, n.other());
  }

  private static String checksum(Object recordWithoutChecksumAndUpdatedAt) {
    try {
      return Checksums.of(Json.mapper().writeValueAsBytes(recordWithoutChecksumAndUpdatedAt));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- clusters and families
  private void buildClusters(int n, SplittableRandom rng) {
    int count = Math.max(1, n / Fitted.GAMES_PER_CLUSTER);
    clusters = new Cluster[count];
    for (int c = 0; c < count; c++) {
      long[] genres = pickDistinct(rng, 1 + lenGenres.sample(rng), genreDist, Fitted.GENRE_IDS);
      long[] themes = pickDistinct(rng, 1 + lenThemes.sample(rng), themeDist, Fitted.THEME_IDS);
      long[] platforms = pickDistinct(rng, 2 + rng.nextInt(6), platformDist, platformIds);
      long[] keywords = pickDistinct(rng, 40, keywordDist, keywordIds);
      long[] companies = pickDistinct(rng, 12, companyDist, companyIds);
      long[] franchises = new long[1 + rng.nextInt(3)];
      for (int k = 0; k < franchises.length; k++) {
        franchises[k] = franchiseIds[rng.nextInt(franchiseIds.length)];
      }
      int bucket = yearDist.sample(rng);
      int year = Math.min(2026, Fitted.FIRST_YEAR + 5 * bucket + rng.nextInt(5));
      clusters[c] = new Cluster(genres, themes, platforms, keywords, companies, franchises, year);
    }
  }

  private Family newFamily(SplittableRandom rng, int clusterIndex) {
    Cluster c = clusters[clusterIndex];
    Family f = new Family();
    f.id = families.size();
    f.cluster = clusterIndex;
    f.richness = rng.nextDouble();
    f.year =
        Math.max(Fitted.FIRST_YEAR, Math.min(2026, c.year + (int) (Sampling.gaussian(rng) * 4)));
    f.genres = mutate(c.genres, rng, genreDist, Fitted.GENRE_IDS);
    f.themes = mutate(c.themes, rng, themeDist, Fitted.THEME_IDS);
    f.modes = pickDistinct(rng, 1 + lenModes.sample(rng), modeDist, Fitted.MODE_IDS);
    f.perspectives = pickDistinct(rng, 1 + lenPersp.sample(rng), perspDist, Fitted.PERSPECTIVE_IDS);
    f.platforms = mutate(c.platforms, rng, platformDist, platformIds);
    int kw = 8 + rng.nextInt(20);
    long[] keywords = new long[kw];
    for (int k = 0; k < kw; k++) {
      keywords[k] =
          rng.nextDouble() < 0.6
              ? c.keywords[rng.nextInt(c.keywords.length)]
              : keywordIds[keywordDist.sample(rng)];
    }
    f.keywords = Arrays.stream(keywords).distinct().toArray();
    f.developer =
        rng.nextDouble() < 0.7
            ? c.companies[rng.nextInt(c.companies.length)]
            : companyIds[companyDist.sample(rng)];
    f.publisher =
        rng.nextDouble() < 0.5 ? f.developer : c.companies[rng.nextInt(c.companies.length)];
    if (rng.nextDouble() < Fitted.FAMILY_FRANCHISE) {
      f.franchise = c.franchises[rng.nextInt(c.franchises.length)];
    }
    if (rng.nextDouble() < Fitted.FAMILY_COLLECTION) {
      f.collection = collectionIds[rng.nextInt(collectionIds.length)];
    }
    if (rng.nextDouble() < Fitted.FAMILY_ENGINE) {
      f.engine = engineIds[engineDist.sample(rng)];
    }
    f.stem = Names.title(rng);
    families.add(f);
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

  // ---------------------------------------------------------------- games
  private String gameName(Family f, int pos, long gameType, SplittableRandom r) {
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

  private IgdbInvolvedCompany[] involvedRows(
      Family f, long game, long firstId, int count, long created, SplittableRandom r) {
    IgdbInvolvedCompany[] rows = new IgdbInvolvedCompany[count];
    Set<Long> used = new HashSet<>();
    for (int k = 0; k < count; k++) {
      long company;
      boolean dev;
      boolean pub;
      if (k == 0) {
        company = r.nextDouble() < 0.85 ? f.developer : companyIds[companyDist.sample(r)];
        dev = true;
        pub = count == 1 || f.publisher == f.developer;
      } else if (k == 1 && f.publisher != f.developer) {
        company = f.publisher;
        dev = false;
        pub = true;
      } else {
        company = companyIds[companyDist.sample(r)];
        dev = false;
        pub = r.nextDouble() < 0.3;
      }
      if (!used.add(company)) {
        company = companyIds[companyDist.sample(r)];
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
        checksum(base),
        created,
        created + (long) ((Fitted.NOW - created) * r.nextDouble()),
        null);
  }

  private static IgdbCover cover(long id, long game, long created, SplittableRandom r) {
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
        checksum(base),
        created + (long) ((Fitted.NOW - created) * r.nextDouble()),
        null);
  }

  private Long box(long v) {
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

  private IgdbGame game(
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
      b.genres = subset(f.genres, 1 + lenGenres.sample(r) + 1, 0.9, r);
    }
    if (present(Fitted.FILL_THEMES, rich, r)) {
      b.themes = subset(f.themes, 1 + lenThemes.sample(r) + 1, 0.85, r);
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
                : keywordIds[keywordDist.sample(r)];
      }
      b.keywords = boxed(Arrays.stream(kws).sorted().distinct().toArray());
    }
    if (present(Fitted.FILL_GAME_MODES, rich, r)) {
      b.gameModes = subset(f.modes, 1 + lenModes.sample(r), 0.9, r);
    }
    if (present(Fitted.FILL_PERSPECTIVES, rich, r)) {
      b.playerPerspectives = subset(f.perspectives, 1 + lenPersp.sample(r), 0.9, r);
    }
    if (present(Fitted.FILL_PLATFORMS, rich, r)) {
      b.platforms = subset(f.platforms, 1 + lenPlatforms.sample(r), 0.7, r);
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
      b.gameStatus = box(Fitted.GAME_STATUS_IDS[statusDist.sample(r)]);
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

  private static double clamp(double rating) {
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
    long[] cluster = clusterGames[f.cluster];
    for (int tries = 0; out.size() < Math.min(10, cluster.length - 1) && tries < 40; tries++) {
      long c = cluster[r.nextInt(cluster.length)];
      if (c != id) {
        out.add(c);
      }
    }
    return out.isEmpty() ? null : List.copyOf(out);
  }

  // ---------------------------------------------------------------- live mode
  @Override
  public synchronized NewGame newGame(Catalog target, long nowSeconds, SplittableRandom rng) {
    Family f = families.get(rng.nextInt(families.size()));
    long id = Math.max(target.maxId(IgdbEndpoint.GAMES), lastNewId) + 1 + rng.nextInt(3);
    lastNewId = id;
    int pos = f.size++;
    truth.add(id, f.id, f.cluster);
    long type = f.firstMainGame == 0 ? 0 : typeDist.sample(rng);
    if (type == 0 && f.firstMainGame == 0) {
      f.firstMainGame = id;
    }
    String name = gameName(f, pos, type, rng);
    String slug = Names.slug(name) + "--" + id;
    int icCount = rng.nextDouble() < 0.6 ? 1 + lenInvolved.sample(rng) : 0;
    long icStart = nextInvolvedId.getAndAdd(icCount);
    IgdbInvolvedCompany[] ic = involvedRows(f, id, icStart, icCount, nowSeconds, rng);
    IgdbCover cover =
        rng.nextDouble() < 0.8 ? cover(nextCoverId.getAndAdd(2), id, nowSeconds, rng) : null;
    long parent = type == 0 ? 0 : f.firstMainGame;
    IgdbGame g =
        game(
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
        b.rating = clamp(Fitted.RATING_MEAN + Fitted.RATING_SD * Sampling.gaussian(rng));
        b.ratingCount = (b.ratingCount == null ? 0 : b.ratingCount) + 1;
        b.totalRating = b.rating;
        b.totalRatingCount = b.ratingCount;
      }
      case 2 -> b.keywords = add(b.keywords, keywordIds[keywordDist.sample(rng)]);
      case 3 -> b.platforms = add(b.platforms, platformIds[platformDist.sample(rng)]);
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
  static final class GameBuilder {
    long id;
    String name;
    String slug;
    String summary;
    String storyline;
    String url;
    String versionTitle;
    Long firstReleaseDate;
    Long createdAt;
    Double rating;
    Integer ratingCount;
    Double aggregatedRating;
    Integer aggregatedRatingCount;
    Double totalRating;
    Integer totalRatingCount;
    Integer hypes;
    Long cover;
    Long gameType;
    Long gameStatus;
    Long parentGame;
    Long versionParent;
    Long franchise;
    List<Long> genres;
    List<Long> themes;
    List<Long> keywords;
    List<Long> gameModes;
    List<Long> playerPerspectives;
    List<Long> platforms;
    List<Long> involvedCompanies;
    List<Long> franchises;
    List<Long> collections;
    List<Long> gameEngines;
    List<Long> similarGames;
    List<Long> dlcs;
    List<Long> expansions;
    List<Long> bundles;
    Integer category;
    Integer status;
    Long collection;
    Integer follows;
    Map<String, JsonNode> other;

    static GameBuilder from(IgdbGame g) {
      GameBuilder b = new GameBuilder();
      b.id = g.id();
      b.name = g.name();
      b.slug = g.slug();
      b.summary = g.summary();
      b.storyline = g.storyline();
      b.url = g.url();
      b.versionTitle = g.versionTitle();
      b.firstReleaseDate = g.firstReleaseDate();
      b.createdAt = g.createdAt();
      b.rating = g.rating();
      b.ratingCount = g.ratingCount();
      b.aggregatedRating = g.aggregatedRating();
      b.aggregatedRatingCount = g.aggregatedRatingCount();
      b.totalRating = g.totalRating();
      b.totalRatingCount = g.totalRatingCount();
      b.hypes = g.hypes();
      b.cover = g.cover();
      b.gameType = g.gameType();
      b.gameStatus = g.gameStatus();
      b.parentGame = g.parentGame();
      b.versionParent = g.versionParent();
      b.franchise = g.franchise();
      b.genres = g.genres();
      b.themes = g.themes();
      b.keywords = g.keywords();
      b.gameModes = g.gameModes();
      b.playerPerspectives = g.playerPerspectives();
      b.platforms = g.platforms();
      b.involvedCompanies = g.involvedCompanies();
      b.franchises = g.franchises();
      b.collections = g.collections();
      b.gameEngines = g.gameEngines();
      b.similarGames = g.similarGames();
      b.dlcs = g.dlcs();
      b.expansions = g.expansions();
      b.bundles = g.bundles();
      b.category = g.category();
      b.status = g.status();
      b.collection = g.collection();
      b.follows = g.follows();
      b.other = new LinkedHashMap<>(g.other());
      return b;
    }

    private IgdbGame make(String checksum, Long updatedAt) {
      return new IgdbGame(
          id,
          name,
          slug,
          summary,
          storyline,
          url,
          checksum,
          versionTitle,
          firstReleaseDate,
          createdAt,
          updatedAt,
          rating,
          ratingCount,
          aggregatedRating,
          aggregatedRatingCount,
          totalRating,
          totalRatingCount,
          hypes,
          cover,
          gameType,
          gameStatus,
          parentGame,
          versionParent,
          franchise,
          genres,
          themes,
          keywords,
          gameModes,
          playerPerspectives,
          platforms,
          involvedCompanies,
          franchises,
          collections,
          gameEngines,
          similarGames,
          dlcs,
          expansions,
          bundles,
          category,
          status,
          collection,
          follows,
          other == null ? new LinkedHashMap<>(2) : other);
    }

    /** The game with a checksum of its content and the given updated_at. */
    IgdbGame build(long updatedAt) {
      String checksum = checksum(make(null, null));
      return make(checksum, updatedAt);
    }
  }
}
