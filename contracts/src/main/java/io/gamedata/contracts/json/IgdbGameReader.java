package io.gamedata.contracts.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamedata.contracts.igdb.IgdbGame;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming reader of raw {@code /v4/games} records, semantically identical to {@code
 * Json.mapper().readValue(bytes, IgdbGame.class)} and several times faster.
 *
 * <p>Three tiers, each handing what it is not sure of to the next: {@link IgdbGameScanner}, a
 * byte-level scanner of the common shape (no unknown fields when they are kept, strict UTF-8, plain
 * integers, ...: see there); then the parser path below; then databind.
 *
 * <p>The parser path handles only the unambiguous shapes: a root object whose known fields hold
 * integer tokens in range for ids, counts and timestamps, numbers for ratings, strings or null for
 * text, arrays of integers (or null elements) or null for id lists, and any JSON in the other
 * fields (read as trees with the mapper, as databind's any-setter does). On anything else (a
 * coercion databind would do, an overflow, a duplicate known field, a missing or null {@code id},
 * malformed JSON, ...) it drops its work and hands the whole input to databind, which returns its
 * value or throws its exception: callers see databind's results and exceptions, byte for byte.
 */
public final class IgdbGameReader {

  private static final ObjectMapper MAPPER = Json.mapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  /** Value kinds of the modelled fields. */
  enum Kind {
    ID,
    STRING,
    LONG,
    INT,
    DOUBLE,
    LONG_LIST
  }

  /** JSON names of the record components, in component order ({@code other} excluded). */
  static final String[] NAMES = {
    "id",
    "name",
    "slug",
    "summary",
    "storyline",
    "url",
    "checksum",
    "version_title",
    "first_release_date",
    "created_at",
    "updated_at",
    "rating",
    "rating_count",
    "aggregated_rating",
    "aggregated_rating_count",
    "total_rating",
    "total_rating_count",
    "hypes",
    "cover",
    "game_type",
    "game_status",
    "parent_game",
    "version_parent",
    "franchise",
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
    "similar_games",
    "dlcs",
    "expansions",
    "bundles",
    "category",
    "status",
    "collection",
    "follows"
  };

  private static final Kind[] KINDS = new Kind[NAMES.length];

  /** Field name -> index into {@link #NAMES}. */
  private static final Map<String, Integer> INDEX = new HashMap<>();

  /** The JSON name of the record component databind binds besides the named fields. */
  private static final String OTHER = "other";

  static {
    for (int i = 0; i < NAMES.length; i++) {
      INDEX.put(NAMES[i], i);
      KINDS[i] = kindOf(i);
    }
  }

  static Kind kindOf(int i) {
    if (i == 0) {
      return Kind.ID;
    }
    if (i <= 7) {
      return Kind.STRING;
    }
    if (i <= 10) {
      return Kind.LONG;
    }
    if (i <= 17) {
      return (i == 11 || i == 13 || i == 15) ? Kind.DOUBLE : Kind.INT;
    }
    if (i <= 23) {
      return Kind.LONG;
    }
    if (i <= 37) {
      return Kind.LONG_LIST;
    }
    return i == 40 ? Kind.LONG : Kind.INT;
  }

  private static final int DLCS = 35;
  private static final int EXPANSIONS = 36;
  private static final int BUNDLES = 37;
  private static final int FOLLOWS = 41;

  /** The modelled fields {@link #trim} drops, by index into {@link #NAMES}. */
  static final boolean[] DROPPED_BY_TRIM = new boolean[NAMES.length];

  static {
    for (int i : new int[] {DLCS, EXPANSIONS, BUNDLES, FOLLOWS}) {
      DROPPED_BY_TRIM[i] = true;
    }
  }

  private IgdbGameReader() {}

