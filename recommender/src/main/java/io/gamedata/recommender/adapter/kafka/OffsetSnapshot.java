package io.gamedata.recommender.adapter.kafka;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.gamedata.contracts.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable part of a replica's state: the offsets of the enriched topic whose effects are
 * already in the similar topic (saved only after the producer flushed). A restart reads the
 * documents up to these offsets, takes the lists from the similar topic, and catches up from here.
 *
 * @param enrichedTopic topic the offsets belong to
 * @param similarTopic topic the lists were published to
 * @param listSize K' of the published lists
 * @param offsets next offset to read, by partition
 * @param savedAt when it was written
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OffsetSnapshot(
    String enrichedTopic,
    String similarTopic,
    int listSize,
    Map<Integer, Long> offsets,
    Instant savedAt) {

  private static final Logger LOG = LoggerFactory.getLogger(OffsetSnapshot.class);

  /** File name inside the state directory. */
  public static final String FILE = "recommender-offsets.json";

  public OffsetSnapshot {
    offsets = offsets == null ? Map.of() : Map.copyOf(new TreeMap<>(offsets));
  }

  /** The snapshot in {@code dir}, if there is a readable one. */
  public static Optional<OffsetSnapshot> read(Path dir) {
    Path f = dir.resolve(FILE);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().readValue(f.toFile(), OffsetSnapshot.class));
    } catch (IOException e) {
      LOG.warn("ignoring unreadable offset snapshot {}: {}", f, e.getMessage());
      return Optional.empty();
    }
  }

  /** Writes atomically (temporary file, then rename). */
  public void write(Path dir) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(FILE + ".tmp");
      Json.mapper().writeValue(tmp.toFile(), this);
      Files.move(
          tmp,
          dir.resolve(FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write offset snapshot in " + dir, e);
    }
  }
}
