package io.gamedata.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every metric name the monitoring uses: the Grafana dashboards' queries ({@code
 * docker/grafana/dashboards/*.json}), the Prometheus alert and recording rules ({@code
 * docker/prometheus/*.yml}) and terraform's Cloud Monitoring filters ({@code terraform/*.tf}), each
 * with where it is used; and the check of those names against what the apps export.
 */
final class MetricReferences {

  /** Names that no app exports but another exporter the stack runs does, by exporter. */
  static final Map<String, Set<String>> OTHER_EXPORTERS =
      Map.of(
          // danielqsj/kafka-exporter (docker-compose.yml): broker-side offsets and group lag
          "kafka-exporter",
          Set.of(
              "kafka_brokers",
              "kafka_topic_partitions",
              "kafka_topic_partition_current_offset",
              "kafka_topic_partition_oldest_offset",
              "kafka_consumergroup_current_offset",
              "kafka_consumergroup_lag",
              "kafka_consumergroup_lag_sum",
              "kafka_consumergroup_members"),
          // Prometheus itself: one sample per scrape target and the firing alerts
          "prometheus",
          Set.of("up", "ALERTS", "scrape_duration_seconds"));

  /** Cloud Monitoring metric types from Google's own services (Cloud Run, Managed Kafka). */
  static final List<String> GOOGLE_SERVICES =
      List.of("run.googleapis.com/", "managedkafka.googleapis.com/");

  /** Prefix of app metrics in Cloud Monitoring (Google Managed Service for Prometheus). */
  static final String MANAGED_PROMETHEUS = "prometheus.googleapis.com/";

  private static final Pattern METRIC_TYPE = Pattern.compile("metric\\.type=\\\\\"([^\\\\\"]+)");
  private static final Pattern TF_VARIABLE =
      Pattern.compile(
          "variable\\s+\"([a-z0-9_]+)\"\\s*\\{[^}]*?default\\s*=\\s*\"([^\"]*)\"", Pattern.DOTALL);
  private static final Pattern LOGGING_METRIC =
      Pattern.compile("resource\\s+\"google_logging_metric\"\\s+\"([a-z0-9_]+)\"");

  /** Metric name to the places that use it ({@code file: panel or rule}). */
  private final Map<String, List<String>> uses = new TreeMap<>();

  /** Cloud Monitoring metric types that resolve to nothing known, with where they are used. */
  private final List<String> unknownCloudTypes = new ArrayList<>();

  /** All references of the repository. */
  static MetricReferences ofRepository() {
    MetricReferences r = new MetricReferences();
    for (Path f : files("docker/grafana/dashboards", ".json")) {
      r.addDashboard(Repo.root().relativize(f).toString(), read(f));
    }
    for (Path f : files("docker/prometheus", ".yml")) {
      r.addRules(Repo.root().relativize(f).toString(), read(f));
    }
    StringBuilder tf = new StringBuilder();
    for (Path f : files("terraform", ".tf")) {
      tf.append(read(f)).append('\n');
    }
    for (Path f : files("terraform", ".tf")) {
      r.addTerraform(Repo.root().relativize(f).toString(), read(f), tf.toString());
    }
    return r;
  }

  void addDashboard(String file, String json) {
    JsonNode d;
    try {
      d = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(file + " is not JSON", e);
    }
    List<JsonNode> panels = new ArrayList<>();
    d.path("panels").forEach(panels::add);
    for (int i = 0; i < panels.size(); i++) {
      JsonNode p = panels.get(i);
      p.path("panels").forEach(panels::add); // rows hold panels too
      for (JsonNode t : p.path("targets")) {
        use(t.path("expr").asText(""), file + ": panel '" + p.path("title").asText() + "'");
      }
    }
  }

  void addRules(String file, String yaml) {
    JsonNode doc;
    try {
      doc =
          new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(file + " is not YAML", e);
    }
    if (doc == null) {
      return;
    }
    for (JsonNode g : doc.path("groups")) {
      for (JsonNode rule : g.path("rules")) {
        String name =
            rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
        use(rule.path("expr").asText(""), file + ": rule " + name);
        if (rule.has("record")) {
          // a recorded series is a name the rules themselves export
          recorded.add(rule.path("record").asText());
        }
      }
    }
  }

  private final java.util.Set<String> recorded = new java.util.TreeSet<>();

  void addTerraform(String file, String tf, String allTerraform) {
    Map<String, String> defaults = new TreeMap<>();
    Matcher v = TF_VARIABLE.matcher(allTerraform);
    while (v.find()) {
      defaults.put(v.group(1), v.group(2));
    }
    Set<String> loggingMetrics = new java.util.TreeSet<>();
    Matcher lm = LOGGING_METRIC.matcher(allTerraform);
    while (lm.find()) {
      loggingMetrics.add(lm.group(1));
    }
    Matcher m = METRIC_TYPE.matcher(tf);
    while (m.find()) {
      String type = m.group(1);
      String where = file + ": " + type;
      Matcher var = Pattern.compile("\\$\\{var\\.([a-z0-9_]+)}").matcher(type);
      if (var.matches()) {
        type = defaults.getOrDefault(var.group(1), type);
      }
      if (type.startsWith(MANAGED_PROMETHEUS)) {
        // prometheus.googleapis.com/<name>/<kind>
        String rest = type.substring(MANAGED_PROMETHEUS.length());
        use(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest, where);
      } else if (type.startsWith("logging.googleapis.com/user/")) {
        Matcher ref =
            Pattern.compile("\\$\\{google_logging_metric\\.([a-z0-9_]+)\\.name}")
                .matcher(type.substring("logging.googleapis.com/user/".length()));
        if (!ref.matches() || !loggingMetrics.contains(ref.group(1))) {
          unknownCloudTypes.add(where + " (no such google_logging_metric)");
        }
      } else if (GOOGLE_SERVICES.stream().noneMatch(type::startsWith)) {
        unknownCloudTypes.add(where);
      }
    }
  }

  private void use(String expr, String where) {
    for (String name : PromQl.metricNames(expr)) {
      uses.computeIfAbsent(name, k -> new ArrayList<>()).add(where);
    }
  }

  /** Every referenced Prometheus name with its uses. */
  Map<String, List<String>> uses() {
    return uses;
  }

  /**
   * What no app, no other exporter and no recording rule exports, one line per name with its uses,
   * plus Cloud Monitoring types nothing provides. Empty when the monitoring measures what exists.
   */
  List<String> missing(Set<String> exportedByApps) {
    List<String> out = new ArrayList<>();
    uses.forEach(
        (name, where) -> {
          boolean known =
              exportedByApps.contains(name)
                  || recorded.contains(name)
                  || OTHER_EXPORTERS.values().stream().anyMatch(s -> s.contains(name));
          if (!known) {
            out.add(name + " used by " + where);
          }
        });
    unknownCloudTypes.forEach(t -> out.add("Cloud Monitoring metric type " + t));
    return out;
  }

  private static List<Path> files(String dir, String suffix) {
    try (Stream<Path> s = Files.list(Repo.path(dir))) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }
}
