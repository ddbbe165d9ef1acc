package io.gamedata.recommender.engine;

/**
 * A snapshot of the engine's size and work counters.
 *
 * @param games games indexed
 * @param terms distinct terms in the dictionary
 * @param postings live postings in the inverted index
 * @param idfGeneration current IDF generation number (starts at 1 with the first build)
 * @param changesSinceGeneration documents added, changed or deleted since that generation froze
 * @param drift {@code changesSinceGeneration / games at freeze}; a swap happens above the threshold
 * @param upserts upserts applied since start
 * @param deletes deletes applied since start
 * @param refills lists recomputed because they fell below the refill watermark
 * @param lastBuildMillis duration of the last full build
 * @param fallbackQueries full-build lists that needed the exact fallback query (see {@link
 *     ExactSimilarityEngine})
 */
public record EngineStats(
    int games,
    int terms,
    long postings,
    long idfGeneration,
    long changesSinceGeneration,
    double drift,
    long upserts,
    long deletes,
    long refills,
    long lastBuildMillis,
    long fallbackQueries) {}
