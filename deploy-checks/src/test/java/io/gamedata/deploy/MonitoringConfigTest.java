package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Prometheus scrape config, the provisioned Grafana dashboard and the documented settings. */
class MonitoringConfigTest {

  @Test
  void dashboardHasThePanelsTheIssueAsksFor() throws IOException {
    JsonNode dashboard =
        new ObjectMapper().readTree(Repo.read("docker/grafana/dashboards/platform.json"));
    List<String> titles = new ArrayList<>();
    List<String> exprs = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      titles.add(panel.path("title").asText());
      panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
    }
    assertThat(String.join("|", titles).toLowerCase())
        .contains("throughput per stage", "consumer lag", "dlq rate", "latency", "update lag");
    assertThat(exprs).allMatch(e -> !e.isBlank());
    assertThat(String.join("\n", exprs)).contains("kafka_consumergroup_lag", "games\\\\.enriched");
  }

  @Test
  void prometheusScrapesTheExporterAndTheApps() {
    JsonNode prometheus = Yaml.read("docker/prometheus/prometheus.yml");
    String targets = prometheus.path("scrape_configs").toString();
    Set<String> services = new TreeSet<>();
    ComposeServices.names().forEach(services::add);
    Matcher m = Pattern.compile("\"([a-z-]+):\\d+\"").matcher(targets);
    while (m.find()) {
      assertThat(services).as("scrape target host is a compose service").contains(m.group(1));
    }
    assertThat(targets).contains("kafka-exporter:9308", "recommender:");
  }

  @Test
  void everyAppIsScrapedOnItsHttpPortAndTheAlertRulesAreLoaded() throws IOException {
    // the apps' HTTP_PORT defaults of the deployment contract, when compose sets none
    Map<String, Integer> defaults =
        Map.of("producer", 8091, "streams", 8092, "recommender", 8080, "igdb-simulator", 8090);
    JsonNode prometheus = Yaml.read("docker/prometheus/prometheus.yml");
    JsonNode services = ComposeFileTest.services();
    Set<String> scraped = new TreeSet<>();
    for (JsonNode job : prometheus.path("scrape_configs")) {
      String app = job.path("job_name").asText();
      if (!defaults.containsKey(app)) {
        continue;
      }
      scraped.add(app);
      assertThat(job.path("metrics_path").asText()).as(app).isEqualTo("/metrics");
      String target = job.path("static_configs").get(0).path("targets").get(0).asText();
      JsonNode port = services.path(app).path("environment").path("HTTP_PORT");
      int expected = port.isMissingNode() ? defaults.get(app) : port.asInt();
      assertThat(target)
          .as("scrape target of %s: the service and its HTTP_PORT in docker-compose.yml", app)
          .isEqualTo(app + ":" + expected);
    }
    assertThat(scraped).containsExactlyInAnyOrderElementsOf(defaults.keySet());
    assertThat(prometheus.path("rule_files").toString()).contains("/etc/prometheus/alerts.yml");
    assertThat(services.path("prometheus").path("volumes").toString())
        .contains("./docker/prometheus/alerts.yml:/etc/prometheus/alerts.yml");
    JsonNode rules = Yaml.read("docker/prometheus/alerts.yml");
    List<String> alerts = new ArrayList<>();
    rules
        .path("groups")
        .forEach(g -> g.path("rules").forEach(r -> alerts.add(r.path("alert").asText())));
    assertThat(alerts)
        .contains("ServiceDown", "ConsumerLagHigh", "DeadLettersGrowing", "StageCountsDrifting");
  }

  @Test
  void everyComposeVariableIsDocumentedInTheEnvExample() {
    Matcher m =
        Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::?[-?][^}]*)?}")
            .matcher(Repo.read(ComposeFileTest.COMPOSE));
    Set<String> used = new TreeSet<>();
    while (m.find()) {
      used.add(m.group(1));
    }
    String example = Repo.read(".env.example");
    List<String> missing =
        used.stream().filter(v -> !example.matches("(?s).*(?m:^" + v + "=).*")).toList();
    assertThat(used).isNotEmpty();
    assertThat(missing).as("variables of docker-compose.yml missing in .env.example").isEmpty();
  }

  /** Service names of docker-compose.yml. */
  static final class ComposeServices {
    private ComposeServices() {}

    static List<String> names() {
      List<String> names = new ArrayList<>();
      try {
        ComposeFileTest.services().fieldNames().forEachRemaining(names::add);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return names;
    }
  }
}
