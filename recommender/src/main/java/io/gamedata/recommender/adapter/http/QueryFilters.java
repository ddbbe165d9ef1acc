package io.gamedata.recommender.adapter.http;

import io.gamedata.http.HttpError;
import io.gamedata.recommender.engine.Query;
import java.util.Set;

/** The engine's {@link Query} from validated filter values (query string or JSON body alike). */
final class QueryFilters {

  static final int MAX_FILTER_VALUES = 50;

  private QueryFilters() {}

  static Query query(
      Set<String> platforms,
      Integer yearFrom,
      Integer yearTo,
      Set<String> gameTypes,
      boolean excludeFranchise,
      boolean excludeCollection,
      Integer maxPerFranchise,
      boolean includeVariants) {
    if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
      throw HttpError.badParameter(
          "yearFrom", "yearFrom " + yearFrom + " is after yearTo " + yearTo);
    }
    return Query.builder()
        .platforms(platforms)
        .minYear(yearFrom)
        .maxYear(yearTo)
        .gameTypes(gameTypes)
        .excludeSameFranchise(excludeFranchise)
        .excludeSameCollection(excludeCollection)
        .maxPerFranchise(maxPerFranchise == null ? 0 : maxPerFranchise)
        .includeVariants(includeVariants)
        .build();
  }

  /** The given limit, or the configured default. */
  static int limit(Integer given, ApiSettings settings) {
    return given == null ? settings.defaultLimit() : given;
  }
}
