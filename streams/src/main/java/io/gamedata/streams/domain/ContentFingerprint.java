package io.gamedata.streams.domain;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Fingerprints of the content of an enriched document: one 64-bit hash per content field, and a
 * content hash over all of them. Content fields are every document field except {@code
 * schema_version}, {@code id}, {@code updated_at}, {@code source_checksum} and {@code
 * content_hash}: IGDB moves {@code updated_at} (and the checksum) without changing anything that
 * matters, so they do not make a document "changed". The hash is stable across JVMs (FNV-1a 64 over
 * a canonical walk of the values, no {@code hashCode()}).
 */
public final class ContentFingerprint {

  /** A content field: its snake_case name in the document and how to read it. */
  public record Field(String name, Function<EnrichedGame, Object> value) {}

  /** The content fields, in a fixed order (stored field hashes follow it). */
  public static final List<Field> FIELDS =
      List.of(
          new Field("name", EnrichedGame::name),
          new Field("slug", EnrichedGame::slug),
          new Field("summary", EnrichedGame::summary),
          new Field("storyline", EnrichedGame::storyline),
          new Field("url", EnrichedGame::url),
          new Field("first_release_date", EnrichedGame::firstReleaseDate),
          new Field("release_year", EnrichedGame::releaseYear),
          new Field("created_at", EnrichedGame::createdAt),
          new Field("rating", EnrichedGame::rating),
          new Field("rating_count", EnrichedGame::ratingCount),
          new Field("aggregated_rating", EnrichedGame::aggregatedRating),
          new Field("aggregated_rating_count", EnrichedGame::aggregatedRatingCount),
          new Field("total_rating", EnrichedGame::totalRating),
          new Field("total_rating_count", EnrichedGame::totalRatingCount),
          new Field("hypes", EnrichedGame::hypes),
          new Field("game_type_id", EnrichedGame::gameTypeId),
          new Field("game_type", EnrichedGame::gameType),
          new Field("game_status_id", EnrichedGame::gameStatusId),
          new Field("game_status", EnrichedGame::gameStatus),
          new Field("parent_game_id", EnrichedGame::parentGameId),
          new Field("version_parent_id", EnrichedGame::versionParentId),
          new Field("version_title", EnrichedGame::versionTitle),
          new Field("genres", EnrichedGame::genres),
          new Field("themes", EnrichedGame::themes),
          new Field("game_modes", EnrichedGame::gameModes),
          new Field("player_perspectives", EnrichedGame::playerPerspectives),
          new Field("platforms", EnrichedGame::platforms),
          new Field("keywords", EnrichedGame::keywords),
          new Field("developers", EnrichedGame::developers),
          new Field("publishers", EnrichedGame::publishers),
          new Field("franchises", EnrichedGame::franchises),
          new Field("collections", EnrichedGame::collections),
          new Field("game_engines", EnrichedGame::gameEngines),
          new Field("cover_image_id", EnrichedGame::coverImageId),
          new Field("cover_url", EnrichedGame::coverUrl),
          new Field("similar_games", EnrichedGame::similarGames),
          new Field("missing_references", EnrichedGame::missingReferences));

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long NULL_HASH = 0x9E3779B97F4A7C15L;

  /** The hash of an empty list, whatever its element type. */
  private static final long EMPTY_LIST_HASH = mix(FNV_OFFSET ^ '[', 0);

  private ContentFingerprint() {}

  /**
   * One hash per entry of {@link #FIELDS}: the same values as hashing each field's accessor in
   * turn, written out field by field (no megamorphic accessor calls on the hot path; {@code
   * ContentFingerprintTest} holds it to the generic walk).
   */
  @SuppressWarnings("unchecked")
  public static long[] fieldHashes(EnrichedGame d) {
    // strings and lists in loops: one inlined string hash and one list hash, where thirty-seven
    // calls written out (each inlining a hash) made this one of the largest methods the JIT
    // compiled in a streams run
    long[] h = new long[FIELD_COUNT];
    String[] strings = {
      d.name(),
      d.slug(),
      d.summary(),
      d.storyline(),
      d.url(),
      d.gameType(),
      d.gameStatus(),
      d.versionTitle(),
      d.coverImageId(),
      d.coverUrl()
    };
    for (int i = 0; i < strings.length; i++) {
      h[STRING_SLOTS[i]] = hash(strings[i]);
    }
    h[5] = hash(d.firstReleaseDate());
    h[6] = hash(d.releaseYear());
    h[7] = hash(d.createdAt());
    h[8] = hash(d.rating());
    h[9] = hash(d.ratingCount());
    h[10] = hash(d.aggregatedRating());
    h[11] = hash(d.aggregatedRatingCount());
    h[12] = hash(d.totalRating());
    h[13] = hash(d.totalRatingCount());
    h[14] = hash(d.hypes());
    h[15] = hash(d.gameTypeId());
    h[17] = hash(d.gameStatusId());
    h[19] = hash(d.parentGameId());
    h[20] = hash(d.versionParentId());
    List<?>[] lists = {
      d.genres(),
      d.themes(),
      d.gameModes(),
      d.playerPerspectives(),
      d.platforms(),
      d.keywords(),
      d.developers(),
      d.publishers(),
      d.franchises(),
      d.collections(),
      d.gameEngines(),
      d.missingReferences()
    };
    for (int i = 0; i < lists.length; i++) {
      h[LIST_SLOTS[i]] = hashStrings((List<String>) lists[i]);
    }
    h[35] = hashLongs(d.similarGames());
    return h;
  }

