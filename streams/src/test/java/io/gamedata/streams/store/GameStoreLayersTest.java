package io.gamedata.streams.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.streams.config.StreamsAppConfig;
import io.gamedata.streams.names.StoreNames;
import io.gamedata.streams.testing.TopologyHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.internals.CachingKeyValueStore;
import org.apache.kafka.streams.state.internals.ChangeLoggingKeyValueBytesStore;
import org.apache.kafka.streams.state.internals.RocksDBStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The layers Kafka Streams builds around the game-state store from the application's settings: the
 * {@code game.state.store} names, logged, and behind the record cache only when {@code
 * cache.max.bytes} gives it room (Kafka Streams leaves the cache layer out of every store when its
 * size is 0).
 */
class GameStoreLayersTest {

  @TempDir Path stateDir;

  @ParameterizedTest
  @CsvSource({"memory, 0", "memory, 1048576", "rocksdb, 0", "rocksdb, 1048576"})
  void theGameStoresAreWhereTheSettingSaysAndCachedOnlyWithRoom(String where, long cacheBytes) {
    try (TopologyHarness h =
        new TopologyHarness(
            stateDir,
            Map.of(
                StreamsAppConfig.GAME_STATE_STORE_CONFIG, where,
                StreamsAppConfig.CACHE_MAX_BYTES_CONFIG, cacheBytes))) {
      String name = StoreNames.GAME_STATE;
      List<Class<?>> layers = layers(h.driver.getAllStateStores().get(name));
      assertThat(layers).as(name).contains(ChangeLoggingKeyValueBytesStore.class);
      assertThat(layers.contains(CachingKeyValueStore.class))
          .as("%s cached with %d bytes: %s", name, cacheBytes, layers)
          .isEqualTo(cacheBytes > 0);
      assertThat(layers.get(layers.size() - 1))
          .as(name)
          .isEqualTo(where.equals("memory") ? HashMapStore.class : RocksDBStore.class);
    }
  }

  /** The store and the stores it wraps, outermost first. */
  private static List<Class<?>> layers(StateStore store) {
    List<Class<?>> layers = new ArrayList<>();
    StateStore s = store;
    while (true) {
      layers.add(s.getClass());
      if (s instanceof WrappedStateStore<?, ?, ?> w) {
        s = w.wrapped();
      } else if (s instanceof PositionLightStore p) {
        s = p.inner();
      } else {
        return layers;
      }
    }
  }
}
