package io.gamedata.streams.names;

/** Names of the state stores, processors and internal topics (they survive topology changes). */
public final class StoreNames {

  /**
   * game id -> {@link io.gamedata.streams.domain.GameState} ({@link
   * io.gamedata.streams.codec.GameStateCodec}).
   */
  public static final String GAME_STATE = "game-state";

  /**
   * The router's store: packed reference -> name, cover image id or involved company link. Its
   * changelog feeds {@link #REFERENCE_GLOBAL}.
   */
  public static final String REFERENCE_VALUES = "reference-values";

  /**
   * Global store, a copy of {@link #REFERENCE_VALUES} on every instance (packed reference as 8
   * big-endian bytes -> UTF-8 value), in memory, read by the game tasks. Versioned name: earlier
   * versions kept a timestamped store named {@code reference-global}; a new name makes an upgraded
   * instance build this one from the topic instead of reading the old format.
   */
  public static final String REFERENCE_GLOBAL = "reference-global-v2";

  /** The internal topic carrying announced reference changes to the game partitions. */
  public static final String REFERENCE_UPDATES = "reference-updates";

  private StoreNames() {}

  /**
   * The changelog topic of {@link #REFERENCE_VALUES} of the application that runs the router: the
   * source of {@link #REFERENCE_GLOBAL}.
   */
  public static String referenceValuesTopic(String routerApplicationId) {
    return routerApplicationId + "-" + REFERENCE_VALUES + "-changelog";
  }

  /** The topic of {@link #REFERENCE_UPDATES} of an application. */
  public static String referenceUpdatesTopic(String applicationId) {
    return applicationId + "-" + REFERENCE_UPDATES;
  }
}