  /**
   * Reads one raw game exactly as {@code Json.mapper().readValue(bytes, IgdbGame.class)} does: the
   * same record (unknown fields in {@link IgdbGame#other()}, in databind's order), null for the
   * JSON literal {@code null}, or the same exception.
   */
  public static IgdbGame read(byte[] bytes) throws IOException {
    IgdbGame fast = bytes == null ? null : tryFast(bytes, true);
    return fast != null ? fast : MAPPER.readValue(bytes, IgdbGame.class);
  }

  /**
   * Reads one raw game and trims it: equal to {@code GameVersions.trimmed(read(bytes))} of the
   * streams module (no {@code dlcs}, {@code expansions}, {@code bundles}, {@code follows}, empty
   * {@code other}), without building the unknown fields. Fails exactly when {@link #read} fails,
   * with the same exception; like databind, returns null for the JSON literal {@code null}.
   */
  public static IgdbGame readTrimmed(byte[] bytes) throws IOException {
    // A string longer than the parser's limit fails when databind reads it into a tree, but not
    // when the fast path skips it: such inputs (at least that many bytes) go the long way.
    IgdbGame fast =
        bytes == null || bytes.length > FACTORY.streamReadConstraints().getMaxStringLength()
            ? null
            : tryFast(bytes, false);
    if (fast != null) {
      return fast;
    }
    IgdbGame game = MAPPER.readValue(bytes, IgdbGame.class);
    return game == null ? null : trim(game); // a JSON null reads as null
  }

  /**
   * The game without the fields enrichment never reads: {@code dlcs}, {@code expansions}, {@code
   * bundles}, {@code follows} and {@code other} (the streams app's {@code GameVersions.trimmed}).
   */
  public static IgdbGame trim(IgdbGame g) {
    return new IgdbGame(
        g.id(),
        g.name(),
        g.slug(),
        g.summary(),
        g.storyline(),
        g.url(),
        g.checksum(),
        g.versionTitle(),
        g.firstReleaseDate(),
        g.createdAt(),
        g.updatedAt(),
        g.rating(),
        g.ratingCount(),
        g.aggregatedRating(),
        g.aggregatedRatingCount(),
        g.totalRating(),
        g.totalRatingCount(),
        g.hypes(),
        g.cover(),
        g.gameType(),
        g.gameStatus(),
        g.parentGame(),
        g.versionParent(),
        g.franchise(),
        g.genres(),
        g.themes(),
        g.keywords(),
        g.gameModes(),
        g.playerPerspectives(),
        g.platforms(),
        g.involvedCompanies(),
        g.franchises(),
        g.collections(),
        g.gameEngines(),
        g.similarGames(),
        null,
        null,
        null,
        g.category(),
        g.status(),
        g.collection(),
        null,
        new LinkedHashMap<>());
  }

  /** The fast paths: the record, or null when databind must decide. */
  static IgdbGame tryFast(byte[] bytes, boolean keepOther) {
    IgdbGame scanned = IgdbGameScanner.scan(bytes, keepOther);
    return scanned != null ? scanned : tryParser(bytes, keepOther);
  }

