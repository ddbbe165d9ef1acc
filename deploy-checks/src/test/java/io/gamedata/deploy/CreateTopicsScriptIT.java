package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topic-init script of docker-compose.yml against a real broker with Kafka's own kafka-topics
 * command (TopicCommand from kafka-tools, started by a kafka-topics.sh shim): the topics get the
 * contracts' partitions and configs, and a second run changes nothing. A sample of the generated
 * list (one compacted, one delete-with-retention, one raw topic) under unique names keeps it quick
 * and leaves the shared broker clean.
 */
@ExtendWith(KafkaExtension.class)
class CreateTopicsScriptIT {

  private static final ExternalTool BASH = new ExternalTool("bash", "Debian: bash");

  @Test
  void createsContractTopicsOnARealBrokerIdempotently(KafkaCluster kafka, @TempDir Path dir)
      throws Exception {
    String suffix = KafkaCluster.unique("-it");
    List<Topic<?, ?>> sample = List.of(Topics.GAMES_ENRICHED, Topics.GAMES_DLQ);
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(Repo.path(TopicManifests.COMPOSE_FILE))) {
      String name = line.split(" ", 2)[0];
      if (sample.stream().anyMatch(t -> t.name().equals(name))) {
        lines.add(name + suffix + line.substring(name.length()));
        kafka.deleteAfterTest(name + suffix);
      }
    }
    assertThat(lines).hasSize(sample.size());
    Path topicsFile = Files.write(dir.resolve("topics.txt"), lines);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path shim = bin.resolve("kafka-topics.sh");
    Files.writeString(
        shim,
        "#!/bin/bash\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp \"$TOOLS_CLASSPATH\""
            + " org.apache.kafka.tools.TopicCommand \"$@\"\n");
    Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env =
        Map.of(
            "KAFKA_BIN", bin.toString(),
            "TOPICS_FILE", topicsFile.toString(),
            "BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
            "TOOLS_CLASSPATH", System.getProperty("java.class.path"));

    ExternalTool.Result first = BASH.run(Repo.root(), env, "docker/kafka/create-topics.sh");
    assertThat(first.exitCode()).as(first.output()).isZero();

    for (Topic<?, ?> contract : sample) {
      String name = contract.name() + suffix;
      TopicDescription description =
          kafka
              .admin()
              .describeTopics(List.of(name))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .get(name);
      assertThat(description.partitions()).as(name).hasSize(contract.partitions());
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
      Config config =
          kafka
              .admin()
              .describeConfigs(List.of(resource))
              .all()
              .get(30, TimeUnit.SECONDS)
              .get(resource);
      contract
          .configs()
          .forEach(
              (key, value) ->
                  assertThat(config.get(key).value()).as(name + " " + key).isEqualTo(value));
      assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
          .isEqualTo(contract.compacted() ? "compact" : "delete");
    }

    ExternalTool.Result second = BASH.run(Repo.root(), env, "docker/kafka/create-topics.sh");
    assertThat(second.exitCode()).as("second run (topics exist): %s", second.output()).isZero();
    assertThat(second.output()).contains(sample.size() + " topics present");
  }
}
