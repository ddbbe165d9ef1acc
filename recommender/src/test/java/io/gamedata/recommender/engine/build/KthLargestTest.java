package io.gamedata.recommender.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The selection the full build uses to score its most promising candidates first. */
class KthLargestTest {

  @Test
  void returnsTheKthLargestWithDuplicatesAndNegativesAndLeavesTheInputAlone() {
    Random rnd = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      int n = 2 + rnd.nextInt(300);
      int[] v = new int[n];
      int range = 1 + rnd.nextInt(round % 3 == 0 ? 3 : 1_000); // many ties in a third of rounds
      for (int i = 0; i < n; i++) {
        v[i] = rnd.nextInt(range) - range / 4;
      }
      int k = 1 + rnd.nextInt(n - 1);
      int[] before = v.clone();
      int[] sorted = v.clone();
      Arrays.sort(sorted);
      assertThat(BuildQuery.kthLargest(v, new int[n], n, k))
          .as("round %d n %d k %d", round, n, k)
          .isEqualTo(sorted[n - k]);
      assertThat(v).isEqualTo(before);
    }
  }
}
