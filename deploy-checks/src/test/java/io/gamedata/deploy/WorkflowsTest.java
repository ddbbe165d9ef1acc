package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** .github/workflows/*.yml parse as YAML and use only the documented secrets. */
class WorkflowsTest {

  static final Set<String> DOCUMENTED_SECRETS =
      Set.of(
          "GCP_PROJECT_ID",
          "GCP_SA_KEY",
          "TF_STATE_BUCKET",
          "CF_SERVICE_ACCOUNT",
          "CLOUD_RUN_SERVICE_ACCOUNT",
          "GCP_REGION");

  private static final Pattern SECRET = Pattern.compile("secrets\\.([A-Za-z_][A-Za-z0-9_]*)");

  @Test
  void everyWorkflowParsesAndHasTriggersAndJobs() throws IOException {
    List<String> files = workflows();
    assertThat(files).isNotEmpty();
    for (String file : files) {
      JsonNode workflow = Yaml.readStrict(file);
      assertThat(workflow.has("on")).as(file + " has 'on'").isTrue();
      assertThat(workflow.path("jobs").size()).as(file + " has jobs").isPositive();
      workflow
          .path("jobs")
          .fields()
          .forEachRemaining(
              job ->
                  assertThat(job.getValue().has("runs-on") || job.getValue().has("uses"))
                      .as(file + " job " + job.getKey() + " has runs-on")
                      .isTrue());
    }
  }

  @Test
  void onlyDocumentedSecretsAreReferenced() throws IOException {
    Set<String> used = new TreeSet<>();
    for (String file : workflows()) {
      Matcher m = SECRET.matcher(Repo.read(file));
      while (m.find()) {
        used.add(m.group(1));
      }
    }
    assertThat(used).isNotEmpty().isSubsetOf(DOCUMENTED_SECRETS);
  }

  @Test
  void buildRunsOnEveryPushAndTerraformPlansOnPullRequests() throws IOException {
    JsonNode build = Yaml.readStrict(".github/workflows/build.yml");
    assertThat(build.path("on").has("push")).isTrue();
    assertThat(Repo.read(".github/workflows/build.yml")).contains("./mvnw -B verify");
    String terraform = Repo.read(".github/workflows/terraform.yml");
    assertThat(terraform).contains("pull_request", "terraform plan", "terraform apply");
    assertThat(terraform).contains("-backend-config=\"bucket=${{ secrets.TF_STATE_BUCKET }}\"");
  }

  @Test
  void imagesAreBuiltWithTheSameMainClassesAsTheComposeStack() throws IOException {
    String deploy = Repo.read(".github/workflows/deploy.yml");
    JsonNode services = ComposeFileTest.services();
    for (String app : List.of("producer-fetch", "streams", "recommender")) {
      String composeDefault =
          services.path(app).path("build").path("args").path("MAIN_CLASS").asText();
      String mainClass = composeDefault.replaceAll("^\\$\\{[A-Z_]+:-(.+)}$", "$1");
      assertThat(deploy).as("deploy.yml builds %s", mainClass).contains(mainClass);
    }
  }

  private static List<String> workflows() throws IOException {
    Path dir = Repo.path(".github/workflows");
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
          .sorted()
          .map(f -> Repo.root().relativize(f).toString())
          .toList();
    }
  }
}
