package io.gamedata.producer.limiter;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal jitter": half the delay fixed, half random. */
public record Backoff(Duration initial, Duration max) {

  /** Delay before retry number {@code attempt} (1 = first retry). */
  public Duration delay(int attempt) {
    long base = initial.toMillis();
    long cap = max.toMillis();
    long exp = base << Math.min(20, Math.max(0, attempt - 1));
    long d = Math.min(cap, exp);
    long half = d / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }
}
