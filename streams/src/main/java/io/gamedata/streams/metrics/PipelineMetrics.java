package io.gamedata.streams.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the pipeline, shared by every task of one application instance. Under exactly-once, a
 * task that is retried after a failure counts its records again: the counters are for operations
 * (throughput, trends), the topics are the truth.
 */
public final class PipelineMetrics {

  private final LongAdder gamesIn = new LongAdder();
  private final LongAdder referencesIn = new LongAdder();
  private final LongAdder enrichedOut = new LongAdder();
  private final LongAdder tombstonesOut = new LongAdder();
  private final LongAdder changesOut = new LongAdder();
  private final LongAdder dedupeHits = new LongAdder();
  private final LongAdder staleVersions = new LongAdder();
  private final LongAdder reEnrichments = new LongAdder();
  private final LongAdder deadLetters = new LongAdder();

  public void gameIn() {
    gamesIn.increment();
  }

  public void referenceIn() {
    referencesIn.increment();
  }

  public void enrichedOut() {
    enrichedOut.increment();
  }

  public void tombstoneOut() {
    tombstonesOut.increment();
  }

  public void changeOut() {
    changesOut.increment();
  }

  public void dedupeHit() {
    dedupeHits.increment();
  }

  public void staleVersion() {
    staleVersions.increment();
  }

  public void reEnrichment() {
    reEnrichments.increment();
  }

  public void deadLetter() {
    deadLetters.increment();
  }

  public long gamesIn() {
    return gamesIn.sum();
  }

  public long referencesIn() {
    return referencesIn.sum();
  }

  public long enrichedOutCount() {
    return enrichedOut.sum();
  }

  public long dedupeHits() {
    return dedupeHits.sum();
  }

  public long deadLetters() {
    return deadLetters.sum();
  }

  /** Every counter by name (snake_case), for the metrics endpoint. */
  public Map<String, Long> snapshot() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("games_in", gamesIn.sum());
    m.put("references_in", referencesIn.sum());
    m.put("records_in", gamesIn.sum() + referencesIn.sum());
    m.put("enriched_out", enrichedOut.sum());
    m.put("tombstones_out", tombstonesOut.sum());
    m.put("changes_out", changesOut.sum());
    m.put("records_out", enrichedOut.sum() + tombstonesOut.sum() + changesOut.sum());
    m.put("dedupe_hits", dedupeHits.sum());
    m.put("stale_versions", staleVersions.sum());
    m.put("re_enrichments", reEnrichments.sum());
    m.put("dlq", deadLetters.sum());
    return m;
  }
}
