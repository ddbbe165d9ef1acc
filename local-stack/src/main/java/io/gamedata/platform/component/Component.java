package io.gamedata.platform.component;

/**
 * One part of the local platform, run in its own process by {@link ComponentMain}: started with its
 * settings, stopped by the shutdown hook when the supervisor sends SIGTERM (Ctrl-C or {@code
 * ./platform down}).
 */
public interface Component extends AutoCloseable {

  /** Starts the component; returns once it serves (or throws naming what is wrong). */
  void start(ComponentSettings settings) throws Exception;

  /** Stops cleanly; must be idempotent. */
  @Override
  void close() throws Exception;
}
