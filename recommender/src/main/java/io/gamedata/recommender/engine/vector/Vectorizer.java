package io.gamedata.recommender.engine.vector;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.Field;
import io.gamedata.recommender.engine.IdfGeneration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Weights raw terms under an IDF generation: {@code field weight x IDF x tf factor}, summary words
 * over the df cap dropped, at most {@link EngineConfig#summaryMaxTerms()} summary words (highest
 * weight first), L2-normalised, then quantised to integers in {@code 1..}{@link #SCALE}. Integer
 * weights make every dot product an exact integer, so scores do not depend on summation order:
 * incremental maintenance and a full rebuild give bit-identical scores.
 */
public final class Vectorizer {

  /** Quantisation scale: a weight of 1.0 is {@value}. Dot products stay below 2^31. */
  public static final int SCALE = 32767;

  /** {@code SCALE * SCALE} as a double: divides an integer dot product into a cosine. */
  public static final double SCORE_SCALE = (double) SCALE * SCALE;

  private final EngineConfig config;
  private final FeatureExtractor extractor;

  public Vectorizer(EngineConfig config) {
    this.config = config;
    this.extractor =
        new FeatureExtractor(config.summaryMinLength(), config.weight(Field.SUMMARY) > 0);
  }

  /** A weighted term before quantisation. */
  public record Weighted(String term, double weight) {}

  /** The normalised, quantised terms of a game: term names and weights in matching order. */
  public List<Weighted> vector(EnrichedGame g, IdfGeneration gen) {
    Map<String, Double> raw = extractor.terms(g);
    List<Weighted> meta = new ArrayList<>();
    List<Weighted> words = new ArrayList<>();
    double cap = config.summaryDfCap() * gen.n();
    for (var e : raw.entrySet()) {
      String term = e.getKey();
      Field f = FeatureExtractor.fieldOf(term);
      double fw = config.weight(f);
      if (fw <= 0) {
        continue;
      }
      if (f == Field.SUMMARY && gen.df(term) > cap) {
        continue;
      }
      double w = fw * gen.idf(term) * e.getValue();
      (f == Field.SUMMARY ? words : meta).add(new Weighted(term, w));
    }
    if (words.size() > config.summaryMaxTerms()) {
      words.sort(
          Comparator.comparingDouble(Weighted::weight).reversed().thenComparing(Weighted::term));
      words = new ArrayList<>(words.subList(0, config.summaryMaxTerms()));
    }
    meta.addAll(words);
    double norm = 0;
    for (Weighted w : meta) {
      norm += w.weight() * w.weight();
    }
    norm = Math.sqrt(norm);
    List<Weighted> out = new ArrayList<>(meta.size());
    for (Weighted w : meta) {
      long q = Math.round(w.weight() / norm * SCALE);
      if (q > 0) {
        out.add(new Weighted(w.term(), q));
      }
    }
    return out;
  }
}
