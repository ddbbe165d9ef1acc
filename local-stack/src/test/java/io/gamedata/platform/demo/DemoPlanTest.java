package io.gamedata.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPlanTest {

  private static long count(List<Character> plan, char kind) {
    return plan.stream().filter(c -> c == kind).count();
  }

  @Test
  void everyChangeIsPlannedOnceAndTheKindsAreSpreadOverTheRun() {
    List<Character> plan = Demo.plan(200, 50, 20);
    assertThat(plan).hasSize(270);
    assertThat(count(plan, 'c')).isEqualTo(200);
    assertThat(count(plan, 'u')).isEqualTo(50);
    assertThat(count(plan, 'd')).isEqualTo(20);
    // each half of the run holds about half of every kind (not all deletes at the end)
    List<Character> first = plan.subList(0, 135);
    assertThat(count(first, 'c')).isBetween(99L, 101L);
    assertThat(count(first, 'u')).isBetween(24L, 26L);
    assertThat(count(first, 'd')).isBetween(9L, 11L);
  }

  @Test
  void emptyKindsAndOnlyOneKindWork() {
    assertThat(Demo.plan(0, 0, 0)).isEmpty();
    assertThat(Demo.plan(3, 0, 0)).containsExactly('c', 'c', 'c');
    assertThat(Demo.plan(0, 0, 2)).containsExactly('d', 'd');
    assertThat(Demo.plan(1, 1, 1)).containsExactlyInAnyOrder('c', 'u', 'd');
  }
}
