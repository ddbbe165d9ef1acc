package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/kafka/create-topics.sh (topic-init service) reads the generated topic list and calls
 * kafka-topics.sh once per topic with its partitions and configs. kafka-topics.sh is replaced by a
 * recorder here (no Kafka distribution on this machine); the arguments are what is checked.
 */
class CreateTopicsScriptTest {

  private static final ExternalTool BASH = new ExternalTool("bash", "Debian: bash");

  @Test
  void createsEveryContractTopicWithItsPartitionsAndConfigs(@TempDir Path bin) throws Exception {
    Path calls = bin.resolve("calls.txt");
    Path recorder = bin.resolve("kafka-topics.sh");
    Files.writeString(recorder, "#!/bin/bash\nprintf '%s\\n' \"$*\" >> '" + calls + "'\n");
    Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwxr-xr-x"));

    ExternalTool.Result result =
        BASH.run(
            Repo.root(),
            Map.of(
                "KAFKA_BIN", bin.toString(),
                "TOPICS_FILE", Repo.path(TopicManifests.COMPOSE_FILE).toString(),
                "BOOTSTRAP_SERVERS", "kafka:29092"),
            "docker/kafka/create-topics.sh");

    assertThat(result.exitCode()).as(result.output()).isZero();
    List<String> lines = Files.readAllLines(calls);
    assertThat(lines).hasSize(Topics.all().size());
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("--create --if-not-exists --topic games.enriched --partitions 6")
                    .contains("--replication-factor 1")
                    .contains("--config cleanup.policy=compact"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("--topic games.dlq --partitions 1")
                    .contains("--config cleanup.policy=delete")
                    .contains("--config retention.ms=7776000000"));
  }

  @Test
  void anEmptyTopicListFails(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("topics.txt"), "# nothing\n");
    ExternalTool.Result result =
        BASH.run(
            Repo.root(),
            Map.of("KAFKA_BIN", dir.toString(), "TOPICS_FILE", empty.toString()),
            "docker/kafka/create-topics.sh");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("no topic");
  }
}
