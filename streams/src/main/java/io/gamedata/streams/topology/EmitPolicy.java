package io.gamedata.streams.topology;

/**
 * When the game processor emits games it holds: a game with a reference not known yet, and a game
 * whose reference arrived or changed, is marked pending and emitted by a wall-clock punctuator once
 * the reference inputs are caught up ({@link ReferenceProgress}) and no reference was read for
 * {@code quietMs} (or once it has waited {@code maxWaitMs}); each punctuation spends a bounded time
 * emitting ({@code batch} is no longer used: pending games are a flag in their state, mirrored in
 * memory). During a bulk load, while references stream in, games are therefore enriched and emitted
 * once, complete, instead of once per late reference. A game whose references are all known is
 * emitted at once, without this wait.
 */
public record EmitPolicy(long quietMs, long maxWaitMs, int batch) {

  public static final EmitPolicy DEFAULT = new EmitPolicy(2_000, 30_000, 5_000);

  public EmitPolicy {
    if (quietMs < 0 || maxWaitMs < quietMs || batch < 1) {
      throw new IllegalArgumentException("invalid emit policy " + quietMs + "/" + maxWaitMs);
    }
  }

  /**
   * How often the punctuator looks at the pending games. Each punctuation emits for a bounded time;
   * the time between punctuations goes to processing input (a shorter period starves the intake of
   * a bulk load: Kafka Streams punctuates between small batches of records).
   */
  long punctuateEveryMs() {
    return Math.max(50, Math.min(500, quietMs / 4));
  }
}
