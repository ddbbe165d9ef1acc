package io.gamedata.streams.topology;

/**
 * Whether the reference inputs of this instance are caught up: nothing left to read on the raw
 * reference topics and on the internal {@code reference-updates} topic. While they are not, a game
 * enriched now would miss references that are already on their way (a bulk load writes them first,
 * but they reach the game tasks through one more topic), so the game processor holds incomplete
 * games and reference-triggered re-enrichments until they are (or until {@link
 * EmitPolicy#maxWaitMs()}). Must be cheap: it is called per game.
 */
@FunctionalInterface
public interface ReferenceProgress {

  /** Always caught up (tests; a topology without a view of its consumers). */
  ReferenceProgress ALWAYS = () -> true;

  boolean caughtUp();

  /** The name of the internal reference topic of an application (for lag lookups). */
  static String referenceUpdatesTopic(String applicationId) {
    return applicationId + "-" + StoreNames.REFERENCE_UPDATES + "-repartition";
  }
}
