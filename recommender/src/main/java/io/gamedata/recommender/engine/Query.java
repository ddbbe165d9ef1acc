package io.gamedata.recommender.engine;

import java.util.Set;

/**
 * Filters of a similar-games or recommendation query. {@link #DEFAULT} filters nothing except the
 * default exclusion of DLC, bundles, packs, updates, expansions and editions (see {@link
 * GameKind#isVariant}).
 *
 * @param platforms keep only games on at least one of these platforms (names as in the document);
 *     empty = any
 * @param minYear keep only games released in or after this year (null = no bound); games without a
 *     release year are dropped when a bound is set
 * @param maxYear keep only games released in or before this year (null = no bound)
 * @param gameTypes keep only games of these game types (document's {@code game_type} name, e.g.
 *     {@code Main Game}); empty = any
 * @param excludeSameFranchise drop games sharing a franchise with the query game(s)
 * @param excludeSameCollection drop games sharing a collection with the query game(s)
 * @param maxPerFranchise at most this many results per franchise (0 = no cap); games without a
 *     franchise are not capped
 * @param includeVariants also return DLC, bundles, packs, expansions and editions
 */
public record Query(
    Set<String> platforms,
    Integer minYear,
    Integer maxYear,
    Set<String> gameTypes,
    boolean excludeSameFranchise,
    boolean excludeSameCollection,
    int maxPerFranchise,
    boolean includeVariants) {

  /** No filter but the default exclusion of variants. */
  public static final Query DEFAULT =
      new Query(Set.of(), null, null, Set.of(), false, false, 0, false);

  public Query {
    platforms = platforms == null ? Set.of() : Set.copyOf(platforms);
    gameTypes = gameTypes == null ? Set.of() : Set.copyOf(gameTypes);
    if (maxPerFranchise < 0) {
      throw new IllegalArgumentException("maxPerFranchise must be >= 0, was " + maxPerFranchise);
    }
    if (minYear != null && maxYear != null && minYear > maxYear) {
      throw new IllegalArgumentException("minYear " + minYear + " > maxYear " + maxYear);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder of a {@link Query}. */
  public static final class Builder {
    private Set<String> platforms = Set.of();
    private Integer minYear;
    private Integer maxYear;
    private Set<String> gameTypes = Set.of();
    private boolean excludeSameFranchise;
    private boolean excludeSameCollection;
    private int maxPerFranchise;
    private boolean includeVariants;

    public Builder platforms(Set<String> v) {
      platforms = v;
      return this;
    }

    public Builder minYear(Integer v) {
      minYear = v;
      return this;
    }

    public Builder maxYear(Integer v) {
      maxYear = v;
      return this;
    }

    public Builder gameTypes(Set<String> v) {
      gameTypes = v;
      return this;
    }

    public Builder excludeSameFranchise(boolean v) {
      excludeSameFranchise = v;
      return this;
    }

    public Builder excludeSameCollection(boolean v) {
      excludeSameCollection = v;
      return this;
    }

    public Builder maxPerFranchise(int v) {
      maxPerFranchise = v;
      return this;
    }

    public Builder includeVariants(boolean v) {
      includeVariants = v;
      return this;
    }

    public Query build() {
      return new Query(
          platforms,
          minYear,
          maxYear,
          gameTypes,
          excludeSameFranchise,
          excludeSameCollection,
          maxPerFranchise,
          includeVariants);
    }
  }
}
