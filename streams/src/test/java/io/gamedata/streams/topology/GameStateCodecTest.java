package io.gamedata.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.streams.domain.GameState;
import io.gamedata.streams.domain.GameVersions;
import java.io.IOException;
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
    assertThat(GameStateCodec.pending(Json.mapper().writeValueAsBytes(state))).isFalse();
  }

  @Test
  void readsStateWrittenAsJsonByEarlierVersions() throws Exception {
    IgdbGame source = GameVersions.trimmed(Fixtures.fullGame(7, 1_700_000_000L));
    GameState state = new GameState(source, 1_700_000_000L, "abc", new long[] {4}, new long[] {5});
    GameState back = GameStateCodec.decode(Json.mapper().writeValueAsBytes(state));
    assertThat(back.source()).isEqualTo(source);
    assertThat(back.dependencies()).containsExactly(5);
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
    assertThat(GameStateCodec.dependencies(Json.mapper().writeValueAsBytes(full)))
        .containsExactly(7, 9);
  }

  @Test
  void rejectsAnUnknownFormat() {
    assertThatThrownBy(() -> GameStateCodec.decode(new byte[] {9, 0}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format 9");
  }
}
