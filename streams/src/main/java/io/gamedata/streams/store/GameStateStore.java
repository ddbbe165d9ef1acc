package io.gamedata.streams.store;

import io.gamedata.streams.names.StoreNames;
import java.util.Locale;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the game tasks keep {@link StoreNames#GAME_STATE}: setting {@code game.state.store}. Both
 * kinds are logged to the same changelog topic, so an instance can switch between them: the new
 * store is filled from the changelog at its first start.
 */
public enum GameStateStore {
  /**
   * A hash map on the heap ({@link HashMapStore}): no JNI, no memtable, no flush or compaction
   * threads; refilled from its changelog at every start (~640 bytes of heap per game).
   */
  MEMORY,
  /**
   * RocksDB under {@code state.dir} ({@link PositionLightStore} in front): off the heap, and a
   * clean restart reads only the changelog records written after its checkpoint.
   */
  ROCKSDB;

  /** The value of the setting, e.g. {@code memory}. */
  public String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The store of {@code configValue}, case-insensitive. */
  public static GameStateStore of(String configValue) {
    return valueOf(configValue.trim().toUpperCase(Locale.ROOT));
  }

  /** The game-state store: keyed by game id, read and written by key only. */
  public KeyValueBytesStoreSupplier gameState() {
    return this == MEMORY
        ? HashMapStore.supplier(StoreNames.GAME_STATE)
        // without its position copied at every write (see PositionLightStore)
        : PositionLightStore.wrapping(Stores.persistentKeyValueStore(StoreNames.GAME_STATE));
  }
}
