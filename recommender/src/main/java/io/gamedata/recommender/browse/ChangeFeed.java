package io.gamedata.recommender.browse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest changes applied to the index, for the web page's live panel: a bounded ring (the
 * oldest are forgotten), numbered so that a reader asks for what came after the last one it saw.
 * Writers never wait for readers; readers can wait for the next change. Thread-safe.
 */
public final class ChangeFeed {

  private final Change[] ring;
  private final Clock clock;
  private long last; // seq of the newest change, 0 when none

  public ChangeFeed(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.ring = new Change[capacity];
    this.clock = clock;
  }

  /** Records a change and wakes the readers waiting for one. */
  public synchronized Change add(Change.Kind kind, long id, String name, int games) {
    Change c = new Change(last + 1, kind, id, name, clock.millis(), games);
    ring[(int) (c.seq() % ring.length)] = c;
    last = c.seq();
    notifyAll();
    return c;
  }

  /** The seq of the newest change (0: none yet). */
  public synchronized long lastSeq() {
    return last;
  }

  /**
   * The changes after {@code seq}, oldest first: at most the {@code max} newest of them, and only
   * those the ring still holds.
   */
  public synchronized List<Change> since(long seq, int max) {
    long from = Math.max(Math.max(seq + 1, last - ring.length + 1), last - max + 1);
    List<Change> out = new ArrayList<>((int) Math.max(0, last - from + 1));
    for (long s = Math.max(from, 1); s <= last; s++) {
      out.add(ring[(int) (s % ring.length)]);
    }
    return out;
  }

  /**
   * Waits until a change after {@code seq} exists or {@code timeoutMillis} passed; returns the
   * newest seq then.
   */
  public synchronized long awaitAfter(long seq, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (last <= seq) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        break;
      }
      wait(left);
    }
    return last;
  }
}
