package io.gamedata.producer.testing;

import io.gamedata.producer.checkpoint.StateStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** State in a map, for unit tests. */
public final class MemoryState implements StateStore {
  public final Map<String, String> map = new ConcurrentHashMap<>();

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(map.get(key));
  }

  @Override
  public void put(String key, String json) {
    map.put(key, json);
  }

  @Override
  public Map<String, String> all() {
    return Map.copyOf(map);
  }

  @Override
  public void close() {}
}
