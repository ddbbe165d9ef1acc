package io.gamedata.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.Json;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/** Test fixtures: enriched games with every field set, and their wire bytes. */
public final class Games {

  private Games() {}

  /** A game with every field set, deterministic from the id. */
  public static EnrichedGame full(long id) {
    return EnrichedGame.builder(id)
        .name("Game " + id)
        .slug("game-" + id)
        .summary("summary " + id)
        .storyline("story " + id)
        .url("https://www.igdb.com/games/game-" + id)
        .firstReleaseDate(Instant.parse("2020-05-01T00:00:00Z").plusSeconds(id))
        .releaseYear(2020)
        .createdAt(Instant.parse("2019-01-01T10:00:00Z"))
        .updatedAt(Instant.parse("2024-03-02T12:34:56.789Z"))
        .rating(81.5)
        .ratingCount(120)
        .aggregatedRating(77.25)
        .aggregatedRatingCount(10)
        .totalRating(79.0)
        .totalRatingCount(130)
        .hypes(7)
        .gameTypeId(0L)
        .gameType("Main Game")
        .gameStatusId(2L)
        .gameStatus("Released")
        .parentGameId(id + 1_000_000)
        .versionParentId(id + 2_000_000)
        .versionTitle("GOTY")
        .genres(List.of("Role-playing (RPG)", "Adventure"))
        .themes(List.of("Fantasy"))
        .gameModes(List.of("Single player"))
        .playerPerspectives(List.of("Third person"))
        .platforms(List.of("PC (Microsoft Windows)", "PlayStation 5"))
        .keywords(List.of("dragons"))
        .developers(List.of("Dev Studio"))
        .publishers(List.of("Big Publisher"))
        .franchises(List.of("Saga"))
        .collections(List.of("Saga Collection"))
        .gameEngines(List.of("Unreal Engine 5"))
        .coverImageId("co" + id)
        .coverUrl("https://images.igdb.com/igdb/image/upload/t_cover_big/co" + id + ".jpg")
        .similarGames(List.of(id + 1, id + 2))
        .missingReferences(List.of("keywords:99"))
        .sourceChecksum("src-" + id)
        .contentHash("hash-" + id)
        .build();
  }

  public static byte[] json(EnrichedGame game) {
    try {
      return Json.mapper().writeValueAsBytes(game);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] key(long id) {
    return ByteBuffer.allocate(Long.BYTES).putLong(id).array();
  }
}
