package io.gamedata.streams.topology;

/**
 * How long the game processor holds a game that names a reference it cannot find yet. The global
 * reference store is complete before the first game of a fresh start is processed, so this is for
 * references a moment behind their game: a new cover in the live feed, or the last references of a
 * bulk load that overlap its first games. The game is emitted as soon as its references are all
 * found; otherwise once no reference was read for {@code holdMs} (while references stream in, they
 * are likely to include the missing one), or after {@code maxHoldMs} at the latest, with the
 * missing ones listed in {@code missing_references} (it is emitted again when they arrive). A game
 * whose references are all known is emitted at once; so is, at the next punctuation, a game whose
 * reference is missing while no reference is arriving (a dangling id waits for nothing).
 */
public record EmitPolicy(long holdMs, long maxHoldMs) {

  public static final EmitPolicy DEFAULT = new EmitPolicy(2_000, 30_000);

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
    return Math.max(10, Math.min(100, holdMs / 10));
  }
}
