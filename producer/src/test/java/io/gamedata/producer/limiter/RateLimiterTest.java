package io.gamedata.producer.limiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void keepsBothTheSlidingWindowAndTheInFlightLimit() throws Exception {
    RateLimiter limiter = new RateLimiter(4, Duration.ofMillis(200), 2, System::nanoTime);
    List<Long> starts = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger open = new AtomicInteger();
    AtomicInteger maxOpen = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    for (int n = 0; n < 24; n++) {
      final int i = n;
      pool.submit(
          () -> {
            try (RateLimiter.Permit p = limiter.acquire()) {
              starts.add(System.nanoTime());
              maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
              TimeUnit.MILLISECONDS.sleep(i % 3 == 0 ? 60 : 5); // simulated request latency
              open.decrementAndGet();
            }
            return null;
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(maxOpen.get()).isLessThanOrEqualTo(2);
    List<Long> sorted = new ArrayList<>(starts);
    Collections.sort(sorted);
    assertThat(sorted).hasSize(24);
    for (int i = 4; i < sorted.size(); i++) {
      // the 5th start after any start is at least one window later
      assertThat(sorted.get(i) - sorted.get(i - 4))
          .isGreaterThanOrEqualTo(200_000_000L - 2_000_000L);
    }
    // and it is not much slower than the limit allows: 24 starts need 5 windows
    assertThat(sorted.get(23) - sorted.get(0)).isLessThan(1_600_000_000L);
  }

  @Test
  void aRefusedRequestGivesItsSlotBack() throws Exception {
    long[] now = {0};
    RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(1), 4, () -> now[0]);
    try (RateLimiter.Permit p = limiter.acquire()) {
      p.sent();
      p.refused(); // the server did not count it
    }
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      // no time passes: the only slot of the window is free again
      assertThat(one.submit(() -> limiter.acquire()).get(5, TimeUnit.SECONDS)).isNotNull();
      // and now it is taken: a third start must wait for the window
      var third = one.submit(() -> limiter.acquire());
      await()
          .during(Duration.ofMillis(200))
          .atMost(Duration.ofSeconds(2))
          .until(() -> !third.isDone());
      third.cancel(true);
    } finally {
      one.shutdownNow();
    }
  }

  @Test
  void backsOffOnThrottlingAndRecoversSlowly() {
    RateLimiter limiter = new RateLimiter(4, Duration.ofMillis(100), 8, System::nanoTime);
    assertThat(limiter.rateFraction()).isEqualTo(1.0);
    limiter.onThrottled();
    limiter.onThrottled();
    assertThat(limiter.rateFraction()).isCloseTo(0.9025, org.assertj.core.data.Offset.offset(1e-9));
    limiter.onSuccess();
    assertThat(limiter.rateFraction()).isGreaterThan(0.9025).isLessThan(0.93);
    for (int i = 0; i < 100; i++) {
      limiter.onSuccess();
    }
    assertThat(limiter.rateFraction()).isEqualTo(1.0);
    assertThat(limiter.throttledCount()).isEqualTo(2);
  }
}