  /**
   * The second fast path, for the shapes the scanner leaves (unknown fields kept as trees, ...):
   * the record read with the mapper's parser, or null when databind must decide.
   */
  static IgdbGame tryParser(byte[] bytes, boolean keepOther) {
    // the mapper's parser: its factory, with the mapper's parser features applied
    try (JsonParser p = MAPPER.createParser(bytes)) {
      return fast(p, keepOther);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static IgdbGame fast(JsonParser p, boolean keepOther) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    Object[] v = new Object[NAMES.length];
    long seen = 0;
    List<Object> unknown = null; // name, value, name, value, ... in document order
    String field;
    while ((field = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      Integer index = INDEX.get(field);
      if (index == null) {
        if (OTHER.equals(field)) {
          return null; // binds to the record component itself
        }
        if (keepOther) {
          JsonNode node = MAPPER.readTree(p);
          if (unknown == null) {
            unknown = new ArrayList<>();
          }
          unknown.add(field);
          unknown.add(node);
        } else {
          p.skipChildren();
        }
        continue;
      }
      int i = index;
      long bit = 1L << i;
      if ((seen & bit) != 0) {
        return null;
      }
      seen |= bit;
      switch (KINDS[i]) {
        case ID:
          if (t != JsonToken.VALUE_NUMBER_INT) {
            return null;
          }
          v[i] = p.getLongValue();
          break;
        case STRING:
          if (t == JsonToken.VALUE_STRING) {
            v[i] = p.getText();
          } else if (t != JsonToken.VALUE_NULL) {
            return null;
          }
          break;
        case LONG:
          if (t == JsonToken.VALUE_NUMBER_INT) {
            v[i] = p.getLongValue();
          } else if (t != JsonToken.VALUE_NULL) {
            return null;
          }
          break;
        case INT:
          if (t == JsonToken.VALUE_NUMBER_INT) {
            v[i] = p.getIntValue();
          } else if (t != JsonToken.VALUE_NULL) {
            return null;
          }
          break;
        case DOUBLE:
          if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            v[i] = p.getDoubleValue();
          } else if (t != JsonToken.VALUE_NULL) {
            return null;
          }
          break;
        case LONG_LIST:
          if (t == JsonToken.START_ARRAY) {
            List<Long> list = longList(p);
            if (list == null) {
              return null;
            }
            v[i] = list;
          } else if (t != JsonToken.VALUE_NULL) {
            return null;
          }
          break;
        default:
          return null;
      }
    }
    if ((seen & 1L) == 0) {
      return null; // id missing: databind's "Missing required creator property"
    }
    Map<String, JsonNode> other = new LinkedHashMap<>();
    if (unknown != null) {
      // databind buffers any-setter values and applies them last first
      for (int k = unknown.size() - 2; k >= 0; k -= 2) {
        other.put((String) unknown.get(k), (JsonNode) unknown.get(k + 1));
      }
    }
    if (!keepOther) {
      v[DLCS] = null;
      v[EXPANSIONS] = null;
      v[BUNDLES] = null;
      v[FOLLOWS] = null;
    }
    return build(v, other);
  }

  /** Elements up to the closing bracket, or null on anything but integers and nulls. */
  private static List<Long> longList(JsonParser p) throws IOException {
    List<Long> list = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_NUMBER_INT) {
        list.add(p.getLongValue());
      } else if (t == JsonToken.VALUE_NULL) {
        list.add(null);
      } else {
        return null;
      }
    }
    return list;
  }

  /** The record of the values by index into {@link #NAMES}; a null {@code other} is empty. */
  @SuppressWarnings("unchecked")
  static IgdbGame build(Object[] v, Map<String, JsonNode> other) {
    return new IgdbGame(
        (Long) v[0],
        (String) v[1],
        (String) v[2],
        (String) v[3],
        (String) v[4],
        (String) v[5],
        (String) v[6],
        (String) v[7],
        (Long) v[8],
        (Long) v[9],
        (Long) v[10],
        (Double) v[11],
        (Integer) v[12],
        (Double) v[13],
        (Integer) v[14],
        (Double) v[15],
        (Integer) v[16],
        (Integer) v[17],
        (Long) v[18],
        (Long) v[19],
        (Long) v[20],
        (Long) v[21],
        (Long) v[22],
        (Long) v[23],
        (List<Long>) v[24],
        (List<Long>) v[25],
        (List<Long>) v[26],
        (List<Long>) v[27],
        (List<Long>) v[28],
        (List<Long>) v[29],
        (List<Long>) v[30],
        (List<Long>) v[31],
        (List<Long>) v[32],
        (List<Long>) v[33],
        (List<Long>) v[34],
        (List<Long>) v[35],
        (List<Long>) v[36],
        (List<Long>) v[37],
        (Integer) v[38],
        (Integer) v[39],
        (Long) v[40],
        (Integer) v[41],
        other);
  }
}
