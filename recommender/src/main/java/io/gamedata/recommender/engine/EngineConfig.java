package io.gamedata.recommender.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * Settings of the similarity engine. Every field has a documented default ({@link #defaults()});
 * the constructor validates every setting and names the offending key.
 *
 * <table>
 *   <caption>keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>weight.&lt;field&gt;</td><td>see {@link #DEFAULT_WEIGHTS}</td>
 *       <td>per-field multiplier of IDF (0 switches a field off)</td></tr>
 *   <tr><td>listSize</td><td>50</td><td>K': length of every stored top list (larger than the
 *       served k so that filters still leave enough)</td></tr>
 *   <tr><td>summaryDfCap</td><td>0.05</td><td>summary words in more than this fraction of games
 *       are dropped</td></tr>
 *   <tr><td>summaryMinLength</td><td>3</td><td>shorter summary words are dropped</td></tr>
 *   <tr><td>summaryMaxTerms</td><td>40</td><td>at most this many summary words per game (highest
 *       weight first)</td></tr>
 *   <tr><td>idfDriftThreshold</td><td>0.02</td><td>swap to a new IDF generation when more than
 *       this fraction of the catalogue changed since the current one froze (0 = never)</td></tr>
 *   <tr><td>idfMinChanges</td><td>1000</td><td>... and at least this many writes (so that a
 *       small or growing catalogue does not rebuild on every few writes)</td></tr>
 *   <tr><td>heavyTermDf</td><td>0 (= auto: max(50, games / 12) for upserts and refills; the 64
 *       longest posting lists, if longer than 50, for the full build)</td><td>terms with more
 *       postings are skipped for candidate generation (never for scoring)</td></tr>
 *   <tr><td>threads</td><td>available processors</td><td>threads of the full build</td></tr>
 *   <tr><td>reasons</td><td>3</td><td>shared terms named in each explanation</td></tr>
 *   <tr><td>dislikeWeight</td><td>0.5</td><td>how much a disliked game subtracts in
 *       recommendations</td></tr>
 * </table>
 */
public record EngineConfig(
    Map<Field, Double> weights,
    int listSize,
    int refillBelow,
    double summaryDfCap,
    int summaryMinLength,
    int summaryMaxTerms,
    double idfDriftThreshold,
    int idfMinChanges,
    int heavyTermDf,
    int threads,
    int reasons,
    double dislikeWeight) {

  /**
   * Default field weights: started from a self-hosted library's IDF-weighted overlap engine
   * (franchise 5, collection 4, genre 3, companies 2), then tuned by {@code bench/run
   * recommender-quality} on the tune half of the IGDB 2021 dev split: keywords x2, engine x2,
   * platform x2, summary words off (they lowered nDCG@10 there; set {@code weight.word} to use
   * them).
   */
  public static final Map<Field, Double> DEFAULT_WEIGHTS = defaultWeights();

  private static Map<Field, Double> defaultWeights() {
    Map<Field, Double> w = new EnumMap<>(Field.class);
    w.put(Field.FRANCHISE, 5.0);
    w.put(Field.COLLECTION, 4.0);
    w.put(Field.GENRE, 3.0);
    w.put(Field.KEYWORD, 3.0);
    w.put(Field.THEME, 2.0);
    w.put(Field.DEVELOPER, 2.0);
    w.put(Field.ENGINE, 2.0);
    w.put(Field.PUBLISHER, 1.5);
    w.put(Field.MODE, 1.0);
    w.put(Field.PERSPECTIVE, 1.0);
    w.put(Field.PLATFORM, 1.0);
    // summary words lowered nDCG@10 on the IGDB 2021 dev split (tune half): off by default
    w.put(Field.SUMMARY, 0.0);
    return Map.copyOf(w);
  }

  public EngineConfig {
    Map<Field, Double> w = new EnumMap<>(Field.class);
    w.putAll(DEFAULT_WEIGHTS);
    if (weights != null) {
      w.putAll(weights);
    }
    weights = Map.copyOf(w);
    weights.forEach(
        (f, v) -> {
          if (v == null || !(v >= 0) || v.isInfinite()) {
            throw new IllegalArgumentException(
                "weight." + f.prefix() + " must be a finite number >= 0, was " + v);
          }
        });
    require(listSize >= 1 && listSize <= 1000, "listSize must be in 1..1000, was " + listSize);
    require(
        refillBelow >= 0 && refillBelow <= listSize,
        "refillBelow must be in 0..listSize (" + listSize + "), was " + refillBelow);
    require(
        summaryDfCap > 0 && summaryDfCap <= 1,
        "summaryDfCap must be in (0,1], was " + summaryDfCap);
    require(summaryMinLength >= 1, "summaryMinLength must be >= 1, was " + summaryMinLength);
    require(summaryMaxTerms >= 0, "summaryMaxTerms must be >= 0, was " + summaryMaxTerms);
    require(idfDriftThreshold >= 0, "idfDriftThreshold must be >= 0, was " + idfDriftThreshold);
    require(idfMinChanges >= 0, "idfMinChanges must be >= 0, was " + idfMinChanges);
    require(heavyTermDf >= 0, "heavyTermDf must be >= 0, was " + heavyTermDf);
    require(threads >= 1, "threads must be >= 1, was " + threads);
    require(reasons >= 0, "reasons must be >= 0, was " + reasons);
    require(dislikeWeight >= 0, "dislikeWeight must be >= 0, was " + dislikeWeight);
  }

  /** The defaults listed in the class comment. */
  public static EngineConfig defaults() {
    return new EngineConfig(
        DEFAULT_WEIGHTS,
        50,
        0,
        0.05,
        3,
        40,
        0.02,
        1000,
        0,
        Runtime.getRuntime().availableProcessors(),
        3,
        0.5);
  }

  /** The heavy-term threshold of upserts and refills for a catalogue of {@code games} games. */
  public int heavyDf(int games) {
    return heavyTermDf > 0 ? heavyTermDf : Math.max(50, games / 12);
  }

  /**
   * The full build's heavy-term threshold: the configured one, or (auto) 50, so that the build
   * takes its most heavy terms, the 64 longest posting lists (at 350k, df above about 5,000 instead
   * of 29,000 for upserts: 64% fewer light postings per game and the lowest build time measured).
   */
  public int buildHeavyDf() {
    return heavyTermDf > 0 ? heavyTermDf : 50;
  }

  /** The weight of one field. */
  public double weight(Field f) {
    return weights.get(f);
  }

  /**
   * The low watermark in force: {@link #refillBelow()}, or {@code max(1, 2 * listSize / 5)} when it
   * is 0 (20 for the default K' of 50).
   */
  public int watermark() {
    return refillBelow > 0 ? refillBelow : Math.max(1, 2 * listSize / 5);
  }

  /**
   * True when {@code changes} writes since a generation froze over {@code n} games call for a new
   * generation: more than {@code idfDriftThreshold * n} and at least {@code idfMinChanges}.
   */
  public boolean idfSwapDue(long changes, int n) {
    return idfDriftThreshold > 0 && changes > idfDriftThreshold * n && changes >= idfMinChanges;
  }

  public EngineConfig withWeights(Map<Field, Double> v) {
    return copy(c -> c.weights = v);
  }

  public EngineConfig withListSize(int v) {
    return copy(c -> c.listSize = v);
  }

  public EngineConfig withRefillBelow(int v) {
    return copy(c -> c.refillBelow = v);
  }

  public EngineConfig withIdfDriftThreshold(double v) {
    return copy(c -> c.idfDriftThreshold = v);
  }

  public EngineConfig withIdfMinChanges(int v) {
    return copy(c -> c.idfMinChanges = v);
  }

  public EngineConfig withHeavyTermDf(int v) {
    return copy(c -> c.heavyTermDf = v);
  }

  public EngineConfig withThreads(int v) {
    return copy(c -> c.threads = v);
  }

  /** A copy with one or more settings changed (validated like any config). */
  private EngineConfig copy(java.util.function.Consumer<Settings> change) {
    Settings c = new Settings(this);
    change.accept(c);
    return new EngineConfig(
        c.weights,
        c.listSize,
        c.refillBelow,
        c.summaryDfCap,
        c.summaryMinLength,
        c.summaryMaxTerms,
        c.idfDriftThreshold,
        c.idfMinChanges,
        c.heavyTermDf,
        c.threads,
        c.reasons,
        c.dislikeWeight);
  }

  /** The settings of a config, mutable, for {@link #copy}. */
  private static final class Settings {
    Map<Field, Double> weights;
    int listSize;
    int refillBelow;
    double summaryDfCap;
    int summaryMinLength;
    int summaryMaxTerms;
    double idfDriftThreshold;
    int idfMinChanges;
    int heavyTermDf;
    int threads;
    int reasons;
    double dislikeWeight;

    Settings(EngineConfig c) {
      weights = c.weights;
      listSize = c.listSize;
      refillBelow = c.refillBelow;
      summaryDfCap = c.summaryDfCap;
      summaryMinLength = c.summaryMinLength;
      summaryMaxTerms = c.summaryMaxTerms;
      idfDriftThreshold = c.idfDriftThreshold;
      idfMinChanges = c.idfMinChanges;
      heavyTermDf = c.heavyTermDf;
      threads = c.threads;
      reasons = c.reasons;
      dislikeWeight = c.dislikeWeight;
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
