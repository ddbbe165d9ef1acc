package io.gamedata.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class CliOptionsTest {

  @Test
  void optionsSetKeysOnTopOfTheEnvironmentAndDocumentThemselvesFromTheSpec() {
    CommandSpec cmd = CommandSpec.create().name("demo");
    CliOptions options =
        new CliOptions(ConfigLoaderTest.SPEC)
            .add(cmd, "num.threads", "--threads")
            .add(cmd, KafkaConnection.BOOTSTRAP_SERVERS, "--kafka");
    new CommandLine(cmd).parseArgs("--threads", "6");
    assertThat(options.given()).isEqualTo(Map.of("num.threads", "6"));

    ConfigLoaderTest.DemoConfig c =
        ConfigLoader.load(
                ConfigLoaderTest.SPEC,
                null,
                ConfigLoaderTest.env("DEMO_NUM_THREADS", "3"),
                options.given())
            .build(ConfigLoaderTest.DemoConfig::new);
    assertThat(c.getInt("num.threads")).isEqualTo(6);

    assertThat(cmd.findOption("--threads").description())
        .containsExactly("Threads. Env: DEMO_NUM_THREADS. Default: 2.");
    assertThat(cmd.findOption("--threads").paramLabel()).isEqualTo("N");
    assertThat(cmd.findOption("--kafka").description()[0])
        .endsWith("Env: KAFKA_BOOTSTRAP_SERVERS (required).");
  }

  @Test
  void aSecretIsNeverAnOption() {
    CommandSpec cmd = CommandSpec.create();
    assertThatThrownBy(() -> new CliOptions(ConfigLoaderTest.SPEC).add(cmd, "api.token", "--t"))
        .hasMessageContaining("secret");
  }
}
