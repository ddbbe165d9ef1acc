package io.gamedata.streams.topology;

/**
 * When this instance's reference router last read a reference record, shared by the tasks of one
 * topology. The game tasks count it as reference activity: what the router reads reaches them only
 * after the router's next commit, so "quiet" starts when the router went quiet, not when the game
 * task last saw an update. Times come from the processors' contexts (wall clock, or the test
 * driver's mock clock).
 */
final class ReferenceActivity {

  private volatile long lastReadMs = Long.MIN_VALUE / 2;

  void read(long nowMs) {
    if (nowMs > lastReadMs) {
      lastReadMs = nowMs;
    }
  }

  long lastReadMs() {
    return lastReadMs;
  }
}
