package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.local.EmbeddedKafkaBroker;
import io.gamedata.producer.ProducerContext;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.webhook.WebhookServer;
import io.gamedata.recommender.service.RecommenderConfig;
import io.gamedata.recommender.service.RecommenderService;
import io.gamedata.simulator.IgdbSimulator;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import io.gamedata.streams.config.StreamsAppConfig;
import io.gamedata.streams.runtime.StreamsApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric name the Grafana dashboards, the Prometheus rules and terraform's monitoring use is
 * exported by an app (or by the Kafka exporter or Prometheus itself, see {@link
 * MetricReferences#OTHER_EXPORTERS}). The exported names come from the apps themselves: the IGDB
 * simulator, the producer, the streams application and the recommender run here against an embedded
 * broker, a small catalogue flows through them, each answers a request, and each one's {@code
 * /metrics} is scraped.
 */
class MetricNamesIT {

  static final int GAMES = 150;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

  @TempDir Path dir;

  @Test
  void everyMetricTheMonitoringUsesIsExportedByAnApp() throws Exception {
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.builder().dataDir(dir.resolve("kafka")).build().start()) {
      String bootstrap = broker.bootstrapServers();
      createTopics(bootstrap);
      try (IgdbSimulator igdb =
              IgdbSimulator.builder()
                  .catalog(SyntheticCatalog.generate(GAMES, 7))
                  .rateLimit(0)
                  .maxOpenRequests(0)
                  .build()
                  .start();
          ProducerContext producer =
              ProducerContext.open(
                  ProducerConfig.builder()
                      .kafkaBootstrapServers(bootstrap)
                      .createTopics(false)
                      .apiUrl(igdb.apiUrl())
                      .tokenUrl(igdb.tokenUrl())
                      .credentials(igdb.clientId(), igdb.clientSecret())
                      .requestsPerSecond(1000)
                      .webhookSecret("metric-names-secret")
                      .webhookPort(0)
                      .build());
          StreamsApp streams =
              new StreamsApp(
                  StreamsAppConfig.builder(bootstrap)
                      .stateDir(dir.resolve("streams"))
                      .set(StreamsAppConfig.HTTP_PORT_CONFIG, 0)
                      .set(StreamsAppConfig.COMMIT_INTERVAL_MS_CONFIG, 200)
                      .build());
          RecommenderService recommender =
              new RecommenderService(
                  RecommenderConfig.defaults(bootstrap)
                      .with(
                          Map.of(
                              RecommenderConfig.HTTP_PORT_CONFIG, "0",
                              RecommenderConfig.HTTP_HOST_CONFIG, "127.0.0.1",
                              RecommenderConfig.STATE_DIR_CONFIG,
                                  dir.resolve("recommender").toString())))) {
        WebhookServer webhooks = producer.startWebhooks();
        producer.fetch();
        streams.start();
        streams.awaitRunning(Duration.ofMinutes(3));
        recommender.start();
        await()
            .atMost(Duration.ofMinutes(3))
            .until(() -> recommender.ready() && recommender.engine().size() == GAMES);

        List<String> apps = new ArrayList<>();
        apps.add("http://127.0.0.1:" + igdb.port());
        apps.add("http://127.0.0.1:" + webhooks.port());
        apps.add("http://127.0.0.1:" + streams.httpPort());
        apps.add("http://127.0.0.1:" + recommender.port());
        get(apps.get(0) + "/admin/stats", 200);
        get(apps.get(1) + "/health", 200);
        get(apps.get(2) + "/health", 200);
        get(apps.get(3) + "/api/search?q=a", 200);
        Set<String> exported = new TreeSet<>();
        for (String app : apps) {
          Set<String> names = scrape(app);
          assertThat(names)
              .as(app + "/metrics")
              .contains("http_server_requests_seconds_bucket", "jvm_memory_used_bytes");
          exported.addAll(names);
        }
        List<String> missing = MetricReferences.ofRepository().missing(exported);
        assertThat(missing)
            .as(
                "metric names the monitoring uses that no app exports (the apps export %d names)",
                exported.size())
            .isEmpty();
      }
    }
  }

  static void createTopics(String bootstrap) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      List<NewTopic> topics = new ArrayList<>();
      for (Topic<?, ?> t : Topics.all()) {
        topics.add(t.withReplicationFactor((short) 1).toNewTopic());
      }
      admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
    }
  }

  static String get(String url, int status) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url).isEqualTo(status);
    return r.body();
  }

  /** The sample names of one app's {@code /metrics}. */
  static Set<String> scrape(String base) throws Exception {
    Set<String> names = new TreeSet<>();
    for (String line : get(base + "/metrics", 200).split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (!line.startsWith("#") && m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }
}
