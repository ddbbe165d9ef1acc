package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@code terraform validate} would catch first, checked without providers: every var.X,
 * local.X, resource and data source referenced is declared, and every variable without a default
 * gets a value (topics.auto.tfvars.json or TF_VAR_ in the terraform workflow).
 */
class TerraformReferencesTest {

  private static final Pattern VARIABLE = Pattern.compile("(?m)^variable\\s+\"(\\w+)\"");
  private static final Pattern RESOURCE =
      Pattern.compile("(?m)^resource\\s+\"(\\w+)\"\\s+\"(\\w+)\"");
  private static final Pattern DATA = Pattern.compile("(?m)^data\\s+\"(\\w+)\"\\s+\"(\\w+)\"");
  private static final Pattern LOCALS_BLOCK = Pattern.compile("(?ms)^locals\\s*\\{\\n(.*?)^\\}");
  private static final Pattern LOCAL_NAME = Pattern.compile("(?m)^  (\\w+)\\s*=");

  @Test
  void everyReferenceIsDeclared() throws IOException {
    String tf = BigQuerySchemaTest.terraformSources();
    String code = tf.replaceAll("(?m)^\\s*#.*$", "");

    Set<String> variables = all(VARIABLE, code, 1);
    Set<String> locals = new TreeSet<>();
    Matcher block = LOCALS_BLOCK.matcher(code);
    while (block.find()) {
      locals.addAll(all(LOCAL_NAME, block.group(1), 1));
    }
    Set<String> resources = new TreeSet<>();
    Matcher r = RESOURCE.matcher(code);
    while (r.find()) {
      resources.add(r.group(1) + "." + r.group(2));
    }
    Set<String> data = new TreeSet<>();
    Matcher d = DATA.matcher(code);
    while (d.find()) {
      data.add(d.group(1) + "." + d.group(2));
    }

    List<String> unresolved = new ArrayList<>();
    all(Pattern.compile("\\bvar\\.(\\w+)"), code, 1).stream()
        .filter(v -> !variables.contains(v))
        .forEach(v -> unresolved.add("var." + v));
    all(Pattern.compile("\\blocal\\.(\\w+)"), code, 1).stream()
        .filter(l -> !locals.contains(l))
        .forEach(l -> unresolved.add("local." + l));
    Matcher ref = Pattern.compile("(?<![\\w.\"])(google_\\w+)\\.(\\w+)").matcher(code);
    while (ref.find()) {
      String name = ref.group(1) + "." + ref.group(2);
      if (!resources.contains(name)) {
        unresolved.add(name);
      }
    }
    Matcher dataRef = Pattern.compile("\\bdata\\.(\\w+)\\.(\\w+)").matcher(code);
    while (dataRef.find()) {
      if (!data.contains(dataRef.group(1) + "." + dataRef.group(2))) {
        unresolved.add("data." + dataRef.group(1) + "." + dataRef.group(2));
      }
    }
    assertThat(variables).contains("project_id", "region", "kafka_topics");
    assertThat(resources)
        .contains(
            "google_bigquery_table.games",
            "google_bigquery_table.games_changelog",
            "google_managed_kafka_cluster.main",
            "google_cloud_run_v2_job.sync",
            "google_cloud_scheduler_job.daily_sync");
    assertThat(unresolved).as("undeclared references in terraform/").isEmpty();
  }

  @Test
  void theDailySyncJobRunsOnceAndEnds() throws IOException {
    String tf = BigQuerySchemaTest.terraformSources();
    Matcher job =
        Pattern.compile("(?ms)^resource\\s+\"google_cloud_run_v2_job\"\\s+\"sync\"\\s*\\{(.*?)^\\}")
            .matcher(tf);
    assertThat(job.find()).isTrue();
    Matcher args = Pattern.compile("\\bargs\\s*=\\s*\\[([^\\]]*)\\]").matcher(job.group(1));
    assertThat(args.find()).as("args of the sync job").isTrue();
    List<String> command = new ArrayList<>();
    Matcher word = Pattern.compile("\"([^\"]*)\"").matcher(args.group(1));
    while (word.find()) {
      command.add(word.group(1));
    }
    // `sync` alone keeps polling until the job's timeout stops it (a failed run, then retries)
    assertThat(command).startsWith("sync").contains("--once");
  }

  @Test
  void variablesWithoutDefaultGetAValue() throws IOException {
    String tf = BigQuerySchemaTest.terraformSources();
    Matcher m = Pattern.compile("(?ms)^variable\\s+\"(\\w+)\"\\s*\\{(.*?)^\\}").matcher(tf);
    Set<String> tfvars = new TreeSet<>();
    new ObjectMapper()
        .readTree(Repo.read(TopicManifests.TERRAFORM_FILE))
        .fieldNames()
        .forEachRemaining(tfvars::add);
    String workflow = Repo.read(".github/workflows/terraform.yml");
    List<String> unset = new ArrayList<>();
    while (m.find()) {
      String name = m.group(1);
      boolean hasDefault = m.group(2).matches("(?s).*\\n\\s*default\\s*=.*");
      if (!hasDefault && !tfvars.contains(name) && !workflow.contains("TF_VAR_" + name + ":")) {
        unset.add(name);
      }
    }
    assertThat(unset).isEmpty();
  }

  private static Set<String> all(Pattern pattern, String text, int group) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(group));
    }
    return found;
  }
}
