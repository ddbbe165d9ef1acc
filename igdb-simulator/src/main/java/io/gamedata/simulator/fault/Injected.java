package io.gamedata.simulator.fault;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-off storm for tests and demos: the next {@code count} API requests (after the token check)
 * answer {@code status}, e.g. 429 without Retry-After (IGDB throttling) or 503. Thread-safe; a new
 * storm replaces the rest of the previous one.
 */
public final class Injected {

  /** status in the high 32 bits, remaining count in the low 32. */
  private final AtomicLong next = new AtomicLong();

  private final AtomicLong answered = new AtomicLong();

  /** The next {@code count} API requests answer {@code status} (400-599); count 0 cancels. */
  public void next(int count, int status) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0: " + count);
    }
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be in 400..599: " + status);
    }
    next.set(((long) status << 32) | count);
  }

  /** The status this request must answer, or 0 when no storm is going on. */
  public int take() {
    while (true) {
      long v = next.get();
      int count = (int) v;
      if (count <= 0) {
        return 0;
      }
      if (next.compareAndSet(v, v - 1)) {
        answered.incrementAndGet();
        return (int) (v >>> 32);
      }
    }
  }

  /** Requests answered by storms so far. */
  public long answered() {
    return answered.get();
  }
}
