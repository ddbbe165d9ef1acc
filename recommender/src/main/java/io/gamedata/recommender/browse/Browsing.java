package io.gamedata.recommender.browse;

import io.gamedata.recommender.engine.SimilarityEngine;
import java.time.Clock;

/**
 * The browse side of one engine: its {@link Catalogue}, its {@link ChangeFeed}, and the writer
 * ({@link TrackedEngine}) through which every write must go to keep them in step.
 */
public final class Browsing {

  /** Changes the feed remembers (what a reconnecting page can catch up on). */
  public static final int FEED_CAPACITY = 256;

  private final Catalogue catalogue = new Catalogue();
  private final ChangeFeed feed;
  private final TrackedEngine writer;

  private Browsing(SimilarityEngine engine, Clock clock) {
    this.feed = new ChangeFeed(FEED_CAPACITY, clock);
    this.writer = new TrackedEngine(engine, catalogue, feed);
  }

  public static Browsing of(SimilarityEngine engine) {
    return new Browsing(engine, Clock.systemUTC());
  }

  /** The engine for its writer: writes also update the catalogue and the feed. */
  public SimilarityEngine writer() {
    return writer;
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  public ChangeFeed feed() {
    return feed;
  }
}
