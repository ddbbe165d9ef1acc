package io.gamedata.contracts.igdb;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record of {@code /v4/games} as fetched with {@code fields *}, references as ids. Accepts the
 * current schema ({@code game_type}, {@code game_status}, {@code collections}) and the pre-2025 one
 * (deprecated {@code category}, {@code status}, {@code collection}, {@code follows}); fields not
 * named here land in {@link #other()} and are written back unchanged.
 */
public record IgdbGame(
    @JsonProperty(value = "id", required = true) long id,
    @JsonProperty("name") String name,
    @JsonProperty("slug") String slug,
    @JsonProperty("summary") String summary,
    @JsonProperty("storyline") String storyline,
    @JsonProperty("url") String url,
    @JsonProperty("checksum") String checksum,
    @JsonProperty("version_title") String versionTitle,
    @JsonProperty("first_release_date") Long firstReleaseDate,
    @JsonProperty("created_at") Long createdAt,
    @JsonProperty("updated_at") Long updatedAt,
    @JsonProperty("rating") Double rating,
    @JsonProperty("rating_count") Integer ratingCount,
    @JsonProperty("aggregated_rating") Double aggregatedRating,
    @JsonProperty("aggregated_rating_count") Integer aggregatedRatingCount,
    @JsonProperty("total_rating") Double totalRating,
    @JsonProperty("total_rating_count") Integer totalRatingCount,
    @JsonProperty("hypes") Integer hypes,
    @JsonProperty("cover") Long cover,
    @JsonProperty("game_type") Long gameType,
    @JsonProperty("game_status") Long gameStatus,
    @JsonProperty("parent_game") Long parentGame,
    @JsonProperty("version_parent") Long versionParent,
    @JsonProperty("franchise") Long franchise,
    @JsonProperty("genres") List<Long> genres,
    @JsonProperty("themes") List<Long> themes,
    @JsonProperty("keywords") List<Long> keywords,
    @JsonProperty("game_modes") List<Long> gameModes,
    @JsonProperty("player_perspectives") List<Long> playerPerspectives,
    @JsonProperty("platforms") List<Long> platforms,
    @JsonProperty("involved_companies") List<Long> involvedCompanies,
    @JsonProperty("franchises") List<Long> franchises,
    @JsonProperty("collections") List<Long> collections,
    @JsonProperty("game_engines") List<Long> gameEngines,
    @JsonProperty("similar_games") List<Long> similarGames,
    @JsonProperty("dlcs") List<Long> dlcs,
    @JsonProperty("expansions") List<Long> expansions,
    @JsonProperty("bundles") List<Long> bundles,
    /** Deprecated by IGDB in 2025 (use game_type); still present in older records. */
    @JsonProperty("category") Integer category,
    /** Deprecated by IGDB in 2025 (use game_status); still present in older records. */
    @JsonProperty("status") Integer status,
    /** Deprecated by IGDB in 2025 (use collections); still present in older records. */
    @JsonProperty("collection") Long collection,
    /** Deprecated by IGDB; still present in older records. */
    @JsonProperty("follows") Integer follows,
    @JsonIgnore Map<String, JsonNode> other)
    implements IgdbRecord {

  /** Names of the deprecated fields of the pre-2025 schema. */
  public static final List<String> DEPRECATED_FIELDS =
      List.of("category", "status", "collection", "follows");

  public IgdbGame {
    other = other == null ? new LinkedHashMap<>() : other;
  }

  @JsonAnySetter
  void putOther(String field, JsonNode value) {
    other.put(field, value);
  }

  @JsonAnyGetter
  @Override
  public Map<String, JsonNode> other() {
    return other;
  }

  /**
   * The game type id, falling back to the deprecated {@code category} of pre-2025 records (whose
   * values IGDB carried over unchanged to {@code game_type}).
   */
  @JsonIgnore
  public Long effectiveGameType() {
    if (gameType != null) {
      return gameType;
    }
    return category == null ? null : category.longValue();
  }

  /** Collections, with the deprecated single {@code collection} of older records merged in. */
  @JsonIgnore
  public List<Long> effectiveCollections() {
    if (collection == null || (collections != null && collections.contains(collection))) {
      return collections == null ? List.of() : collections;
    }
    var merged = new java.util.ArrayList<Long>();
    merged.add(collection);
    if (collections != null) {
      merged.addAll(collections);
    }
    return List.copyOf(merged);
  }

  /** A copy with another {@code updated_at}, as IGDB's "touches" do. */
  public IgdbGame withUpdatedAt(Long newUpdatedAt) {
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
        newUpdatedAt,
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
        new LinkedHashMap<>(other));
  }
}
