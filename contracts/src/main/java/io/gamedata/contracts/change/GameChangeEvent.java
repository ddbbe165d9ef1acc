package io.gamedata.contracts.change;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A change event of {@code games.changes} (key = game id): what happened to one game's enriched
 * document. {@code eventId} is deterministic ({@code <id>:<op>:<content hash>}) so that consumers
 * can drop a duplicate delivery.
 *
 * @param changedFields for {@link Operation#UPDATED}, the snake_case names of the document fields
 *     whose value changed; all non-empty fields for CREATED; empty for DELETED
 * @param updatedAt IGDB's {@code updated_at} of the version that caused the event (null on delete)
 * @param contentHash fingerprint of the new document (null on delete)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GameChangeEvent(
    String eventId,
    long gameId,
    Operation op,
    List<String> changedFields,
    Instant updatedAt,
    String contentHash,
    String previousContentHash) {

  public enum Operation {
    CREATED,
    UPDATED,
    DELETED
  }

  public GameChangeEvent {
    changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
  }

  public static GameChangeEvent of(
      long gameId,
      Operation op,
      List<String> changedFields,
      Instant updatedAt,
      String contentHash,
      String previousContentHash) {
    String hashPart = op == Operation.DELETED ? previousContentHash : contentHash;
    return new GameChangeEvent(
        gameId + ":" + op.name().toLowerCase(java.util.Locale.ROOT) + ":" + hashPart,
        gameId,
        op,
        changedFields,
        updatedAt,
        contentHash,
        previousContentHash);
  }
}
