package io.gamedata.recommender.engine;

import java.util.Map;

/**
 * A frozen IDF snapshot: the number of games and each term's document frequency when the generation
 * was built. {@code idf(t) = ln((1 + n) / (1 + df(t))) + 1}; a term unseen at freeze time has df 0
 * (maximal IDF). Summary words with {@code df > summaryDfCap * n} are dropped. Immutable; two
 * engines given the same generation and documents compute the same vectors.
 *
 * <p>Effect of staleness between swaps: a game written after the freeze is weighted with the old
 * document frequencies. A term that became common since (e.g. a new platform every new game has)
 * keeps its high old IDF, so games sharing it look more similar than a fresh IDF would say, and a
 * term that became rare looks less informative than it is. Lists stay exact for the frozen weights;
 * the swap (at {@link EngineConfig#idfDriftThreshold()}) brings them back to the fresh IDF.
 */
public record IdfGeneration(long number, int n, Map<String, Integer> df) {

  public IdfGeneration {
    df = Map.copyOf(df);
  }

  /** The document frequency at freeze time (0 for unseen terms). */
  public int df(String term) {
    Integer v = df.get(term);
    return v == null ? 0 : v;
  }

  /** The inverse document frequency of a term in this generation. */
  public double idf(String term) {
    return Math.log((1.0 + n) / (1.0 + df(term))) + 1.0;
  }
}
