package io.gamedata.contracts.json;

import static io.gamedata.contracts.json.JsonBytes.name;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming writer of the {@link EnrichedGame} document: the same bytes as {@code
 * Json.mapper().writeValueAsBytes(doc)} (component order, snake_case names, nulls left out, empty
 * lists written, instants as ISO-8601 strings), written straight into bytes by {@link JsonBytes}.
 */
public final class EnrichedGameWriter {

  private static final byte[] SCHEMA_VERSION = name("schema_version");
  private static final byte[] ID = name("id");
  private static final byte[] NAME = name("name");
  private static final byte[] SLUG = name("slug");
  private static final byte[] SUMMARY = name("summary");
  private static final byte[] STORYLINE = name("storyline");
  private static final byte[] URL = name("url");
  private static final byte[] FIRST_RELEASE_DATE = name("first_release_date");
  private static final byte[] RELEASE_YEAR = name("release_year");
  private static final byte[] CREATED_AT = name("created_at");
  private static final byte[] UPDATED_AT = name("updated_at");
  private static final byte[] RATING = name("rating");
  private static final byte[] RATING_COUNT = name("rating_count");
  private static final byte[] AGGREGATED_RATING = name("aggregated_rating");
  private static final byte[] AGGREGATED_RATING_COUNT = name("aggregated_rating_count");
  private static final byte[] TOTAL_RATING = name("total_rating");
  private static final byte[] TOTAL_RATING_COUNT = name("total_rating_count");
  private static final byte[] HYPES = name("hypes");
  private static final byte[] GAME_TYPE_ID = name("game_type_id");
  private static final byte[] GAME_TYPE = name("game_type");
  private static final byte[] GAME_STATUS_ID = name("game_status_id");
  private static final byte[] GAME_STATUS = name("game_status");
  private static final byte[] PARENT_GAME_ID = name("parent_game_id");
  private static final byte[] VERSION_PARENT_ID = name("version_parent_id");
  private static final byte[] VERSION_TITLE = name("version_title");
  private static final byte[] GENRES = name("genres");
  private static final byte[] THEMES = name("themes");
  private static final byte[] GAME_MODES = name("game_modes");
  private static final byte[] PLAYER_PERSPECTIVES = name("player_perspectives");
  private static final byte[] PLATFORMS = name("platforms");
  private static final byte[] KEYWORDS = name("keywords");
  private static final byte[] DEVELOPERS = name("developers");
  private static final byte[] PUBLISHERS = name("publishers");
  private static final byte[] FRANCHISES = name("franchises");
  private static final byte[] COLLECTIONS = name("collections");
  private static final byte[] GAME_ENGINES = name("game_engines");
  private static final byte[] COVER_IMAGE_ID = name("cover_image_id");
  private static final byte[] COVER_URL = name("cover_url");
  private static final byte[] SIMILAR_GAMES = name("similar_games");
  private static final byte[] MISSING_REFERENCES = name("missing_references");
  private static final byte[] SOURCE_CHECKSUM = name("source_checksum");
  private static final byte[] CONTENT_HASH = name("content_hash");

  /**
   * Every JSON member name of the document, quoted as a string value: {@code "name"}; keyed by
   * identity: the change events' field lists hold these very (interned literal) strings, and an
   * identity lookup skips a hash map's node walk (which showed in the profiles).
   */
  static final Map<String, byte[]> QUOTED_NAMES = new IdentityHashMap<>();

  static {
    for (String n :
        new String[] {
          "schema_version",
          "id",
          "name",
          "slug",
          "summary",
          "storyline",
          "url",
          "first_release_date",
          "release_year",
          "created_at",
          "updated_at",
          "rating",
          "rating_count",
          "aggregated_rating",
          "aggregated_rating_count",
          "total_rating",
          "total_rating_count",
          "hypes",
          "game_type_id",
          "game_type",
          "game_status_id",
          "game_status",
          "parent_game_id",
          "version_parent_id",
          "version_title",
          "genres",
          "themes",
          "game_modes",
          "player_perspectives",
          "platforms",
          "keywords",
          "developers",
          "publishers",
          "franchises",
          "collections",
          "game_engines",
          "cover_image_id",
          "cover_url",
          "similar_games",
          "missing_references",
          "source_checksum",
          "content_hash"
        }) {
      QUOTED_NAMES.put(n, JsonBytes.quoted(n));
    }
  }

  private EnrichedGameWriter() {}

  /** The document as UTF-8 JSON. */
  private static final byte[][] TEXT_NAMES = {NAME, SLUG, SUMMARY, STORYLINE, URL};

  private static final byte[][] LIST_NAMES = {
    GENRES,
    THEMES,
    GAME_MODES,
    PLAYER_PERSPECTIVES,
    PLATFORMS,
    KEYWORDS,
    DEVELOPERS,
    PUBLISHERS,
    FRANCHISES,
    COLLECTIONS,
    GAME_ENGINES
  };

  @SuppressWarnings("unchecked")
  public static byte[] write(EnrichedGame d) {
    JsonBytes g = JsonBytes.start();
    g.name(SCHEMA_VERSION);
    g.number(d.schemaVersion());
    g.name(ID);
    g.number(d.id());
    // runs of strings and lists in loops: forty writes written out, each inlined, made this one of
    // the largest methods the JIT compiled in a streams run; the bytes are the same
    String[] texts = {d.name(), d.slug(), d.summary(), d.storyline(), d.url()};
    for (int i = 0; i < texts.length; i++) {
      g.string(TEXT_NAMES[i], texts[i]);
    }
    g.instant(FIRST_RELEASE_DATE, d.firstReleaseDate());
    g.number(RELEASE_YEAR, d.releaseYear());
    g.instant(CREATED_AT, d.createdAt());
    g.instant(UPDATED_AT, d.updatedAt());
    g.number(RATING, d.rating());
    g.number(RATING_COUNT, d.ratingCount());
    g.number(AGGREGATED_RATING, d.aggregatedRating());
    g.number(AGGREGATED_RATING_COUNT, d.aggregatedRatingCount());
    g.number(TOTAL_RATING, d.totalRating());
    g.number(TOTAL_RATING_COUNT, d.totalRatingCount());
    g.number(HYPES, d.hypes());
    g.number(GAME_TYPE_ID, d.gameTypeId());
    g.string(GAME_TYPE, d.gameType());
    g.number(GAME_STATUS_ID, d.gameStatusId());
    g.string(GAME_STATUS, d.gameStatus());
    g.number(PARENT_GAME_ID, d.parentGameId());
    g.number(VERSION_PARENT_ID, d.versionParentId());
    g.string(VERSION_TITLE, d.versionTitle());
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
      d.gameEngines()
    };
    for (int i = 0; i < lists.length; i++) {
      g.strings(LIST_NAMES[i], (List<String>) lists[i]);
    }
    g.string(COVER_IMAGE_ID, d.coverImageId());
    g.string(COVER_URL, d.coverUrl());
    g.longs(SIMILAR_GAMES, d.similarGames());
    g.strings(MISSING_REFERENCES, d.missingReferences());
    g.string(SOURCE_CHECKSUM, d.sourceChecksum());
    g.string(CONTENT_HASH, d.contentHash());
    return g.finish();
  }
}
