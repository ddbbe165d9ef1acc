package io.gamedata.contracts.enriched;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * The enriched game document, version 1: the value of the compacted {@code games.enriched} topic
 * (key = game id). Names instead of ids, instants as timestamps, lists never null, so that it maps
 * one to one onto a BigQuery row (TIMESTAMP, REPEATED STRING, INT64, FLOAT64). The JSON Schema is
 * published as {@value #SCHEMA_RESOURCE}; field names are snake_case on the wire.
 *
 * <p>Compatibility: v1 consumers must ignore fields they do not know; new optional fields may be
 * added within v1; removing or retyping a field needs a v2 document and topic.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EnrichedGame(
    int schemaVersion,
    long id,
    String name,
    String slug,
    String summary,
    String storyline,
    String url,
    Instant firstReleaseDate,
    Integer releaseYear,
    Instant createdAt,
    Instant updatedAt,
    Double rating,
    Integer ratingCount,
    Double aggregatedRating,
    Integer aggregatedRatingCount,
    Double totalRating,
    Integer totalRatingCount,
    Integer hypes,
    Long gameTypeId,
    String gameType,
    Long gameStatusId,
    String gameStatus,
    Long parentGameId,
    Long versionParentId,
    String versionTitle,
    List<String> genres,
    List<String> themes,
    List<String> gameModes,
    List<String> playerPerspectives,
    List<String> platforms,
    List<String> keywords,
    List<String> developers,
    List<String> publishers,
    List<String> franchises,
    List<String> collections,
    List<String> gameEngines,
    String coverImageId,
    String coverUrl,
    List<Long> similarGames,
    List<String> missingReferences,
    String sourceChecksum,
    String contentHash) {

  public static final int SCHEMA_VERSION = 1;

  /** Class-path location of the published JSON Schema of this document. */
  public static final String SCHEMA_RESOURCE = "/schemas/enriched-game-v1.schema.json";

  @SuppressWarnings("unchecked")
  public EnrichedGame {
    // null -> empty, else an immutable copy (the same list when it is one already), in one loop:
    // thirteen List.copyOf calls inlined side by side made this constructor the largest method the
    // JIT compiles in a streams run (~65 KB of machine code, ~1 s of C2 time per cold run)
    List<?>[] lists = {
      genres,
      themes,
      gameModes,
      playerPerspectives,
      platforms,
      keywords,
      developers,
      publishers,
      franchises,
      collections,
      gameEngines,
      similarGames,
      missingReferences
    };
    for (int i = 0; i < lists.length; i++) {
      lists[i] = lists[i] == null ? List.of() : List.copyOf(lists[i]);
    }
    genres = (List<String>) lists[0];
    themes = (List<String>) lists[1];
    gameModes = (List<String>) lists[2];
    playerPerspectives = (List<String>) lists[3];
    platforms = (List<String>) lists[4];
    keywords = (List<String>) lists[5];
    developers = (List<String>) lists[6];
    publishers = (List<String>) lists[7];
    franchises = (List<String>) lists[8];
    collections = (List<String>) lists[9];
    gameEngines = (List<String>) lists[10];
    similarGames = (List<Long>) lists[11];
    missingReferences = (List<String>) lists[12];
  }

  /** A builder starting from an id, for tests, generators and the enricher. */
  public static Builder builder(long id) {
    return new Builder(id);
  }

  /** This document with {@code hash} as its content hash (the same lists, not copied again). */
  public EnrichedGame withContentHash(String hash) {
    return new EnrichedGame(
        schemaVersion,
        id,
        name,
        slug,
        summary,
        storyline,
        url,
        firstReleaseDate,
        releaseYear,
        createdAt,
        updatedAt,
        rating,
        ratingCount,
        aggregatedRating,
        aggregatedRatingCount,
        totalRating,
        totalRatingCount,
        hypes,
        gameTypeId,
        gameType,
        gameStatusId,
        gameStatus,
        parentGameId,
        versionParentId,
        versionTitle,
        genres,
        themes,
        gameModes,
        playerPerspectives,
        platforms,
        keywords,
        developers,
        publishers,
        franchises,
        collections,
        gameEngines,
        coverImageId,
        coverUrl,
        similarGames,
        missingReferences,
        sourceChecksum,
        hash);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Mutable builder; every setter returns the builder. */
  public static final class Builder {
    private long id;
    private String name;
    private String slug;
    private String summary;
    private String storyline;
    private String url;
    private Instant firstReleaseDate;
    private Integer releaseYear;
    private Instant createdAt;
    private Instant updatedAt;
    private Double rating;
    private Integer ratingCount;
    private Double aggregatedRating;
    private Integer aggregatedRatingCount;
    private Double totalRating;
    private Integer totalRatingCount;
    private Integer hypes;
    private Long gameTypeId;
    private String gameType;
    private Long gameStatusId;
    private String gameStatus;
    private Long parentGameId;
    private Long versionParentId;
    private String versionTitle;
    private List<String> genres;
    private List<String> themes;
    private List<String> gameModes;
    private List<String> playerPerspectives;
    private List<String> platforms;
    private List<String> keywords;
    private List<String> developers;
    private List<String> publishers;
    private List<String> franchises;
    private List<String> collections;
    private List<String> gameEngines;
    private String coverImageId;
    private String coverUrl;
    private List<Long> similarGames;
    private List<String> missingReferences;
    private String sourceChecksum;
    private String contentHash;

    private Builder(long id) {
      this.id = id;
    }

    private Builder(EnrichedGame g) {
      id = g.id;
      name = g.name;
      slug = g.slug;
      summary = g.summary;
      storyline = g.storyline;
      url = g.url;
      firstReleaseDate = g.firstReleaseDate;
      releaseYear = g.releaseYear;
      createdAt = g.createdAt;
      updatedAt = g.updatedAt;
      rating = g.rating;
      ratingCount = g.ratingCount;
      aggregatedRating = g.aggregatedRating;
      aggregatedRatingCount = g.aggregatedRatingCount;
      totalRating = g.totalRating;
      totalRatingCount = g.totalRatingCount;
      hypes = g.hypes;
      gameTypeId = g.gameTypeId;
      gameType = g.gameType;
      gameStatusId = g.gameStatusId;
      gameStatus = g.gameStatus;
      parentGameId = g.parentGameId;
      versionParentId = g.versionParentId;
      versionTitle = g.versionTitle;
      genres = g.genres;
      themes = g.themes;
      gameModes = g.gameModes;
      playerPerspectives = g.playerPerspectives;
      platforms = g.platforms;
      keywords = g.keywords;
      developers = g.developers;
      publishers = g.publishers;
      franchises = g.franchises;
      collections = g.collections;
      gameEngines = g.gameEngines;
      coverImageId = g.coverImageId;
      coverUrl = g.coverUrl;
      similarGames = g.similarGames;
      missingReferences = g.missingReferences;
      sourceChecksum = g.sourceChecksum;
      contentHash = g.contentHash;
    }

    public Builder id(long v) {
      id = v;
      return this;
    }

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder slug(String v) {
      slug = v;
      return this;
    }

    public Builder summary(String v) {
      summary = v;
      return this;
    }

    public Builder storyline(String v) {
      storyline = v;
      return this;
    }

    public Builder url(String v) {
      url = v;
      return this;
    }

    public Builder firstReleaseDate(Instant v) {
      firstReleaseDate = v;
      return this;
    }

    public Builder releaseYear(Integer v) {
      releaseYear = v;
      return this;
    }

    public Builder createdAt(Instant v) {
      createdAt = v;
      return this;
    }

    public Builder updatedAt(Instant v) {
      updatedAt = v;
      return this;
    }

    public Builder rating(Double v) {
      rating = v;
      return this;
    }

    public Builder ratingCount(Integer v) {
      ratingCount = v;
      return this;
    }

    public Builder aggregatedRating(Double v) {
      aggregatedRating = v;
      return this;
    }

    public Builder aggregatedRatingCount(Integer v) {
      aggregatedRatingCount = v;
      return this;
    }

    public Builder totalRating(Double v) {
      totalRating = v;
      return this;
    }

    public Builder totalRatingCount(Integer v) {
      totalRatingCount = v;
      return this;
    }

    public Builder hypes(Integer v) {
      hypes = v;
      return this;
    }

    public Builder gameTypeId(Long v) {
      gameTypeId = v;
      return this;
    }

    public Builder gameType(String v) {
      gameType = v;
      return this;
    }

    public Builder gameStatusId(Long v) {
      gameStatusId = v;
      return this;
    }

    public Builder gameStatus(String v) {
      gameStatus = v;
      return this;
    }

    public Builder parentGameId(Long v) {
      parentGameId = v;
      return this;
    }

    public Builder versionParentId(Long v) {
      versionParentId = v;
      return this;
    }

    public Builder versionTitle(String v) {
      versionTitle = v;
      return this;
    }

    public Builder genres(List<String> v) {
      genres = v;
      return this;
    }

    public Builder themes(List<String> v) {
      themes = v;
      return this;
    }

    public Builder gameModes(List<String> v) {
      gameModes = v;
      return this;
    }

    public Builder playerPerspectives(List<String> v) {
      playerPerspectives = v;
      return this;
    }

    public Builder platforms(List<String> v) {
      platforms = v;
      return this;
    }

    public Builder keywords(List<String> v) {
      keywords = v;
      return this;
    }

    public Builder developers(List<String> v) {
      developers = v;
      return this;
    }

    public Builder publishers(List<String> v) {
      publishers = v;
      return this;
    }

    public Builder franchises(List<String> v) {
      franchises = v;
      return this;
    }

    public Builder collections(List<String> v) {
      collections = v;
      return this;
    }

    public Builder gameEngines(List<String> v) {
      gameEngines = v;
      return this;
    }

    public Builder coverImageId(String v) {
      coverImageId = v;
      return this;
    }

    public Builder coverUrl(String v) {
      coverUrl = v;
      return this;
    }

    public Builder similarGames(List<Long> v) {
      similarGames = v;
      return this;
    }

    public Builder missingReferences(List<String> v) {
      missingReferences = v;
      return this;
    }

    public Builder sourceChecksum(String v) {
      sourceChecksum = v;
      return this;
    }

    public Builder contentHash(String v) {
      contentHash = v;
      return this;
    }

    public EnrichedGame build() {
      return new EnrichedGame(
          SCHEMA_VERSION,
          id,
          name,
          slug,
          summary,
          storyline,
          url,
          firstReleaseDate,
          releaseYear,
          createdAt,
          updatedAt,
          rating,
          ratingCount,
          aggregatedRating,
          aggregatedRatingCount,
          totalRating,
          totalRatingCount,
          hypes,
          gameTypeId,
          gameType,
          gameStatusId,
          gameStatus,
          parentGameId,
          versionParentId,
          versionTitle,
          genres,
          themes,
          gameModes,
          playerPerspectives,
          platforms,
          keywords,
          developers,
          publishers,
          franchises,
          collections,
          gameEngines,
          coverImageId,
          coverUrl,
          similarGames,
          missingReferences,
          sourceChecksum,
          contentHash);
    }
  }
}
