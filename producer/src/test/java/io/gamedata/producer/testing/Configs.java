package io.gamedata.producer.testing;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.config.ProducerConfig;
import java.time.Duration;
import java.util.List;

/** A minimal valid config against a {@link FakeIgdb}, fast limits; change one thing per test. */
public final class Configs {
  private Configs() {}

  public static ProducerConfig.Builder fast(FakeIgdb igdb, IgdbEndpoint... endpoints) {
    return ProducerConfig.builder()
        .kafkaBootstrapServers("localhost:1")
        .apiUrl(igdb.apiUrl())
        .tokenUrl(igdb.tokenUrl())
        .credentials("test-client", "test-secret")
        .requestsPerSecond(1000)
        .maxInFlight(8)
        .pageSize(100)
        .rangesPerEndpoint(4)
        .maxAttempts(4)
        .backoff(Duration.ofMillis(5), Duration.ofMillis(50))
        .requestTimeout(Duration.ofSeconds(5))
        .endpoints(List.of(endpoints));
  }
}
