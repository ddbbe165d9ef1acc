package io.gamedata.simulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The reference endpoints of the synthetic catalogue: the real rows of the 2026 sample (genres,
 * themes, game modes, perspectives, platforms, game types and statuses, 2,570 keywords, 550
 * companies) and generated ones (more keywords and companies, franchises, collections, engines),
 * with the ids and popularity distributions the games draw from.
 */
final class ReferenceTables {

  private static final String SAMPLE = "/igdb-sample-2026/";

  private final Catalog catalog;
  long[] platformIds;
  Sampling.Discrete platformDist;
  long[] keywordIds; // by popularity rank
  Sampling.Discrete keywordDist;
  long[] companyIds; // by popularity rank
  Sampling.Discrete companyDist;
  long[] franchiseIds;
  long[] collectionIds;
  long[] engineIds;
  Sampling.Discrete engineDist;

  ReferenceTables(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Builds every reference endpoint into the catalogue: about n/10 keywords, n/5 companies. */
  void build(int n, SplittableRandom rng) {
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
    try (InputStream in = ReferenceTables.class.getResourceAsStream(SAMPLE + e.path() + ".json")) {
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
    String checksum = Checksums.ofJson(n);
    return new IgdbNamed(n.id(), n.name(), n.slug(), checksum, n.createdAt(), updatedAt, n.other());
  }
}
