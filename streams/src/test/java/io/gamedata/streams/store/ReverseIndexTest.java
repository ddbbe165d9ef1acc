package io.gamedata.streams.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReverseIndexTest {

  private final ReverseIndex index = new ReverseIndex();

  @Test
  void findsTheGamesOfAReference() {
    index.update(1, new long[0], new long[] {10, 20});
    index.update(255, new long[0], new long[] {10});
    index.update(1_000_000, new long[0], new long[] {10, 30});
    assertThat(index.games(10)).containsExactlyInAnyOrder(1L, 255L, 1_000_000L);
    assertThat(index.games(20)).containsExactly(1L);
    assertThat(index.games(30)).containsExactly(1_000_000L);
    assertThat(index.games(11)).isEmpty();
    assertThat(index.references()).isEqualTo(3);
  }

  @Test
  void appliesOnlyTheDifferenceAndForgetsReferencesWithoutGames() {
    index.update(7, new long[0], new long[] {10, 20});
    index.update(7, new long[] {10, 20}, new long[] {20, 30});
    assertThat(index.games(10)).isEmpty();
    assertThat(index.games(20)).containsExactly(7L);
    assertThat(index.games(30)).containsExactly(7L);
    index.update(7, new long[] {20, 30}, new long[0]);
    assertThat(index.references()).isZero();
  }

  @Test
  void matchesAPlainMapUnderRandomUpdates() {
    Random random = new Random(5);
    Map<Long, long[]> deps = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      long game = random.nextInt(300);
      long[] after = random.longs(random.nextInt(6), 0, 40).distinct().sorted().toArray();
      index.update(game, deps.getOrDefault(game, new long[0]), after);
      deps.put(game, after);
    }
    for (long ref = 0; ref < 40; ref++) {
      Set<Long> expected = new HashSet<>();
      for (Map.Entry<Long, long[]> e : deps.entrySet()) {
        for (long d : e.getValue()) {
          if (d == ref) {
            expected.add(e.getKey());
          }
        }
      }
      assertThat(new HashSet<>(index.games(ref))).as("games of %d", ref).isEqualTo(expected);
    }
  }

  @Test
  void matchesAPlainMapAcrossGrowthAndDeletesOverManyReferences() {
    // enough references to grow the table several times and to delete from long probe runs
    Random random = new Random(11);
    Map<Long, long[]> deps = new HashMap<>();
    for (int step = 0; step < 60_000; step++) {
      long game = random.nextInt(3_000);
      long[] after =
          random
              .longs(random.nextInt(12), 0, random.nextBoolean() ? 50 : 20_000)
              .map(r -> r * 0x100000001L) // spread over high and low bits, as packed references
              .distinct()
              .sorted()
              .toArray();
      index.update(game, deps.getOrDefault(game, new long[0]), after);
      deps.put(game, after);
    }
    Map<Long, Set<Long>> expected = new HashMap<>();
    deps.forEach(
        (game, refs) -> {
          for (long r : refs) {
            expected.computeIfAbsent(r, k -> new HashSet<>()).add(game);
          }
        });
    assertThat(index.references()).isEqualTo(expected.size());
    for (Map.Entry<Long, Set<Long>> e : expected.entrySet()) {
      assertThat(index.games(e.getKey()))
          .as("games of %d", e.getKey())
          .hasSize(e.getValue().size());
      assertThat(new HashSet<>(index.games(e.getKey()))).isEqualTo(e.getValue());
    }
    // and then every game leaves
    deps.forEach((game, refs) -> index.update(game, refs, new long[0]));
    assertThat(index.references()).isZero();
    assertThat(index.games(0)).isEmpty();
  }

  @Test
  void aGroupFreedByItsLastButOneGameIsReused() {
    index.update(1, new long[0], new long[] {5});
    index.update(2, new long[0], new long[] {5});
    index.update(2, new long[] {5}, new long[0]);
    assertThat(index.games(5)).containsExactly(1L);
    index.update(3, new long[0], new long[] {6});
    index.update(4, new long[0], new long[] {6});
    index.update(5, new long[0], new long[] {6});
    assertThat(index.games(6)).containsExactlyInAnyOrder(3L, 4L, 5L);
    assertThat(index.games(5)).containsExactly(1L);
  }

  @Test
  void refusesNegativeGameIds() {
    assertThatThrownBy(() -> index.update(-1, new long[0], new long[] {5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void clearForgetsEverything() {
    index.update(1, new long[0], new long[] {0, 5, 9});
    index.update(2, new long[0], new long[] {0, 5});
    index.clear();
    assertThat(index.references()).isZero();
    assertThat(index.games(0)).isEmpty();
    assertThat(index.games(5)).isEmpty();
    index.update(3, new long[0], new long[] {5});
    assertThat(index.games(5)).containsExactly(3L);
  }
}
