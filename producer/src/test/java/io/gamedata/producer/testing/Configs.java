package io.gamedata.producer.testing;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.simulator.IgdbSimulator;
import java.time.Duration;
import java.util.List;

/**
 * A minimal valid config against a {@link FakeIgdb} or the IGDB simulator, fast limits; change one
 * thing per test.
 */
public final class Configs {
  private Configs() {}

  public static ProducerConfig.Builder fast(FakeIgdb igdb, IgdbEndpoint... endpoints) {
    return fast(igdb.apiUrl(), igdb.tokenUrl(), "test-client", "test-secret", endpoints);
  }

  public static ProducerConfig.Builder fast(IgdbSimulator igdb, IgdbEndpoint... endpoints) {
    return fast(igdb.apiUrl(), igdb.tokenUrl(), igdb.clientId(), igdb.clientSecret(), endpoints);
  }

  private static ProducerConfig.Builder fast(
      String apiUrl,
      String tokenUrl,
      String clientId,
      String clientSecret,
      IgdbEndpoint... endpoints) {
    return ProducerConfig.builder()
        .kafkaBootstrapServers("localhost:1")
        .apiUrl(apiUrl)
        .tokenUrl(tokenUrl)
        .credentials(clientId, clientSecret)
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
