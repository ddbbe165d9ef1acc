package io.gamedata.producer.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.json.Json;
import io.gamedata.producer.client.IgdbClient;
import io.gamedata.producer.testing.Configs;
import io.gamedata.producer.testing.FakeIgdb;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookRegistrarTest {

  @Test
  void registersMissingKeepsActiveAndReplacesDeactivatedWebhooks() throws Exception {
    try (FakeIgdb igdb = new FakeIgdb();
        IgdbClient client = new IgdbClient(Configs.fast(igdb, IgdbEndpoint.GAMES).build())) {
      ObjectNode active = Json.mapper().createObjectNode();
      active
          .put("id", 1)
          .put("url", "https://me.example/webhooks/games/create")
          .put("active", true);
      ObjectNode dead = Json.mapper().createObjectNode();
      dead.put("id", 2).put("url", "https://me.example/webhooks/games/update").put("active", false);
      igdb.webhooks.put(1L, active);
      igdb.webhooks.put(2L, dead);

      List<String> registered =
          WebhookRegistrar.register(
              client, URI.create("https://me.example/"), "secret-123", List.of(IgdbEndpoint.GAMES));

      assertThat(registered)
          .containsExactlyInAnyOrder(
              "https://me.example/webhooks/games/update",
              "https://me.example/webhooks/games/delete");
      assertThat(igdb.webhooks).containsKey(1L).doesNotContainKey(2L).hasSize(3);
      assertThat(igdb.webhooks.values())
          .filteredOn(w -> !w.path("secret").isMissingNode())
          .allMatch(w -> w.get("secret").asText().equals("secret-123"));
    }
  }
}
