package io.gamedata.recommender.adapter.http;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.http.Exchange;
import io.gamedata.http.Responses;
import io.gamedata.recommender.browse.Catalogue;
import io.gamedata.recommender.engine.SimilarityEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code GET /api/games/{id}/series} (the games of its franchises and series, by release) and
 * {@code GET /api/facets} (the platforms and game types of the catalogue, for the filters).
 */
final class BrowseResource {

  /** Release order: first release date, else the year, unknown last; then id. */
  static final Comparator<EnrichedGame> BY_RELEASE =
      Comparator.comparing(
              (EnrichedGame g) ->
                  g.firstReleaseDate() != null
                      ? g.firstReleaseDate()
                      : g.releaseYear() != null
                          ? Instant.parse(String.format("%04d-01-01T00:00:00Z", g.releaseYear()))
                          : Instant.MAX)
          .thenComparingLong(EnrichedGame::id);

  private final SimilarityEngine engine;
  private final Catalogue catalogue;
  private final ApiSettings settings;

  BrowseResource(SimilarityEngine engine, Catalogue catalogue, ApiSettings settings) {
    this.engine = engine;
    this.catalogue = catalogue;
    this.settings = settings;
  }

  void series(Exchange ctx) {
    long id = GameResource.gameId(ctx.pathParam("id"));
    QueryParams q = new QueryParams(ctx.queryString());
    q.onlyKnown(Set.of("limit"));
    int limit = QueryFilters.limit(q.integer("limit", 1, settings.maxLimit()), settings);
    EnrichedGame g = engine.game(id).orElseThrow(() -> GameResource.unknown(id));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("franchises", groups(g.franchises(), catalogue::franchise, limit));
    body.put("collections", groups(g.collections(), catalogue::collection, limit));
    Responses.json(ctx, 200, body, Json.mapper());
  }

  private List<Map<String, Object>> groups(
      List<String> names, Function<String, Set<Long>> members, int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String name : names.stream().distinct().toList()) {
      List<EnrichedGame> games =
          members.apply(name).stream()
              .map(engine::game)
              .flatMap(Optional::stream)
              .sorted(BY_RELEASE)
              .toList();
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("name", name);
      group.put("total", games.size());
      group.put("games", games.stream().limit(limit).map(ResultJson::summary).toList());
      out.add(group);
    }
    return out;
  }

  void facets(Exchange ctx) {
    new QueryParams(ctx.queryString()).onlyKnown(Set.of());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("platforms", counts(catalogue.platforms()));
    body.put("game_types", counts(catalogue.gameTypes()));
    // the choices change slowly: a page may reuse them for a minute
    ctx.header("Cache-Control", "private, max-age=60");
    Responses.json(ctx, 200, body, Json.mapper());
  }

  private static List<Map<String, Object>> counts(List<Catalogue.Count> counts) {
    List<Map<String, Object>> out = new ArrayList<>(counts.size());
    for (Catalogue.Count c : counts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("games", c.games());
      out.add(m);
    }
    return out;
  }
}