  /** Where {@link #fieldHashes} puts the hash of each of its strings and string lists. */
  private static final int[] STRING_SLOTS = {0, 1, 2, 3, 4, 16, 18, 21, 33, 34};

  private static final int[] LIST_SLOTS = {22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 36};

  private static long hash(Long v) {
    return v == null ? NULL_HASH : mix(FNV_OFFSET ^ 'l', v);
  }

  private static long hash(Integer v) {
    return v == null ? NULL_HASH : mix(FNV_OFFSET ^ 'i', v);
  }

  private static long hash(Double v) {
    return v == null ? NULL_HASH : mix(FNV_OFFSET ^ 'd', Double.doubleToLongBits(v));
  }

  private static long hash(Instant t) {
    return t == null ? NULL_HASH : mix(mix(FNV_OFFSET ^ 't', t.getEpochSecond()), t.getNano());
  }

  /** The generic walk over {@link #FIELDS} that {@link #fieldHashes} writes out. */
  static long[] fieldHashesByAccessors(EnrichedGame doc) {
    long[] hashes = new long[FIELDS.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = hash(FIELDS.get(i).value().apply(doc));
    }
    return hashes;
  }

  /** The content hash (16 hex digits) of a document's field hashes. */
  public static String contentHash(long[] fieldHashes) {
    long h = FNV_OFFSET;
    for (long f : fieldHashes) {
      h = mix(h, f);
    }
    String hex = Long.toHexString(h);
    return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
  }

  /** Names of the fields whose hash differs; every field when the layouts differ. */
  public static List<String> changedFields(long[] before, long[] after) {
    List<String> changed = new ArrayList<>();
    boolean comparable = before != null && before.length == after.length;
    for (int i = 0; i < after.length; i++) {
      if (!comparable || before[i] != after[i]) {
        changed.add(FIELDS.get(i).name());
      }
    }
    return changed;
  }

  /**
   * Names of the fields that are set (not null, not an empty list), from the document's {@link
   * #fieldHashes}: a null field hashes to one constant and an empty list to another, which no other
   * value meets but by a 64-bit collision (the same odds {@link #changedFields} takes). Cheaper
   * than reading the 37 fields again; {@code ContentFingerprintTest} holds it to the generic walk
   * over the fields.
   */
  public static List<String> nonEmptyFields(long[] fieldHashes) {
    String[] names = new String[fieldHashes.length];
    int n = 0;
    for (int i = 0; i < fieldHashes.length; i++) {
      long h = fieldHashes[i];
      if (h != NULL_HASH && h != EMPTY_LIST_HASH) {
        names[n++] = NAMES[i];
      }
    }
    // immutable, so that the change event keeps it as it is (List.copyOf of an immutable list)
    return List.of(n == names.length ? names : Arrays.copyOf(names, n));
  }

  /** The generic walk over {@link #FIELDS} that {@link #nonEmptyFields} stands for. */
  static List<String> nonEmptyFieldsByAccessors(EnrichedGame doc) {
    List<String> names = new ArrayList<>();
    for (Field f : FIELDS) {
      Object v = f.value().apply(doc);
      if (v != null && !(v instanceof Collection<?> c && c.isEmpty())) {
        names.add(f.name());
      }
    }
    return names;
  }

  private static final int FIELD_COUNT = FIELDS.size();

  private static final String[] NAMES = FIELDS.stream().map(Field::name).toArray(String[]::new);

  private static long hash(String s) {
    if (s == null) {
      return NULL_HASH;
    }
    long h = FNV_OFFSET ^ 's';
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME;
    }
    return mix(h, s.length());
  }

  private static long hashStrings(List<String> list) {
    if (list == null) {
      return NULL_HASH;
    }
    long h = FNV_OFFSET ^ '[';
    for (int i = 0; i < list.size(); i++) {
      h = mix(h, hash(list.get(i)));
    }
    return mix(h, list.size());
  }

  private static long hashLongs(List<Long> list) {
    if (list == null) {
      return NULL_HASH;
    }
    long h = FNV_OFFSET ^ '[';
    for (int i = 0; i < list.size(); i++) {
      Long v = list.get(i);
      h = mix(h, v == null ? NULL_HASH : mix(FNV_OFFSET ^ 'l', v));
    }
    return mix(h, list.size());
  }

  static long hash(Object value) {
    if (value == null) {
      return NULL_HASH;
    }
    if (value instanceof String s) {
      return hash(s);
    }
    if (value instanceof Long l) {
      return hash(l);
    }
    if (value instanceof Integer i) {
      return hash(i);
    }
    if (value instanceof Double d) {
      return hash(d);
    }
    if (value instanceof Instant t) {
      return hash(t);
    }
    if (value instanceof List<?> list) {
      long h = FNV_OFFSET ^ '[';
      for (Object o : list) {
        h = mix(h, hash(o));
      }
      return mix(h, list.size());
    }
    throw new IllegalArgumentException("cannot fingerprint " + value.getClass());
  }

  private static long mix(long h, long v) {
    for (int i = 0; i < 8; i++) {
      h = (h ^ (v & 0xff)) * FNV_PRIME;
      v >>>= 8;
    }
    return h;
  }
}
