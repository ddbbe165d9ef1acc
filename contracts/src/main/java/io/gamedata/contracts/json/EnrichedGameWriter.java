package io.gamedata.contracts.json;

import static io.gamedata.contracts.json.JsonWriting.instant;
import static io.gamedata.contracts.json.JsonWriting.longs;
import static io.gamedata.contracts.json.JsonWriting.name;
import static io.gamedata.contracts.json.JsonWriting.number;
import static io.gamedata.contracts.json.JsonWriting.string;
import static io.gamedata.contracts.json.JsonWriting.strings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import io.gamedata.contracts.enriched.EnrichedGame;
import java.io.IOException;

/**
 * A streaming writer of the {@link EnrichedGame} document: the same bytes as {@code
 * Json.mapper().writeValueAsBytes(doc)} (component order, snake_case names, nulls left out, empty
 * lists written, instants as ISO-8601 strings), several times faster.
 */
public final class EnrichedGameWriter {

  private static final SerializableString SCHEMA_VERSION = name("schema_version");
  private static final SerializableString ID = name("id");
  private static final SerializableString NAME = name("name");
  private static final SerializableString SLUG = name("slug");
  private static final SerializableString SUMMARY = name("summary");
  private static final SerializableString STORYLINE = name("storyline");
  private static final SerializableString URL = name("url");
  private static final SerializableString FIRST_RELEASE_DATE = name("first_release_date");
  private static final SerializableString RELEASE_YEAR = name("release_year");
  private static final SerializableString CREATED_AT = name("created_at");
  private static final SerializableString UPDATED_AT = name("updated_at");
  private static final SerializableString RATING = name("rating");
  private static final SerializableString RATING_COUNT = name("rating_count");
  private static final SerializableString AGGREGATED_RATING = name("aggregated_rating");
  private static final SerializableString AGGREGATED_RATING_COUNT = name("aggregated_rating_count");
  private static final SerializableString TOTAL_RATING = name("total_rating");
  private static final SerializableString TOTAL_RATING_COUNT = name("total_rating_count");
  private static final SerializableString HYPES = name("hypes");
  private static final SerializableString GAME_TYPE_ID = name("game_type_id");
  private static final SerializableString GAME_TYPE = name("game_type");
  private static final SerializableString GAME_STATUS_ID = name("game_status_id");
  private static final SerializableString GAME_STATUS = name("game_status");
  private static final SerializableString PARENT_GAME_ID = name("parent_game_id");
  private static final SerializableString VERSION_PARENT_ID = name("version_parent_id");
  private static final SerializableString VERSION_TITLE = name("version_title");
  private static final SerializableString GENRES = name("genres");
  private static final SerializableString THEMES = name("themes");
  private static final SerializableString GAME_MODES = name("game_modes");
  private static final SerializableString PLAYER_PERSPECTIVES = name("player_perspectives");
  private static final SerializableString PLATFORMS = name("platforms");
  private static final SerializableString KEYWORDS = name("keywords");
  private static final SerializableString DEVELOPERS = name("developers");
  private static final SerializableString PUBLISHERS = name("publishers");
  private static final SerializableString FRANCHISES = name("franchises");
  private static final SerializableString COLLECTIONS = name("collections");
  private static final SerializableString GAME_ENGINES = name("game_engines");
  private static final SerializableString COVER_IMAGE_ID = name("cover_image_id");
  private static final SerializableString COVER_URL = name("cover_url");
  private static final SerializableString SIMILAR_GAMES = name("similar_games");
  private static final SerializableString MISSING_REFERENCES = name("missing_references");
  private static final SerializableString SOURCE_CHECKSUM = name("source_checksum");
  private static final SerializableString CONTENT_HASH = name("content_hash");

  private EnrichedGameWriter() {}

  /** The document as UTF-8 JSON. */
  public static byte[] write(EnrichedGame doc) {
    return JsonWriting.toBytes(doc, EnrichedGameWriter::body);
  }

  private static void body(JsonGenerator g, EnrichedGame d) throws IOException {
    g.writeFieldName(SCHEMA_VERSION);
    g.writeNumber(d.schemaVersion());
    g.writeFieldName(ID);
    g.writeNumber(d.id());
    string(g, NAME, d.name());
    string(g, SLUG, d.slug());
    string(g, SUMMARY, d.summary());
    string(g, STORYLINE, d.storyline());
    string(g, URL, d.url());
    instant(g, FIRST_RELEASE_DATE, d.firstReleaseDate());
    number(g, RELEASE_YEAR, d.releaseYear());
    instant(g, CREATED_AT, d.createdAt());
    instant(g, UPDATED_AT, d.updatedAt());
    number(g, RATING, d.rating());
    number(g, RATING_COUNT, d.ratingCount());
    number(g, AGGREGATED_RATING, d.aggregatedRating());
    number(g, AGGREGATED_RATING_COUNT, d.aggregatedRatingCount());
    number(g, TOTAL_RATING, d.totalRating());
    number(g, TOTAL_RATING_COUNT, d.totalRatingCount());
    number(g, HYPES, d.hypes());
    number(g, GAME_TYPE_ID, d.gameTypeId());
    string(g, GAME_TYPE, d.gameType());
    number(g, GAME_STATUS_ID, d.gameStatusId());
    string(g, GAME_STATUS, d.gameStatus());
    number(g, PARENT_GAME_ID, d.parentGameId());
    number(g, VERSION_PARENT_ID, d.versionParentId());
    string(g, VERSION_TITLE, d.versionTitle());
    strings(g, GENRES, d.genres());
    strings(g, THEMES, d.themes());
    strings(g, GAME_MODES, d.gameModes());
    strings(g, PLAYER_PERSPECTIVES, d.playerPerspectives());
    strings(g, PLATFORMS, d.platforms());
    strings(g, KEYWORDS, d.keywords());
    strings(g, DEVELOPERS, d.developers());
    strings(g, PUBLISHERS, d.publishers());
    strings(g, FRANCHISES, d.franchises());
    strings(g, COLLECTIONS, d.collections());
    strings(g, GAME_ENGINES, d.gameEngines());
    string(g, COVER_IMAGE_ID, d.coverImageId());
    string(g, COVER_URL, d.coverUrl());
    longs(g, SIMILAR_GAMES, d.similarGames());
    strings(g, MISSING_REFERENCES, d.missingReferences());
    string(g, SOURCE_CHECKSUM, d.sourceChecksum());
    string(g, CONTENT_HASH, d.contentHash());
  }
}
