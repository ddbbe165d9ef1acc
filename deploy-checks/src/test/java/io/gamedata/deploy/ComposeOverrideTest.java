package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker/compose.ci.yml, the override docker/compose-check starts docker-compose.yml with (where it
 * runs for real): merged with the main file it validates, and what it starts needs no registry and
 * no bridge. The monitoring profile holds exactly the services whose images only a registry has.
 */
class ComposeOverrideTest {

  static final String OVERRIDE = "docker/compose.ci.yml";
  static final Set<String> MONITORING = Set.of("kafka-exporter", "prometheus", "grafana");
  private static final ExternalTool DOCKER_COMPOSE =
      new ExternalTool("docker-compose", "Debian: apt-get install -y docker-compose");

  @Test
  void everyServiceItStartsUsesTheHostNetworkAndAnImageBuiltHere() throws Exception {
    JsonNode services = merged().path("services");
    List<String> problems = new ArrayList<>();
    Set<String> started = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode s = e.getValue();
      if (s.path("profiles").toString().contains("monitoring")) {
        continue;
      }
      started.add(name);
      if (!s.path("network_mode").asText().equals("host")) {
        problems.add(name + ": not on the host network");
      }
      if (!s.path("image").asText().startsWith("gamedata/")) {
        problems.add(name + ": image " + s.path("image").asText() + " would be pulled");
      }
      JsonNode build = s.get("build");
      if (build != null) {
        if (!build.path("network").asText().equals("host")) {
          problems.add(name + ": build without network host");
        }
        build
            .path("args")
            .fields()
            .forEachRemaining(
                a -> {
                  if (a.getKey().endsWith("_IMAGE")
                      && !a.getValue().asText().startsWith("gamedata/")) {
                    problems.add(name + ": build arg " + a.getKey() + " = " + a.getValue());
                  }
                });
      }
    }
    assertThat(problems).isEmpty();
    assertThat(started)
        .contains("kafka", "topic-init", "connect", "connect-init", "producer", "streams")
        .contains("recommender", "igdb-simulator")
        .doesNotContainAnyElementsOf(MONITORING);
  }

  @Test
  void theMonitoringProfileHoldsTheRegistryOnlyServices() {
    JsonNode services = Yaml.read(ComposeFileTest.COMPOSE).path("services");
    Set<String> monitoring = new TreeSet<>();
    services
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().path("profiles").toString().contains("\"monitoring\"")) {
                monitoring.add(e.getKey());
              }
            });
    assertThat(monitoring).isEqualTo(new TreeSet<>(MONITORING));
    // the override covers every other service of the main file
    JsonNode override = Yaml.read(OVERRIDE).path("services");
    services
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!MONITORING.contains(name)) {
                assertThat(override.has(name)).as("%s overrides %s", OVERRIDE, name).isTrue();
              }
            });
  }

  @Test
  void noNetworkIsCreated() {
    JsonNode network = Yaml.read(OVERRIDE).path("networks").path("default");
    assertThat(network.path("name").asText()).isEqualTo("host");
    assertThat(network.path("external").asBoolean()).isTrue();
  }

  private static JsonNode merged() throws Exception {
    ExternalTool.Result r =
        DOCKER_COMPOSE.run(
            Repo.root(),
            Map.of(
                "COMPOSE_PROJECT_NAME", "gamedata-check",
                "COMPOSE_CHECK_WAREHOUSE", "/tmp/warehouse"),
            "--env-file",
            ".env.example",
            "-f",
            ComposeFileTest.COMPOSE,
            "-f",
            OVERRIDE,
            "config");
    assertThat(r.exitCode()).as("docker-compose config:%n%s", r.output()).isZero();
    String yaml = r.output().substring(r.output().indexOf("services:"));
    Object loaded =
        new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    return new ObjectMapper().valueToTree(loaded);
  }
}
