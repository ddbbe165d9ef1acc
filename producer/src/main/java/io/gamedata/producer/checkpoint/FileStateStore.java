package io.gamedata.producer.checkpoint;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gamedata.contracts.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** State in one local JSON file, replaced atomically on every write. */
public final class FileStateStore implements StateStore {

  private final Path file;
  private final TreeMap<String, String> state = new TreeMap<>();

  public FileStateStore(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      try {
        state.putAll(
            Json.mapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read checkpoint file " + file, e);
      }
    }
  }

  @Override
  public synchronized Optional<String> get(String key) {
    return Optional.ofNullable(state.get(key));
  }

  @Override
  public synchronized void put(String key, String json) {
    state.put(key, json);
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      Json.mapper().writeValue(tmp.toFile(), state);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write checkpoint file " + file, e);
    }
  }

  @Override
  public synchronized Map<String, String> all() {
    return Map.copyOf(state);
  }

  @Override
  public void close() {}
}
