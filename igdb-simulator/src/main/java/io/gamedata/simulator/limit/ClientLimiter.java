package io.gamedata.simulator.limit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * IGDB's limits for one client: at most {@code perSecond} requests started in any one-second window
 * and at most {@code maxOpen} requests open at once. A refused request does not count.
 */
public final class ClientLimiter {

  private final int perSecond;
  private final int maxOpen;
  private final LongSupplier nanoClock;
  private final Deque<Long> starts = new ArrayDeque<>();
  private final AtomicInteger open = new AtomicInteger();

  /**
   * @param perSecond requests per second, 0 for no limit
   * @param maxOpen open requests, 0 for no limit
   */
  public ClientLimiter(int perSecond, int maxOpen, LongSupplier nanoClock) {
    this.perSecond = perSecond;
    this.maxOpen = maxOpen;
    this.nanoClock = nanoClock;
  }

  /**
   * Tries to start {@code weight} requests (a multiquery may count as its sub-queries). On true the
   * caller must call {@link #finish()} once when done.
   */
  public boolean tryStart(int weight) {
    if (maxOpen > 0 && open.incrementAndGet() > maxOpen) {
      open.decrementAndGet();
      return false;
    }
    if (maxOpen <= 0) {
      open.incrementAndGet();
    }
    if (perSecond > 0) {
      synchronized (starts) {
        long now = nanoClock.getAsLong();
        while (!starts.isEmpty() && now - starts.peekFirst() >= 1_000_000_000L) {
          starts.removeFirst();
        }
        if (starts.size() + weight > perSecond) {
          open.decrementAndGet();
          return false;
        }
        for (int i = 0; i < weight; i++) {
          starts.addLast(now);
        }
      }
    }
    return true;
  }

  public void finish() {
    open.decrementAndGet();
  }

  /** Requests open now. */
  public int open() {
    return open.get();
  }
}
