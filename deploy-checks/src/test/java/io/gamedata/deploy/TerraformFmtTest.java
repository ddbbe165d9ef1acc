package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code terraform fmt -check -recursive terraform/}. terraform validate/plan need the providers
 * from the registry, which these machines cannot reach: they run in the GitHub workflow.
 */
class TerraformFmtTest {

  private static final ExternalTool TERRAFORM =
      new ExternalTool("terraform", "https://developer.hashicorp.com/terraform/install");

  @Test
  void terraformFilesAreFormatted() throws Exception {
    ExternalTool.Result result =
        TERRAFORM.run(
            Repo.path("terraform"),
            Map.of(
                "TF_IN_AUTOMATION",
                "1",
                "CHECKPOINT_DISABLE",
                "1",
                "TF_CLI_CONFIG_FILE",
                "/dev/null"),
            "fmt",
            "-check",
            "-recursive",
            "-diff",
            "-no-color");
    assertThat(result.exitCode())
        .as("terraform fmt -check (run terraform fmt -recursive terraform):%n%s", result.output())
        .isZero();
  }

  @Test
  void stateBackendIsPartialAndProvidersArePinned() {
    String versions = Repo.read("terraform/versions.tf");
    assertThat(versions).containsPattern("backend\\s+\"gcs\"\\s*\\{");
    assertThat(versions).doesNotContainPattern("(?m)^\\s*bucket\\s*=");
    assertThat(versions).containsPattern("source\\s*=\\s*\"hashicorp/google\"");
    assertThat(versions).containsPattern("version\\s*=\\s*\"~> 6\\.\\d+\"");
    assertThat(Files.exists(Repo.path("terraform/README.md"))).isTrue();
  }
}
