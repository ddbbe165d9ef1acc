package io.gamedata.streams.processor;

/**
 * How long the game processor holds a game that names a reference it cannot find yet. The global
 * reference store is complete before the first game of a fresh start is processed, so this is for
 * references a moment behind their game: a new cover in the live feed, or the last references of a
 * bulk load that overlap its first games. The game is emitted as soon as its references are all
 * found; otherwise once no reference was read for {@code holdMs}, or once it has been held for
 * {@code holdMs} while references only trickle in (live changes: they are unlikely to include the
 * one it misses), or after {@code maxHoldMs} at the latest while references stream in at {@value
 * #BULK_REFERENCES_PER_SECOND}/s or more (a bulk load: they are likely to include it); it is then
 * emitted with the missing ones listed in {@code missing_references}, and again when they arrive. A
 * game whose references are all known is emitted at once; so is, at the next punctuation, a game
 * whose reference is missing while no reference is arriving (a dangling id waits for nothing).
 */
public record EmitPolicy(long holdMs, long maxHoldMs) {

  public static final EmitPolicy DEFAULT = new EmitPolicy(2_000, 30_000);

  /**
   * References per second (over the last second) from which their arrival counts as a bulk load: a
   * fetch bounded by IGDB's 4 requests/s brings up to 2,000 a second, live changes a few (the local
   * demo, 20 changes a second, about 100).
   */
  public static final int BULK_REFERENCES_PER_SECOND = 500;

  /** The window over which the reference rate is measured. */
  static final long RATE_WINDOW_MS = 1_000;

  public EmitPolicy {
    if (holdMs < 0 || maxHoldMs < holdMs) {
      throw new IllegalArgumentException(
          "need 0 <= hold time <= maximum hold time, was " + holdMs + " / " + maxHoldMs);
    }
  }

  /**
   * How often the punctuator looks for references that arrived, held games that waited long enough,
   * and games to re-enrich (a look at a task with nothing pending costs nothing); often enough that
   * a held game goes out within a few tens of milliseconds of its last reference.
   */
  long punctuateEveryMs() {
    return Math.max(10, Math.min(50, holdMs / 10));
  }
}
