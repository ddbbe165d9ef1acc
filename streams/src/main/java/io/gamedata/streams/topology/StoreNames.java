package io.gamedata.streams.topology;

/** Names of the state stores, processors and internal topics (they survive topology changes). */
public final class StoreNames {

  /** game id -> {@link io.gamedata.streams.domain.GameState} ({@link GameStateCodec}). */
  public static final String GAME_STATE = "game-state";

  /** packed reference -> name, cover image id or involved company link. */
  public static final String REFERENCE_DATA = "reference-data";

  /** packed reference + game id -> empty: which games were built from which reference. */
  public static final String REFERENCE_INDEX = "reference-index";

  /**
   * game id -> empty: games changed since they were last emitted, as earlier versions kept them;
   * drained at start (pending games are now a flag in {@link #GAME_STATE}, see {@link EmitPolicy}).
   */
  public static final String PENDING_GAMES = "pending-games";

  /** The internal topic carrying reference updates to the game partitions. */
  public static final String REFERENCE_UPDATES = "reference-updates";

  private StoreNames() {}
}
