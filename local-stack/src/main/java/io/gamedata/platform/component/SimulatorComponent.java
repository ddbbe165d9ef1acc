package io.gamedata.platform.component;

import io.gamedata.simulator.IgdbSimulator;

/**
 * The local IGDB: a deterministic synthetic catalogue of {@code --games} games served with IGDB's
 * real limits (4 requests/s, 8 open) and webhooks. Client id and secret come from the environment
 * ({@code TWITCH_CLIENT_ID}/{@code TWITCH_CLIENT_SECRET}, set by the platform for the local run).
 */
public final class SimulatorComponent implements Component {

  private IgdbSimulator simulator;

  @Override
  public void start(ComponentSettings s) {
    simulator =
        IgdbSimulator.builder()
            .games(s.integer("games"))
            .seed(Long.parseLong(s.string("seed", "42")))
            .clientId(System.getenv("TWITCH_CLIENT_ID"))
            .clientSecret(System.getenv("TWITCH_CLIENT_SECRET"))
            .port(s.integer("port"))
            .rateLimit(s.integer("rate-limit", 4))
            .maxOpenRequests(s.integer("max-open", 8))
            .build()
            .start();
  }

  @Override
  public void close() {
    if (simulator != null) {
      simulator.close();
    }
  }
}
