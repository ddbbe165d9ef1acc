package io.gamedata.simulator.catalog;

/**
 * Distribution parameters of the synthetic catalogue, fitted from the real samples in {@code
 * shared/data} (see {@code igdb-simulator/FITTED.md} for where each number comes from). Fill rates
 * and list lengths come from the 5,230-game 2021 development split (a catalogue-wide sample); the
 * 500 popular games of 2026 supply the reference tables and the "rich record" end.
 */
final class Fitted {

  private Fitted() {}

  /** Unix seconds the generator treats as "now" (fixed, so output depends only on the seed). */
  static final long NOW = 1_793_491_200L; // 2026-11-01T00:00:00Z

  /** created_at of the oldest game (IGDB's first bulk import, Feb 2011). */
  static final long FIRST_CREATED = 1_297_987_200L;

  // ---- fill rates (share of games with the field present), 2021 dev split
  static final double FILL_SUMMARY = 0.60;
  static final double FILL_GENRES = 0.55;
  static final double FILL_COVER = 0.51;
  static final double FILL_PLATFORMS = 0.41;
  static final double FILL_RELEASE = 0.40;
  static final double FILL_THEMES = 0.34;
  static final double FILL_GAME_MODES = 0.33;
  static final double FILL_KEYWORDS = 0.29;
  static final double FILL_INVOLVED = 0.27;
  static final double FILL_PERSPECTIVES = 0.19;
  static final double FILL_RATING = 0.10;
  static final double FILL_AGGREGATED = 0.045;
  static final double FILL_STORYLINE = 0.043;
  static final double FILL_HYPES = 0.024;
  static final double FILL_SIMILAR = 0.59;
  static final double FILL_GAME_STATUS = 0.048;

  /** Share of multi-game families that carry a franchise / a collection / an engine. */
  static final double FAMILY_FRANCHISE = 0.06;

  static final double FAMILY_COLLECTION = 0.16;
  static final double FAMILY_ENGINE = 0.07;

  // ---- list lengths when present: weights for length 1, 2, 3, ... (2021 dev split)
  static final double[] LEN_GENRES = {1457, 861, 369, 135, 31, 7, 2};
  static final double[] LEN_THEMES = {1322, 345, 83, 29, 2};
  static final double[] LEN_MODES = {1343, 242, 138, 17};
  static final double[] LEN_PERSPECTIVES = {823, 151, 8};
  static final double[] LEN_PLATFORMS = {1508, 294, 223, 68, 29, 12, 8, 1, 3, 1, 1, 1};
  static final double[] LEN_INVOLVED = {889, 381, 98, 25, 5, 3, 3};

  /** Keyword list length: log-normal (median 3.3, mean 6.9, max 250) as in the 2021 split. */
  static final double KEYWORDS_LOG_MU = 1.2;

  static final double KEYWORDS_LOG_SIGMA = 1.1;

  /** Summary length in characters: log-normal fitted on the 2021 split (median 190, mean 291). */
  static final double SUMMARY_LOG_MU = 5.165;

  static final double SUMMARY_LOG_SIGMA = 1.03;

  /** Zipf exponents of keyword and company popularity (rank-frequency slope, log-log fit). */
  static final double ZIPF_KEYWORDS = 0.78;

  static final double ZIPF_COMPANIES = 0.83;

  // ---- categorical mixes
  /** game_type id -> weight; 83.4 % main games (312,418 of 374,555 in Sept 2026). */
  static final double[] GAME_TYPE_WEIGHTS = {
    83.4, 7.0, 0.9, 2.6, 0.3, 1.1, 0.7, 0.2, 0.35, 0.4, 0.45, 1.8, 0.1, 0.5, 0.3
  };

  /** game_status ids with weights (2021 split `status`), used for FILL_GAME_STATUS of games. */
  static final long[] GAME_STATUS_IDS = {4, 2, 3, 5, 6, 0, 7, 8};

  static final double[] GAME_STATUS_WEIGHTS = {174, 28, 20, 15, 8, 3, 3, 1};

  /** Genre id -> count in the 2021 split. */
  static final long[] GENRE_IDS = {
    32, 31, 13, 15, 12, 9, 5, 14, 33, 8, 10, 34, 16, 4, 11, 2, 25, 30, 7, 24, 26, 35, 36
  };

  static final double[] GENRE_WEIGHTS = {
    1085, 888, 499, 475, 338, 297, 231, 212, 202, 192, 136, 76, 64, 64, 51, 49, 45, 33, 32, 30, 28,
    19, 1
  };

  static final long[] THEME_IDS = {
    1, 18, 17, 19, 27, 42, 34, 22, 39, 43, 21, 35, 33, 31, 38, 40, 32, 20, 44, 23, 28, 41
  };
  static final double[] THEME_WEIGHTS = {
    1129, 226, 192, 124, 97, 94, 72, 68, 56, 46, 46, 36, 35, 29, 26, 24, 21, 19, 16, 15, 14, 9
  };

  static final long[] MODE_IDS = {1, 2, 3, 5, 4, 6};
  static final double[] MODE_WEIGHTS = {1625, 403, 146, 81, 49, 5};

  static final long[] PERSPECTIVE_IDS = {3, 4, 2, 1, 5, 7, 6};
  static final double[] PERSPECTIVE_WEIGHTS = {278, 270, 261, 215, 75, 44, 11};

  /** Top platforms of the 2021 split; every other platform of the table gets weight 3. */
  static final long[] PLATFORM_IDS = {
    6, 14, 3, 39, 34, 130, 48, 49, 52, 13, 82, 9, 7, 15, 8, 16, 5, 12, 38, 25, 167, 169, 170
  };

  static final double[] PLATFORM_WEIGHTS = {
    1199, 264, 153, 149, 129, 114, 110, 67, 66, 61, 58, 56, 55, 55, 52, 43, 42, 39, 38, 36, 40, 40,
    20
  };

  static final double PLATFORM_TAIL_WEIGHT = 3;

  /** Release years: 5-year buckets from 1970 (2021 split, 2020s extended to 2026). */
  static final int FIRST_YEAR = 1970;

  static final double[] YEAR_BUCKET_WEIGHTS = {6, 7, 56, 87, 133, 133, 114, 181, 268, 762, 1150};

  /** Ratings (user / critic): mean and sd, 2021 split. */
  static final double RATING_MEAN = 64.3;

  static final double RATING_SD = 16.4;
  static final double AGGREGATED_MEAN = 66.7;
  static final double AGGREGATED_SD = 16.8;

  /** involved_companies role shares (2026 sample): developer, publisher, porting, supporting. */
  static final double ROLE_PORTING = 0.106;

  static final double ROLE_SUPPORTING = 0.149;

  /** Id gaps: share of ids followed by a gap, and the mean gap length (deleted/merged rows). */
  static final double ID_GAP_RATE = 0.08;

  static final double ID_GAP_MEAN = 3;

  /** Family sizes: share of singletons, then 2 + geometric(p) members. */
  static final double FAMILY_SINGLETON = 0.45;

  static final double FAMILY_GEOMETRIC_P = 0.35;
  static final int FAMILY_MAX = 40;

  /** Games per cluster (a genre/theme/platform profile with its keyword and company pools). */
  static final int GAMES_PER_CLUSTER = 250;
}
