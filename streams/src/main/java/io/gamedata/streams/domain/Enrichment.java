package io.gamedata.streams.domain;

import io.gamedata.contracts.enriched.EnrichedGame;

/**
 * The result of enriching one game.
 *
 * @param document the document, {@code content_hash} filled in
 * @param fieldHashes per-field fingerprints, in {@link ContentFingerprint#FIELDS} order
 * @param dependencies every reference the document was built from, known or missing, packed with
 *     {@link Reference#packed()}, sorted and distinct
 * @param missing the dependencies not known yet (the {@code missing_references}), packed, sorted
 */
public record Enrichment(
    EnrichedGame document, long[] fieldHashes, long[] dependencies, long[] missing) {

  /** True when no reference is missing. */
  public boolean complete() {
    return missing.length == 0;
  }

  public String contentHash() {
    return document.contentHash();
  }
}
