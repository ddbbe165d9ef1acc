package io.gamedata.streams.processor;

import java.util.concurrent.atomic.LongAdder;

/**
 * When this application's reference router last read a reference record (wall clock of its
 * processor context), shared by the two parts of one instance. A game task holds a game that names
 * a reference not found yet while references are still streaming in (a bulk load whose last
 * references overlap its first games), so that the game is emitted once, complete, instead of
 * incomplete and again when the reference arrives. Only a hint: with the router's tasks on another
 * instance it stays quiet, and the hold then ends after {@link EmitPolicy#holdMs()}. The count of
 * reads tells a bulk load (hundreds of references a second) from the trickle of live changes, which
 * holds a game no longer than {@link EmitPolicy#holdMs()}.
 */
public final class ReferenceActivity {

  private volatile long lastReadMs = Long.MIN_VALUE / 2;
  private final LongAdder reads = new LongAdder();

  void read(long nowMs) {
    reads.increment();
    if (nowMs > lastReadMs) {
      lastReadMs = nowMs;
    }
  }

  /** References read so far (a game task samples it to tell a bulk load from a trickle). */
  long reads() {
    return reads.sum();
  }

  long lastReadMs() {
    return lastReadMs;
  }
}
