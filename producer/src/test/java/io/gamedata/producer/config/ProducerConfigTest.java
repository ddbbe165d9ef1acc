package io.gamedata.producer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerConfigTest {

  static Map<String, String> valid() {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
    env.put("TWITCH_CLIENT_ID", "id");
    env.put("TWITCH_CLIENT_SECRET", "secret");
    return env;
  }

  @Test
  void defaultsTalkToTheRealIgdbAtItsLimits() {
    ProducerConfig c = ProducerConfig.fromEnv(valid());
    assertThat(c.apiUrl()).hasToString("https://api.igdb.com/v4");
    assertThat(c.tokenUrl()).hasToString("https://id.twitch.tv/oauth2/token");
    assertThat(c.requestsPerSecond()).isEqualTo(4);
    assertThat(c.maxInFlight()).isEqualTo(8);
    assertThat(c.pageSize()).isEqualTo(500);
    assertThat(c.endpoints()).endsWith(IgdbEndpoint.GAMES).hasSize(IgdbEndpoint.values().length);
    assertThat(c.topicFor(IgdbEndpoint.GAMES)).isEqualTo("igdb.games");
    assertThat(c.toString()).doesNotContain("secret");
    // kept current: every endpoint (a new game's cover and involved companies, a renamed company)
    assertThat(c.syncEndpoints()).containsExactlyInAnyOrder(IgdbEndpoint.values());
    assertThat(
            ProducerConfig.builder()
                .kafkaBootstrapServers("localhost:1")
                .credentials("id", "a-client-secret")
                .build()
                .syncEndpoints())
        .containsExactlyInAnyOrder(IgdbEndpoint.values());
  }

  @Test
  void errorsNameTheKey() {
    Map<String, String> env = valid();
    env.remove("TWITCH_CLIENT_SECRET");
    assertThatThrownBy(() -> ProducerConfig.fromEnv(env))
        .hasMessageStartingWith("TWITCH_CLIENT_SECRET");
    for (var bad :
        Map.of(
                "IGDB_PAGE_SIZE", "900",
                "IGDB_MAX_IN_FLIGHT", "x",
                "IGDB_API_URL", "ftp://x",
                "FETCH_ENDPOINTS", "games,nope",
                "FETCH_MULTIQUERY", "maybe",
                "WEBHOOK_SECRET", "short")
            .entrySet()) {
      Map<String, String> e = valid();
      e.put(bad.getKey(), bad.getValue());
      assertThatThrownBy(() -> ProducerConfig.fromEnv(e))
          .isInstanceOfSatisfying(
              ConfigException.class, ex -> assertThat(ex.key()).isEqualTo(bad.getKey()));
    }
  }

  @Test
  void endpointListsParse() {
    Map<String, String> env = valid();
    env.put("FETCH_ENDPOINTS", "genres, games");
    assertThat(ProducerConfig.fromEnv(env).endpoints())
        .containsExactly(IgdbEndpoint.GENRES, IgdbEndpoint.GAMES);
    env.put("SYNC_ENDPOINTS", "games");
    assertThat(ProducerConfig.fromEnv(env).syncEndpoints()).containsExactly(IgdbEndpoint.GAMES);
    // the delete diff covers the sync endpoints unless told otherwise, and only sync endpoints
    assertThat(ProducerConfig.fromEnv(env).deleteDiffEndpoints())
        .containsExactly(IgdbEndpoint.GAMES);
    env.remove("SYNC_ENDPOINTS");
    env.put("SYNC_DELETE_DIFF_ENDPOINTS", "games,covers");
    assertThat(ProducerConfig.fromEnv(env).deleteDiffEndpoints())
        .containsExactly(IgdbEndpoint.GAMES, IgdbEndpoint.COVERS);
    env.put("SYNC_ENDPOINTS", "games");
    assertThatThrownBy(() -> ProducerConfig.fromEnv(env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            ex -> assertThat(ex.key()).isEqualTo("SYNC_DELETE_DIFF_ENDPOINTS"))
        .hasMessageContaining("covers");
  }
}
