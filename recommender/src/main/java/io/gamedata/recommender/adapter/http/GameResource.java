package io.gamedata.recommender.adapter.http;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.http.Exchange;
import io.gamedata.http.HttpError;
import io.gamedata.http.Responses;
import io.gamedata.recommender.engine.Query;
import io.gamedata.recommender.engine.ScoredGame;
import io.gamedata.recommender.engine.SimilarityEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** {@code GET /api/games/{id}}, {@code GET /api/games/{id}/similar} and {@code GET /api/search}. */
final class GameResource {

  static final Set<String> SIMILAR_PARAMS =
      Set.of(
          "limit",
          "platform",
          "yearFrom",
          "yearTo",
          "gameTypes",
          "excludeFranchise",
          "excludeCollection",
          "maxPerFranchise",
          "includeVariants",
          "explain");
  static final Set<String> SEARCH_PARAMS = Set.of("q", "limit");

  private final SimilarityEngine engine;
  private final ApiSettings settings;
  private final ResultJson results;

  GameResource(SimilarityEngine engine, ApiSettings settings, ResultJson results) {
    this.engine = engine;
    this.settings = settings;
    this.results = results;
  }

  void game(Exchange ctx) {
    long id = gameId(ctx.pathParam("id"));
    new QueryParams(ctx.queryString()).onlyKnown(Set.of());
    EnrichedGame g = engine.game(id).orElseThrow(() -> unknown(id));
    Responses.json(ctx, 200, g, Json.mapper());
  }

  void similar(Exchange ctx) throws IOException {
    long id = gameId(ctx.pathParam("id"));
    QueryParams q = new QueryParams(ctx.queryString());
    q.onlyKnown(SIMILAR_PARAMS);
    int limit = QueryFilters.limit(q.integer("limit", 1, settings.maxLimit()), settings);
    Query query =
        QueryFilters.query(
            q.set("platform", QueryFilters.MAX_FILTER_VALUES),
            q.integer("yearFrom", 0, 3000),
            q.integer("yearTo", 0, 3000),
            q.set("gameTypes", QueryFilters.MAX_FILTER_VALUES),
            q.bool("excludeFranchise", false),
            q.bool("excludeCollection", false),
            q.integer("maxPerFranchise", 0, 1000),
            q.bool("includeVariants", false));
    boolean explain = q.bool("explain", true);
    EnrichedGame g = engine.game(id).orElseThrow(() -> unknown(id));
    List<ScoredGame> found;
    try {
      // up to K' results come from the stored list (for filters that keep enough of it)
      found = TieBreak.top(engine, n -> engine.similar(id, query, n), limit, settings.listSize());
    } catch (NoSuchElementException e) {
      throw unknown(id); // deleted meanwhile
    }
    Responses.json(ctx, 200, results.similar(g, engine.idfGeneration(), found, explain));
  }

  void search(Exchange ctx) {
    QueryParams q = new QueryParams(ctx.queryString());
    q.onlyKnown(SEARCH_PARAMS);
    String text = q.string("q");
    if (text == null || text.isBlank()) {
      throw HttpError.badParameter("q", "q (a name prefix) is required");
    }
    if (text.length() > 200) {
      throw HttpError.badParameter("q", "q must be at most 200 characters");
    }
    int limit = QueryFilters.limit(q.integer("limit", 1, settings.maxLimit()), settings);
    List<Map<String, Object>> out = new ArrayList<>();
    for (EnrichedGame g : engine.searchByName(text.trim(), limit)) {
      out.add(ResultJson.summary(g));
    }
    Responses.json(ctx, 200, Map.of("query", text, "results", out), Json.mapper());
  }

  static long gameId(String s) {
    try {
      long id = Long.parseLong(s);
      if (id <= 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw HttpError.badParameter("id", "id must be a positive integer, was '" + s + "'");
    }
  }

  static HttpError unknown(long id) {
    return new HttpError(404, "unknown game " + id, "id");
  }
}
