package io.gamedata.recommender.browse;

/**
 * One change the recommender applied to its index: a game that arrived, changed or left.
 *
 * @param seq position in the feed, from 1, increasing by one per change
 * @param kind what happened
 * @param id the game
 * @param name its name (the last one known, for a deleted game)
 * @param atMillis when it was applied (epoch milliseconds)
 * @param games games in the index right after it
 */
public record Change(long seq, Kind kind, long id, String name, long atMillis, int games) {

  /** What happened to the game. */
  public enum Kind {
    NEW,
    CHANGED,
    DELETED
  }
}
