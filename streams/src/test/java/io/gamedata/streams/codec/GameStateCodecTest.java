package io.gamedata.streams.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.streams.domain.ContentFingerprint;
import io.gamedata.streams.domain.GameState;
import io.gamedata.streams.domain.GameVersions;
import io.gamedata.streams.testing.Fixtures;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class GameStateCodecTest {

  @Test
  void roundTripsEveryFieldOfTheState() throws Exception {
    IgdbGame source = GameVersions.trimmed(Fixtures.fullGame(42, 1_700_000_000L));
    GameState state =
        new GameState(
            source, 1_700_000_123L, "00ff00ff00ff00ff", new long[] {1, -2, 3}, new long[] {7, 9});
    GameState back = GameStateCodec.decode(GameStateCodec.encode(state));
    assertThat(back.source()).isEqualTo(source);
    assertThat(back.updatedAt()).isEqualTo(1_700_000_123L);
    assertThat(back.contentHash()).isEqualTo("00ff00ff00ff00ff");
    assertThat(back.fieldHashes()).containsExactly(1, -2, 3);
    assertThat(back.dependencies()).containsExactly(7, 9);
  }

  @Test
  void aLargeStateBetweenSmallOnesLeavesTheReusedBufferClean() throws Exception {
    IgdbGame small = GameVersions.trimmed(Fixtures.fullGame(1, 1_700_000_000L));
    IgdbGame large =
        GameVersions.trimmed(Fixtures.game(2, "x".repeat(200_000) + "\u00e9", 1_700_000_000L));
    GameState a = new GameState(small, 1L, "aa", new long[] {1}, new long[] {3});
    GameState b = new GameState(large, 2L, "bb", new long[] {2}, new long[] {4});
    byte[] first = GameStateCodec.encode(a);
    byte[] big = GameStateCodec.encode(b);
    byte[] again = GameStateCodec.encode(a);
    assertThat(again).isEqualTo(first);
    assertThat(big.length).isGreaterThan(200_000);
    assertThat(GameStateCodec.decode(big).source()).isEqualTo(large);
    assertThat(GameStateCodec.decode(again).source()).isEqualTo(small);
    assertThat(GameStateCodec.decode(first).source()).as("copies, not views").isEqualTo(small);
  }

  @Test
  void roundTripsNullsAndADeletedGame() throws Exception {
    IgdbGame sparse =
        GameVersions.trimmed(
            Json.mapper().readValue("{\"id\":5,\"name\":\"Ünïcode ☃\"}", IgdbGame.class));
    GameState pending = new GameState(sparse, null, null, null, new long[0]);
    GameState back = GameStateCodec.decode(GameStateCodec.encode(pending));
    assertThat(back.source()).isEqualTo(sparse);
    assertThat(back.source().name()).isEqualTo("Ünïcode ☃");
    assertThat(back.updatedAt()).isNull();
    assertThat(back.contentHash()).isNull();
    assertThat(back.fieldHashes()).isNull();

    GameState deleted = GameStateCodec.decode(GameStateCodec.encode(GameState.deletedAt(99L)));
    assertThat(deleted.deleted()).isTrue();
    assertThat(deleted.updatedAt()).isEqualTo(99L);
  }

  @Test
  void marksAStatePendingWithoutChangingIt() throws Exception {
    IgdbGame source = GameVersions.trimmed(Fixtures.fullGame(3, 1_700_000_000L));
    GameState state = new GameState(source, 1_700_000_000L, null, null, new long[] {5});
    byte[] held = GameStateCodec.encode(state, true);
    byte[] done = GameStateCodec.encode(state);
    assertThat(GameStateCodec.pending(held)).isTrue();
    assertThat(GameStateCodec.pending(done)).isFalse();
    assertThat(GameStateCodec.decode(held).source()).isEqualTo(source);
    assertThat(GameStateCodec.decode(held).dependencies()).containsExactly(5);
    byte[] deleted = GameStateCodec.encode(GameState.deletedAt(9L), true);
    assertThat(GameStateCodec.pending(deleted)).isTrue();
    assertThat(GameStateCodec.decode(deleted).deleted()).isTrue();
  }

  @Test
  void readsTheDependenciesAloneOfEveryKindOfState() throws Exception {
    IgdbGame source = GameVersions.trimmed(Fixtures.fullGame(42, 1_700_000_000L));
    GameState full =
        new GameState(
            source, 1_700_000_123L, "00ff00ff00ff00ff", new long[] {1, 2}, new long[] {7, 9});
    assertThat(GameStateCodec.dependencies(GameStateCodec.encode(full))).containsExactly(7, 9);
    assertThat(GameStateCodec.dependencies(GameStateCodec.encode(full, true)))
        .containsExactly(7, 9);
    GameState sparse = new GameState(source, null, null, null, new long[] {3});
    assertThat(GameStateCodec.dependencies(GameStateCodec.encode(sparse))).containsExactly(3);
    GameState none = new GameState(source, 5L, "ab", new long[0], null);
    assertThat(GameStateCodec.dependencies(GameStateCodec.encode(none))).isEmpty();
    assertThat(GameStateCodec.dependencies(GameStateCodec.encode(GameState.deletedAt(9L))))
        .isEmpty();
  }

  @Test
  void rejectsAnUnknownFormat() {
    assertThatThrownBy(() -> GameStateCodec.decode(new byte[] {9, 0}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format 9");
    // format 1 and JSON (earlier versions, never deployed) are not read
    assertThatThrownBy(() -> GameStateCodec.dependencies(new byte[] {1, 1, 0}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format 1");
    assertThat(GameStateCodec.pending(new byte[] {1, 3})).isFalse();
    assertThatThrownBy(() -> GameStateCodec.decode("{\"source\":null}".getBytes(UTF_8)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format 123");
  }

  /** A state with every field set (the golden tests). */
  private static GameState everyField() throws IOException {
    String json =
        "{\"id\":42,\"name\":\"G\u00e4me 42\",\"slug\":\"game-42\",\"summary\":\"sum\","
            + "\"storyline\":\"story\",\"url\":\"u\",\"checksum\":\"c\",\"version_title\":\"vt\","
            + "\"first_release_date\":1,\"created_at\":2,\"updated_at\":3,\"rating\":4.5,"
            + "\"rating_count\":5,\"aggregated_rating\":6.5,\"aggregated_rating_count\":7,"
            + "\"total_rating\":8.5,\"total_rating_count\":9,\"hypes\":10,\"cover\":11,"
            + "\"game_type\":12,\"game_status\":13,\"parent_game\":14,\"version_parent\":15,"
            + "\"franchise\":16,\"genres\":[17],\"themes\":[18,19],\"keywords\":[20],"
            + "\"game_modes\":[21],\"player_perspectives\":[22],\"platforms\":[23],"
            + "\"involved_companies\":[24],\"franchises\":[25],\"collections\":[26],"
            + "\"game_engines\":[27],\"similar_games\":[28,29],\"category\":30,\"status\":31,"
            + "\"collection\":32}";
    IgdbGame g = Json.mapper().readValue(json, IgdbGame.class);
    return new GameState(g, 33L, "00ff00ff00ff00ff", new long[] {34, -35}, new long[] {36, 37});
  }

  /** Format 2 byte for byte: what this version writes to the store and its changelog. */
  @Test
  void writesFormatTwoByteForByte() throws Exception {
    GameState state = everyField();
    String expected =
        "020742113030666630306666303066663030666603000000000000000022ffffffffffffffdd0348"
            + "0254ffff1f02040616181a1c1e20400a0e12143c3e4012000000000000401a000000000000402100"
            + "00000000000947c3a46d652034320867616d652d34320473756d0673746f72790376740375036302"
            + "220324020228022a022c022e0230023202340236033802";
    byte[] bytes = GameStateCodec.encode(state, true);
    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(expected);
    GameState back = GameStateCodec.decode(HexFormat.of().parseHex(expected));
    assertThat(back.source()).isEqualTo(state.source());
    assertThat(back.fieldHashes()).containsExactly(34, -35);
    assertThat(back.dependencies()).containsExactly(36, 37);
  }

  @Test
  void roundTripsExtremeNumbersAndNullElements() throws Exception {
    IgdbGame g =
        new IgdbGame(
            Long.MAX_VALUE,
            "",
            null,
            null,
            null,
            null,
            null,
            null,
            Long.MIN_VALUE,
            -1L,
            0L,
            Double.NaN,
            Integer.MIN_VALUE,
            -0.0,
            Integer.MAX_VALUE,
            Double.NEGATIVE_INFINITY,
            -1,
            0,
            Long.MAX_VALUE,
            Long.MIN_VALUE + 1,
            null,
            null,
            null,
            null,
            java.util.Arrays.asList(Long.MAX_VALUE, Long.MIN_VALUE + 1, -5L, 0L),
            java.util.Arrays.asList(1L, null, 3L),
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(9L, 8L, 7L),
            null,
            null,
            null,
            Integer.MIN_VALUE,
            null,
            -7L,
            null,
            new java.util.LinkedHashMap<>());
    long[] hashes = {
      GameStateCodec.COMMON_HASHES[0], Long.MIN_VALUE, GameStateCodec.COMMON_HASHES[1], 0, -1
    };
    long[] deps = {Long.MAX_VALUE, Long.MIN_VALUE, 0, -1, 1L << 40};
    GameState state = new GameState(g, Long.MIN_VALUE, "", hashes, deps);
    byte[] bytes = GameStateCodec.encode(state);
    GameState back = GameStateCodec.decode(bytes);
    assertThat(back.source()).isEqualTo(g);
    assertThat(back.source().genres()).containsExactly(Long.MAX_VALUE, Long.MIN_VALUE + 1, -5L, 0L);
    assertThat(back.source().themes()).containsExactly(1L, null, 3L);
    assertThat(back.source().keywords()).isEmpty();
    assertThat(back.source().gameModes()).isNull();
    assertThat(Double.doubleToRawLongBits(back.source().aggregatedRating()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(back.updatedAt()).isEqualTo(Long.MIN_VALUE);
    assertThat(back.contentHash()).isEmpty();
    assertThat(back.fieldHashes()).containsExactly(hashes);
    assertThat(back.dependencies()).containsExactly(deps);
    assertThat(GameStateCodec.dependencies(bytes)).containsExactly(deps);
  }

  /**
   * The encoder makes room once for the most bytes a state can take: strings of three-byte
   * characters and surrogate pairs, ten-byte varints in every number, list and dependency, no
   * common field hash.
   */
  @Test
  void writesTheLargestStatesWithinTheRoomItMakes() throws Exception {
    String wide = "\u2603".repeat(300) + "\ud83d\ude00".repeat(50);
    List<Long> swings = new java.util.ArrayList<>();
    long[] deps = new long[64];
    for (int i = 0; i < 64; i++) {
      swings.add(i % 2 == 0 ? Long.MAX_VALUE : Long.MIN_VALUE + 1);
      deps[i] = i % 2 == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    var node =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            Json.mapper().valueToTree(GameVersions.trimmed(Fixtures.fullGame(9, 1_700_000_000L)));
    for (String field :
        List.of("name", "slug", "summary", "storyline", "url", "checksum", "version_title")) {
      node.put(field, wide + field);
    }
    for (String field : List.of("genres", "themes", "keywords", "platforms", "similar_games")) {
      var array = node.putArray(field);
      swings.forEach(array::add);
    }
    for (String field : List.of("first_release_date", "created_at", "updated_at", "cover")) {
      node.put(field, Long.MIN_VALUE);
    }
    IgdbGame g = GameVersions.trimmed(Json.mapper().treeToValue(node, IgdbGame.class));
    long[] hashes = new long[37];
    Arrays.fill(hashes, Long.MIN_VALUE);
    GameState state = new GameState(g, Long.MIN_VALUE, wide, hashes, deps);
    for (int i = 0; i < 3; i++) { // a fresh buffer, then the grown one
      GameState back = GameStateCodec.decode(GameStateCodec.encode(state, i == 1));
      assertThat(back.source()).isEqualTo(g);
      assertThat(back.contentHash()).isEqualTo(wide);
      assertThat(back.fieldHashes()).containsExactly(hashes);
      assertThat(back.dependencies()).containsExactly(deps);
    }
  }

  @Test
  void storesIgdbShapedUrlsAndChecksumsCompactlyAndAnyOtherVerbatim() throws Exception {
    String uuid = "8919ec6b-d192-3fb5-8ab5-16f4f5d4e660";
    IgdbGame base = GameVersions.trimmed(Fixtures.fullGame(6, 1_700_000_000L));
    IgdbGame shaped = withUrlAndChecksum(base, "game-6", "https://www.igdb.com/games/game-6", uuid);
    IgdbGame verbatim =
        withUrlAndChecksum(base, "game-6", "https://www.igdb.com/games/game-7", uuid.toUpperCase());
    int shapedSize = GameStateCodec.encode(new GameState(shaped, 1L, null, null, null)).length;
    int verbatimSize = GameStateCodec.encode(new GameState(verbatim, 1L, null, null, null)).length;
    assertThat(shapedSize).isLessThan(verbatimSize - 40);
    for (IgdbGame g :
        List.of(
            shaped,
            verbatim,
            withUrlAndChecksum(base, null, "https://www.igdb.com/games/", "not-a-uuid"),
            withUrlAndChecksum(base, "game-6", "https://example.com/games/game-6", uuid),
            withUrlAndChecksum(base, "x", "https://www.igdb.com/games/y", uuid.replace('-', '_')),
            withUrlAndChecksum(base, "x", "https://www.igdb.com/games/xx", uuid + " "),
            withUrlAndChecksum(base, "game-6", null, null),
            withUrlAndChecksum(base, "", "https://www.igdb.com/games/", "g" + uuid.substring(1)))) {
      GameState back =
          GameStateCodec.decode(GameStateCodec.encode(new GameState(g, 1L, null, null, null)));
      assertThat(back.source()).isEqualTo(g);
    }
  }

  private static IgdbGame withUrlAndChecksum(IgdbGame g, String slug, String url, String checksum)
      throws IOException {
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().valueToTree(g);
    node.put("slug", slug);
    node.put("url", url);
    node.put("checksum", checksum);
    return GameVersions.trimmed(Json.mapper().treeToValue(node, IgdbGame.class));
  }

  @Test
  void codesTheFingerprintsHashesOfAbsentAndEmptyValues() {
    // the two codes stand for exactly the hashes the fingerprint treats as empty
    long[] hashes = {GameStateCodec.COMMON_HASHES[0], GameStateCodec.COMMON_HASHES[1], 12345L};
    assertThat(ContentFingerprint.nonEmptyFields(hashes))
        .containsExactly(ContentFingerprint.FIELDS.get(2).name());
  }

  @Test
  void reportsEveryTruncationAndGarbageAsACorruptState() throws Exception {
    byte[] whole = GameStateCodec.encode(everyField(), true);
    for (int n = 1; n < whole.length; n++) {
      byte[] cut = Arrays.copyOf(whole, n);
      assertThatThrownBy(() -> GameStateCodec.decode(cut)).isInstanceOf(IOException.class);
    }
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 20_000; i++) {
      byte[] garbage = new byte[1 + random.nextInt(60)];
      random.nextBytes(garbage);
      garbage[0] = GameStateCodec.FORMAT;
      try {
        GameStateCodec.decode(garbage);
        GameStateCodec.dependencies(garbage);
      } catch (IOException expected) {
        // reported as corrupt: fine
      }
    }
  }
}
