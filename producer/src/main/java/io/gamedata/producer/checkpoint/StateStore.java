package io.gamedata.producer.checkpoint;

import java.util.Map;
import java.util.Optional;

/**
 * Durable small state of the producer (fetch checkpoints, sync cursors), keyed by name, values
 * JSON. {@link #put} returns once the value is durable.
 */
public interface StateStore extends AutoCloseable {

  Optional<String> get(String key);

  void put(String key, String json);

  /** Every key with its latest value. */
  Map<String, String> all();

  @Override
  void close();
}
