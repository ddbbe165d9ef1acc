package io.gamedata.simulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.igdb.IgdbGame;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class GameBuilder {
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
    String checksum = Checksums.ofJson(make(null, null));
    return make(checksum, updatedAt);
  }
}
