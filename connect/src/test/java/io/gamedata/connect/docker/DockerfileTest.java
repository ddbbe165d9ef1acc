package io.gamedata.connect.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Connect image cannot be built here (no Docker engine): check what can be checked by reading
 * it. Pinned tags, multi-stage, kcbq installed at build time, non-root, and every repository path
 * it copies exists.
 */
class DockerfileTest {

  private static final Path DOCKERFILE = Path.of("docker/Dockerfile");

  private static List<String> lines() throws IOException {
    return Files.readAllLines(DOCKERFILE).stream()
        .map(String::strip)
        .filter(l -> !l.startsWith("#"))
        .toList();
  }

  private static String arg(String name) throws IOException {
    Pattern p = Pattern.compile("ARG " + name + "=(\\S+)");
    for (String l : lines()) {
      Matcher m = p.matcher(l);
      if (m.matches()) {
        return m.group(1);
      }
    }
    throw new AssertionError("no default for ARG " + name);
  }

  @Test
  void baseImagesAndKcbqArePinned() throws IOException {
    assertThat(arg("CP_VERSION")).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(arg("KCBQ_VERSION")).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(arg("JDK_IMAGE"))
        .matches("eclipse-temurin:17[^:]*-jdk-\\w+")
        .doesNotContain("latest");
    List<String> froms = lines().stream().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(froms).hasSize(2); // multi-stage
    assertThat(froms.get(0)).isEqualTo("FROM ${JDK_IMAGE} AS build");
    assertThat(froms.get(1)).isEqualTo("FROM ${CONNECT_IMAGE}");
    assertThat(arg("CONNECT_IMAGE")).isEqualTo("confluentinc/cp-kafka-connect:${CP_VERSION}");
    assertThat(lines())
        .contains(
            "RUN confluent-hub install --no-prompt \"wepay/kafka-connect-bigquery:${KCBQ_VERSION}\"");
  }

  @Test
  void runsAsNonRoot() throws IOException {
    List<String> users = lines().stream().filter(l -> l.startsWith("USER ")).toList();
    assertThat(users).isNotEmpty();
    assertThat(users.get(users.size() - 1)).isEqualTo("USER appuser");
  }

  @Test
  void copiedRepositoryPathsExistAndConfigProviderIsOn() throws IOException {
    Path repo = Path.of("").toAbsolutePath().getParent();
    assertThat(repo.resolve("connect/src/main/resources/connectors/bigquery-games-sink.json"))
        .exists();
    assertThat(repo.resolve("connect/docker/register-connector.sh")).exists();
    String text = Files.readString(DOCKERFILE);
    assertThat(text)
        .contains("connect/src/main/resources/connectors/")
        .contains("connect/target/plugin/")
        .contains(
            "CONNECT_CONFIG_PROVIDERS_ENV_CLASS=\"org.apache.kafka.common.config.provider.EnvVarConfigProvider\"");
  }
}
