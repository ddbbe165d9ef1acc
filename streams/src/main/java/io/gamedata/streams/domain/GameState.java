package io.gamedata.streams.domain;

import io.gamedata.contracts.igdb.IgdbGame;

/**
 * What the application remembers of one game, keyed by game id.
 *
 * @param source the last accepted raw game, trimmed to what enrichment reads (null once deleted)
 * @param updatedAt IGDB's {@code updated_at} of the newest version seen (kept after a delete, so an
 *     older version arriving late cannot resurrect the game)
 * @param contentHash hash of the last emitted document (null when none is current)
 * @param fieldHashes per-field hashes of the last emitted document
 * @param dependencies packed references the last document was built from (reverse-index entries)
 */
public record GameState(
    IgdbGame source, Long updatedAt, String contentHash, long[] fieldHashes, long[] dependencies) {

  public boolean deleted() {
    return source == null;
  }

  public static GameState deletedAt(Long updatedAt) {
    return new GameState(null, updatedAt, null, null, new long[0]);
  }
}
