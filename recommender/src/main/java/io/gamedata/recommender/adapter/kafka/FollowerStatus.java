package io.gamedata.recommender.adapter.kafka;

/**
 * Where the follower is, written by its writer thread and read by any (health checks, metrics): the
 * phase, whether it caught up once, its lag, how it started, and whether it should keep running.
 */
final class FollowerStatus {

  volatile boolean running = true;
  volatile EnrichedFollower.Phase phase = EnrichedFollower.Phase.STARTING;
  volatile boolean ready;
  volatile long lag = -1;
  volatile String startMode = "";
}
