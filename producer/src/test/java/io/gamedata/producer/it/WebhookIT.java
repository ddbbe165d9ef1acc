package io.gamedata.producer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import io.gamedata.producer.ProducerContext;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.testing.FakeIgdb;
import io.gamedata.producer.testing.ItSupport;
import io.gamedata.producer.webhook.WebhookServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class WebhookIT {

  static final String SECRET = "webhook-secret-1";
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> post(int port, String path, String secret, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("X-Secret", secret)
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void wrongSecretIsRefusedAndAcknowledgedEventsAreAlreadyInKafka(KafkaCluster cluster)
      throws Exception {
    try (FakeIgdb igdb = new FakeIgdb()) {
      ProducerConfig c =
          ItSupport.config(cluster, igdb, IgdbEndpoint.GAMES)
              .webhookSecret(SECRET)
              .webhookPort(0)
              .build();
      try (ProducerContext p = ProducerContext.open(c)) {
        WebhookServer server = p.startWebhooks();
        int port = server.port();
        var refused =
            post(port, "/webhooks/games/create", "not-the-secret", "{\"id\":11,\"name\":\"x\"}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(cluster.readAll(ItSupport.topic(c, IgdbEndpoint.GAMES), Duration.ofSeconds(30)))
            .isEmpty();

        var created =
            post(port, "/webhooks/games/create", SECRET, "{\"id\":11,\"name\":\"Eleven\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        // read right after the 200, with no waiting: the record must already be there
        Map<Long, Object> latest = ItSupport.latest(cluster, c, IgdbEndpoint.GAMES);
        assertThat(((IgdbGame) latest.get(11L)).name()).isEqualTo("Eleven");

        assertThat(post(port, "/webhooks/games/delete", SECRET, "{\"id\":11}").statusCode())
            .isEqualTo(200);
        assertThat(ItSupport.latest(cluster, c, IgdbEndpoint.GAMES)).containsEntry(11L, null);
        assertThat(post(port, "/webhooks/games/update", SECRET, "garbage").statusCode())
            .isEqualTo(400);
      }
    }
  }
}
