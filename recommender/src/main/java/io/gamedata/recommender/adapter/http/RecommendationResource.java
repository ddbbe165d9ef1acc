package io.gamedata.recommender.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.http.Exchange;
import io.gamedata.http.HttpError;
import io.gamedata.http.Responses;
import io.gamedata.recommender.engine.Query;
import io.gamedata.recommender.engine.ScoredGame;
import io.gamedata.recommender.engine.SimilarityEngine;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/recommendations}: {@code {"liked": [ids], "disliked": [ids], "filters": {..},
 * "limit": n, "explain": bool}}; unknown fields and filters are 400s naming them.
 */
final class RecommendationResource {

  static final Set<String> FIELDS = Set.of("liked", "disliked", "filters", "limit", "explain");
  static final Set<String> FILTERS =
      Set.of(
          "platform",
          "platforms",
          "yearFrom",
          "yearTo",
          "gameTypes",
          "excludeFranchise",
          "excludeCollection",
          "maxPerFranchise",
          "includeVariants");

  private final SimilarityEngine engine;
  private final ApiSettings settings;
  private final ResultJson results;

  RecommendationResource(SimilarityEngine engine, ApiSettings settings, ResultJson results) {
    this.engine = engine;
    this.settings = settings;
    this.results = results;
  }

  void recommend(Exchange ctx) throws IOException {
    JsonNode body = JsonBody.read(ctx, settings.maxBodyBytes());
    if (!body.isObject()) {
      throw HttpError.badParameter("body", "body must be a JSON object");
    }
    for (var it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw HttpError.badParameter(f, "unknown field " + f);
      }
    }
    List<Long> liked = JsonBody.ids(body.get("liked"), "liked");
    List<Long> disliked = JsonBody.ids(body.get("disliked"), "disliked");
    if (liked.isEmpty()) {
      throw HttpError.badParameter("liked", "liked must name at least one game");
    }
    int limit =
        QueryFilters.limit(
            JsonBody.integer(body.get("limit"), "limit", 1, settings.maxLimit()), settings);
    boolean explain = JsonBody.bool(body.get("explain"), "explain", true);
    Query query = filters(body.get("filters"));
    List<Long> known = liked.stream().filter(id -> engine.game(id).isPresent()).toList();
    if (known.isEmpty()) {
      throw new HttpError(404, "none of the liked games is known: " + liked, "liked");
    }
    // every recommendation is scored against the whole index: a longer list costs little
    List<ScoredGame> found =
        TieBreak.top(
            engine,
            n -> engine.recommend(known, disliked, query, n),
            limit,
            Math.max(limit, settings.maxLimit()));
    Responses.json(
        ctx, 200, results.recommendations(known, disliked, engine.idfGeneration(), found, explain));
  }

  private static Query filters(JsonNode f) {
    if (f == null || f.isNull()) {
      return Query.DEFAULT;
    }
    if (!f.isObject()) {
      throw HttpError.badParameter("filters", "filters must be an object");
    }
    for (var it = f.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FILTERS.contains(name)) {
        throw HttpError.badParameter("filters." + name, "unknown filter " + name);
      }
    }
    Set<String> platforms =
        new LinkedHashSet<>(JsonBody.strings(f.get("platforms"), "filters.platforms"));
    platforms.addAll(JsonBody.strings(f.get("platform"), "filters.platform"));
    return QueryFilters.query(
        platforms,
        JsonBody.integer(f.get("yearFrom"), "filters.yearFrom", 0, 3000),
        JsonBody.integer(f.get("yearTo"), "filters.yearTo", 0, 3000),
        new LinkedHashSet<>(JsonBody.strings(f.get("gameTypes"), "filters.gameTypes")),
        JsonBody.bool(f.get("excludeFranchise"), "filters.excludeFranchise", false),
        JsonBody.bool(f.get("excludeCollection"), "filters.excludeCollection", false),
        JsonBody.integer(f.get("maxPerFranchise"), "filters.maxPerFranchise", 0, 1000),
        JsonBody.bool(f.get("includeVariants"), "filters.includeVariants", false));
  }
}
