package io.gamedata.streams.topology;

/**
 * How long the game processor holds a game with a reference it cannot find yet. The global
 * reference store is complete before the first game is processed (a fresh start bootstraps it), so
 * this is for the live case: a new game whose new cover or company is a moment behind it. The game
 * is emitted as soon as its references are all found, or after {@code holdMs} with the ones still
 * missing listed in {@code missing_references} (it is re-emitted when they arrive). A game whose
 * references are all known is emitted at once.
 */
public record EmitPolicy(long holdMs) {

  public static final EmitPolicy DEFAULT = new EmitPolicy(2_000);

  public EmitPolicy {
    if (holdMs < 0) {
      throw new IllegalArgumentException("hold time must be >= 0, was " + holdMs);
    }
  }

  /**
   * How often the punctuator looks for references that arrived, held games that waited long enough,
   * and games to re-enrich (a look at an empty task costs nothing).
   */
  long punctuateEveryMs() {
    return Math.max(20, Math.min(100, holdMs / 3));
  }
}
