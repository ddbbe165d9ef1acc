package io.gamedata.simulator.catalog;

/** The fitted distributions ({@link Fitted}) the synthetic catalogue samples from. */
final class Distributions {

  final Sampling.Discrete genre = new Sampling.Discrete(Fitted.GENRE_WEIGHTS);
  final Sampling.Discrete theme = new Sampling.Discrete(Fitted.THEME_WEIGHTS);
  final Sampling.Discrete mode = new Sampling.Discrete(Fitted.MODE_WEIGHTS);
  final Sampling.Discrete perspective = new Sampling.Discrete(Fitted.PERSPECTIVE_WEIGHTS);
  final Sampling.Discrete type = new Sampling.Discrete(Fitted.GAME_TYPE_WEIGHTS);
  final Sampling.Discrete status = new Sampling.Discrete(Fitted.GAME_STATUS_WEIGHTS);
  final Sampling.Discrete year = new Sampling.Discrete(Fitted.YEAR_BUCKET_WEIGHTS);
  final Sampling.Discrete lenGenres = new Sampling.Discrete(Fitted.LEN_GENRES);
  final Sampling.Discrete lenThemes = new Sampling.Discrete(Fitted.LEN_THEMES);
  final Sampling.Discrete lenModes = new Sampling.Discrete(Fitted.LEN_MODES);
  final Sampling.Discrete lenPerspectives = new Sampling.Discrete(Fitted.LEN_PERSPECTIVES);
  final Sampling.Discrete lenPlatforms = new Sampling.Discrete(Fitted.LEN_PLATFORMS);
  final Sampling.Discrete lenInvolved = new Sampling.Discrete(Fitted.LEN_INVOLVED);
}
