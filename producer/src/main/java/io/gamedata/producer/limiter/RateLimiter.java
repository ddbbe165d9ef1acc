package io.gamedata.producer.limiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Keeps both IGDB limits at once: at most {@code permitsPerWindow} request starts in any sliding
 * window (4 per second) and at most {@code maxInFlight} requests open. Adaptive: a 429 cuts the
 * effective rate by 5 % and pauses new starts for a twentieth of the window; every success then
 * raises the rate by a small step back towards the configured maximum (additive increase,
 * multiplicative decrease).
 *
 * <p>The rate is applied by stretching the window: at rate r the limiter allows {@code
 * permitsPerWindow} starts per {@code window * max / r}, so the configured limit is never exceeded
 * in any window, whatever the rate.
 */
public final class RateLimiter {

  /** Each 429 multiplies the rate by this. */
  static final double BACKOFF_FACTOR = 0.95;

  private final int permitsPerWindow;
  private final long windowNanos;
  private final int maxInFlight;
  private final double maxRate;
  private final double minRate;
  private final double recoveryStep;
  private final long pauseNanos;
  private final LongSupplier clock;

  private final ReentrantLock lock = new ReentrantLock(true);
  private final Condition changed = lock.newCondition();
  private final List<long[]> starts = new ArrayList<>();
  private double rate;
  private int inFlight;
  private long pausedUntil = Long.MIN_VALUE;
  private long throttled;

  /**
   * @param requestsPerSecond the limit, e.g. 4
   * @param maxInFlight open requests at most, e.g. 8
   * @param safetyMargin added to the one-second window so that network jitter cannot make two
   *     starts one window apart arrive closer than that at the server
   */
  public RateLimiter(double requestsPerSecond, int maxInFlight, Duration safetyMargin) {
    this(
        Math.max(1, (int) Math.floor(requestsPerSecond)),
        Duration.ofNanos(
            (long) (1e9 * Math.max(1, Math.floor(requestsPerSecond)) / requestsPerSecond)
                + safetyMargin.toNanos()),
        maxInFlight,
        System::nanoTime);
  }

  /** A limiter of {@code permits} starts per {@code window}, for tests and tuning. */
  public RateLimiter(int permits, Duration window, int maxInFlight, LongSupplier clock) {
    if (permits < 1 || maxInFlight < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("permits, window and maxInFlight must be positive");
    }
    this.permitsPerWindow = permits;
    this.windowNanos = window.toNanos();
    this.maxInFlight = maxInFlight;
    this.maxRate = 1.0;
    this.minRate = 1.0 / 16;
    this.recoveryStep = 1.0 / 50;
    // a lone 429 is mostly arrival jitter at the server: a short pause, a small cut; a storm
    // compounds the cuts down to minRate
    this.pauseNanos = windowNanos / 20;
    this.clock = clock;
    this.rate = maxRate;
  }

  /** A held slot; close it when the response has been read. */
  public interface Permit extends AutoCloseable {
    /**
     * The request is being written now: its start moves to this moment if later than the grant, so
     * a request that left late (scheduling, a new connection) still counts from when the server
     * sees it.
     */
    void sent();

    /**
     * The server refused the request (429), so it does not count in the server's window: its start
     * leaves this window too, and the retry takes the next free slot instead of burning one more.
     */
    void refused();

    @Override
    void close();
  }

  /** Blocks until both limits allow one more request. */
  public Permit acquire() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (true) {
        long now = clock.getAsLong();
        long window = (long) (windowNanos / rate);
        starts.removeIf(t -> now - t[0] >= window);
        long waitNanos = 0;
        if (now < pausedUntil) {
          waitNanos = pausedUntil - now;
        } else if (starts.size() >= permitsPerWindow) {
          long oldest = Long.MAX_VALUE;
          for (long[] t : starts) {
            oldest = Math.min(oldest, t[0]);
          }
          waitNanos = Math.max(1, oldest + window - now);
        }
        if (waitNanos <= 0 && inFlight < maxInFlight) {
          long[] entry = {now};
          starts.add(entry);
          inFlight++;
          return new Slot(entry);
        }
        if (waitNanos > 0) {
          changed.awaitNanos(waitNanos);
        } else {
          changed.await();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** The server answered 429: cut the rate and pause new starts for a moment. */
  public void onThrottled() {
    lock.lock();
    try {
      throttled++;
      rate = Math.max(minRate, rate * BACKOFF_FACTOR);
      pausedUntil = Math.max(pausedUntil, clock.getAsLong() + pauseNanos);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** A request succeeded: recover a small step towards the full rate. */
  public void onSuccess() {
    lock.lock();
    try {
      if (rate < maxRate) {
        rate = Math.min(maxRate, rate + recoveryStep);
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Current rate as a fraction of the configured limit (1.0 = full speed). */
  public double rateFraction() {
    lock.lock();
    try {
      return rate;
    } finally {
      lock.unlock();
    }
  }

  public long throttledCount() {
    lock.lock();
    try {
      return throttled;
    } finally {
      lock.unlock();
    }
  }

  private final class Slot implements Permit {
    private final long[] entry;
    private boolean closed;

    Slot(long[] entry) {
      this.entry = entry;
    }

    @Override
    public void sent() {
      lock.lock();
      try {
        entry[0] = Math.max(entry[0], clock.getAsLong());
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void refused() {
      lock.lock();
      try {
        starts.remove(entry);
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void close() {
      lock.lock();
      try {
        if (!closed) {
          closed = true;
          inFlight--;
          changed.signalAll();
        }
      } finally {
        lock.unlock();
      }
    }
  }
}
