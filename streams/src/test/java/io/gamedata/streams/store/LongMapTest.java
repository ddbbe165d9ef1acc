package io.gamedata.streams.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongMapTest {

  @Test
  void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
    for (long seed = 1; seed <= 5; seed++) {
      Random random = new Random(seed);
      LongMap<String> map = new LongMap<>();
      Map<Long, String> expected = new HashMap<>();
      // a small key space forces collisions, long probe runs and removals inside them
      int keySpace = seed % 2 == 0 ? 64 : 5_000;
      for (int op = 0; op < 50_000; op++) {
        long key = random.nextInt(keySpace) * (seed == 3 ? 1L << 40 : 1L) - keySpace / 4;
        int what = random.nextInt(10);
        if (what < 5) {
          String v = "v" + op;
          assertThat(map.put(key, v)).isEqualTo(expected.put(key, v));
        } else if (what < 8) {
          assertThat(map.remove(key)).isEqualTo(expected.remove(key));
        } else if (what == 8) {
          String v = "p" + op;
          assertThat(map.putIfAbsent(key, v)).isEqualTo(expected.putIfAbsent(key, v));
        } else {
          assertThat(map.get(key)).isEqualTo(expected.get(key));
        }
        assertThat(map.size()).isEqualTo(expected.size());
      }
      for (Map.Entry<Long, String> e : expected.entrySet()) {
        assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
      }
      assertThat(java.util.Arrays.stream(map.keys()).boxed())
          .containsExactlyInAnyOrderElementsOf(expected.keySet());
    }
  }

  @Test
  void growsClearsAndPutsIfAbsent() {
    LongMap<Long> map = new LongMap<>();
    for (long k = 0; k < 100_000; k++) {
      map.put(k, k * 2);
    }
    assertThat(map.size()).isEqualTo(100_000);
    assertThat(map.get(99_999)).isEqualTo(199_998L);
    assertThat(map.get(100_000)).isNull();
    assertThat(map.putIfAbsent(7, -1L)).isEqualTo(14L);
    assertThat(map.get(7)).isEqualTo(14L);
    assertThat(map.putIfAbsent(-7, -21L)).isNull();
    assertThat(map.get(-7)).isEqualTo(-21L);
    map.clear();
    assertThat(map.isEmpty()).isTrue();
    assertThat(map.get(7)).isNull();
    assertThatThrownBy(() -> map.put(1, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
