package io.gamedata.producer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import io.gamedata.producer.ProducerContext;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.testing.ItSupport;
import io.gamedata.simulator.IgdbSimulator;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import io.gamedata.simulator.live.LiveFeed;
import io.gamedata.simulator.webhook.Webhooks;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhook deliveries from the simulator to the producer's receiver, into Kafka. (That the receiver
 * holds its answer until Kafka acknowledged, and answers 503 when the write fails, is pinned in
 * {@code WebhookServerTest} with a sink that completes on demand.)
 */
@ExtendWith(KafkaExtension.class)
class WebhookIT {

  static final String SECRET = "webhook-secret-1";
  static final Catalog CATALOG = SyntheticCatalog.generate(300, 13);

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String base(int port) {
    return "http://127.0.0.1:" + port;
  }

  static List<Webhooks.Hook> ours(IgdbSimulator igdb, int port) {
    return igdb.webhooks().list().stream()
        .filter(h -> h.toJson().get("url").asText().startsWith(base(port) + "/webhooks/games/"))
        .toList();
  }

  @Test
  void wrongSecretIsRefusedAndDeliveriesAreAcknowledgedOnlyOnceInKafka(KafkaCluster cluster)
      throws Exception {
    try (IgdbSimulator igdb =
        ItSupport.simulator(CATALOG).webhookTimeout(Duration.ofSeconds(20)).build().start()) {
      int port = freePort();
      ProducerConfig c =
          ItSupport.config(cluster, igdb, IgdbEndpoint.GAMES)
              .webhookSecret(SECRET)
              .webhookPort(port)
              .webhookPublicUrl(base(port) + "/")
              .syncInterval(Duration.ofMillis(500))
              .build();
      try (ProducerContext p = ProducerContext.open(c)) {
        p.startWebhooks();
        // registered at start-up (in the background): create, update and delete of games, with
        // our secret
        await().atMost(Duration.ofSeconds(20)).until(() -> ours(igdb, port).size() == 3);
        assertThat(ours(igdb, port))
            .hasSize(3)
            .allMatch(Webhooks.Hook::active)
            .allMatch(h -> h.toJson().get("secret").asText().equals(SECRET));

        // a delivery with a wrong secret is refused and publishes nothing
        Webhooks.Hook rogue =
            igdb.webhooks()
                .register(
                    IgdbEndpoint.GAMES,
                    base(port) + "/webhooks/games/create",
                    "not-the-secret",
                    "create",
                    igdb.clientId());
        igdb.webhooks().deliver(rogue, false, CATALOG.games().get(0));
        await().atMost(Duration.ofSeconds(20)).until(() -> rogue.failures() == 1);
        assertThat(rogue.delivered()).isZero();
        assertThat(cluster.readAll(ItSupport.topic(c, IgdbEndpoint.GAMES), Duration.ofSeconds(5)))
            .isEmpty();
        // the periodic check removes the webhook with the other secret
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> igdb.webhooks().get(rogue.id()).isEmpty());

        // IGDB changes: each acknowledged delivery is already in Kafka when IGDB gets the 200
        LiveFeed.Applied a = igdb.live().apply(1, 1, 1, 0);
        long created = a.created().get(0);
        long updated = a.updated().get(0);
        long deleted = a.deleted().get(0);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> ours(igdb, port).stream().allMatch(h -> h.delivered() == 1));
        Map<Long, Object> latest = ItSupport.latest(cluster, c, IgdbEndpoint.GAMES);
        assertThat(latest.get(created)).isEqualTo(igdb.catalog().game(created).orElseThrow());
        assertThat(latest.get(updated)).isEqualTo(igdb.catalog().game(updated).orElseThrow());
        assertThat(latest).containsEntry(deleted, null).hasSize(3);
        assertThat(ours(igdb, port)).allMatch(h -> h.failures() == 0);

        // a lost registration (a restarted IGDB) is registered again by the periodic check
        ours(igdb, port).forEach(h -> igdb.webhooks().delete(h.id()));
        await().atMost(Duration.ofSeconds(20)).until(() -> ours(igdb, port).size() == 3);
      }
    }
  }
}
