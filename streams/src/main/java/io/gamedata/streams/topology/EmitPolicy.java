package io.gamedata.streams.topology;

/**
 * When the game processor emits: changed games are marked pending and emitted by a wall-clock
 * punctuator once reference updates have been quiet for {@code quietMs} (or a game has waited
 * {@code maxWaitMs}), at most {@code batch} games per punctuation. During a bulk load, while
 * references are still streaming in, games are therefore enriched and emitted once, complete,
 * instead of once per late reference.
 */
public record EmitPolicy(long quietMs, long maxWaitMs, int batch) {

  public static final EmitPolicy DEFAULT = new EmitPolicy(2_000, 30_000, 5_000);

  public EmitPolicy {
    if (quietMs < 0 || maxWaitMs < quietMs || batch < 1) {
      throw new IllegalArgumentException("invalid emit policy " + quietMs + "/" + maxWaitMs);
    }
  }

  /** How often the punctuator looks at the pending games. */
  long punctuateEveryMs() {
    return Math.max(50, Math.min(500, quietMs / 4));
  }
}
