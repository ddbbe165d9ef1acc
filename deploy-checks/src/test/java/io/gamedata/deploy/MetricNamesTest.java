package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The metric-name check itself: which names a query reads, and that a name nothing exports fails
 * it. {@code MetricNamesIT} runs the check on the repository's monitoring against the names the
 * running apps export.
 */
class MetricNamesTest {

  @Test
  void queriesNameTheirMetricsOnly() {
    assertThat(
            PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le) (rate("
                    + "http_server_requests_seconds_bucket{job=\"recommender\",uri=~\"/api/.*\"}"
                    + "[$__rate_interval])))"))
        .containsExactly("http_server_requests_seconds_bucket");
    assertThat(
            PromQl.metricNames(
                "sum by (consumergroup, topic) (kafka_consumergroup_lag) > 10000 and on (topic)"
                    + " streams_consumer_lag offset 5m unless up == 0"))
        .containsExactly("kafka_consumergroup_lag", "streams_consumer_lag", "up");
    assertThat(PromQl.metricNames("max(recommender_update_lag_seconds_max) / 1e3"))
        .containsExactly("recommender_update_lag_seconds_max");
    assertThat(PromQl.metricNames("increase(streams_dlq_total[10m:1m]) > bool 0"))
        .containsExactly("streams_dlq_total");
  }

  @Test
  void aPlantedWrongNameInADashboardFailsTheCheck() {
    MetricReferences refs = new MetricReferences();
    refs.addDashboard(
        "planted.json",
        """
        {"panels": [
          {"title": "fine", "targets": [{"expr": "rate(streams_games_in_total[1m])"}]},
          {"title": "row", "panels": [
            {"title": "wrong", "targets": [{"expr": "sum(rate(streams_gamez_in_total[1m]))"}]}
          ]}
        ]}
        """);
    Set<String> exported = Set.of("streams_games_in_total");
    assertThat(refs.missing(exported))
        .containsExactly("streams_gamez_in_total used by [planted.json: panel 'wrong']");
    assertThat(refs.missing(Set.of("streams_games_in_total", "streams_gamez_in_total"))).isEmpty();
  }

  @Test
  void aPlantedWrongNameInAnAlertRuleFailsButRecordedAndExporterNamesPass() {
    MetricReferences refs = new MetricReferences();
    refs.addRules(
        "planted.yml",
        """
        groups:
          - name: planted
            rules:
              - record: stage:games:ratio
                expr: recommender_index_games / simulator_catalog_games
              - alert: Drift
                expr: stage:games:ratio < 0.99 or up == 0
              - alert: Lag
                expr: kafka_consumergroup_lag > 10 or recommender_consumer_lagg > 10
        """);
    assertThat(refs.missing(Set.of("recommender_index_games", "simulator_catalog_games")))
        .containsExactly("recommender_consumer_lagg used by [planted.yml: rule Lag]");
  }

  @Test
  void terraformAppMetricsAreCheckedAndGoogleServiceMetricsResolved() {
    String variables =
        """
        variable "lag_metric" {
          type    = string
          default = "managedkafka.googleapis.com/consumer_lag"
        }
        resource "google_logging_metric" "app_errors" {
          name = "x"
        }
        """;
    String monitoring =
        """
        filter = "metric.type=\\"${var.lag_metric}\\" AND x"
        filter = "metric.type=\\"logging.googleapis.com/user/${google_logging_metric.app_errors.name}\\""
        filter = "metric.type=\\"prometheus.googleapis.com/recommender_index_games/gauge\\""
        filter = "metric.type=\\"prometheus.googleapis.com/recommender_index_gamez/gauge\\""
        filter = "metric.type=\\"custom.googleapis.com/nobody_writes_this\\""
        """;
    MetricReferences refs = new MetricReferences();
    refs.addTerraform("monitoring.tf", monitoring, variables + monitoring);
    assertThat(refs.missing(Set.of("recommender_index_games")))
        .containsExactly(
            "recommender_index_gamez used by [monitoring.tf:"
                + " prometheus.googleapis.com/recommender_index_gamez/gauge]",
            "Cloud Monitoring metric type monitoring.tf: custom.googleapis.com/nobody_writes_this");
  }

  @Test
  void theRepositoryMonitoringIsParsed() {
    MetricReferences refs = MetricReferences.ofRepository();
    assertThat(refs.uses())
        .containsKeys("http_server_requests_seconds_bucket", "kafka_consumergroup_lag", "up")
        .allSatisfy((name, where) -> assertThat(where).isNotEmpty());
  }
}
