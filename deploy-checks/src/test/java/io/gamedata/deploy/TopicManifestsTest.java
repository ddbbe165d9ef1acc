package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/**
 * The topic settings of the container stack and of terraform equal the contracts' descriptors. Run
 * with {@code -Ddeploy.write=true} (or {@code deploy-checks/run --write}) to regenerate.
 */
class TopicManifestsTest {

  private static final boolean WRITE = Boolean.getBoolean("deploy.write");

  @Test
  void composeTopicListIsGeneratedFromTheContracts() throws IOException {
    assertGenerated(TopicManifests.COMPOSE_FILE, TopicManifests.composeTopics(Topics.all()));
  }

  @Test
  void terraformTopicVariableIsGeneratedFromTheContracts() throws IOException {
    assertGenerated(TopicManifests.TERRAFORM_FILE, TopicManifests.terraformTopics(Topics.all()));
  }

  @Test
  void terraformFileCarriesPartitionsAndCleanupPolicyOfEveryTopic() throws IOException {
    JsonNode topics = new ObjectMapper().readTree(Repo.read(TopicManifests.TERRAFORM_FILE));
    assertThat(topics.path("kafka_topics").size()).isEqualTo(Topics.all().size());
    for (Topic<?, ?> topic : Topics.all()) {
      JsonNode node = topics.path("kafka_topics").path(topic.name());
      assertThat(node.path("partitions").asInt()).as(topic.name()).isEqualTo(topic.partitions());
      assertThat(node.path("configs").path("cleanup.policy").asText())
          .as(topic.name())
          .isEqualTo(topic.compacted() ? "compact" : "delete");
    }
  }

  @Test
  void renderingChangesWhenAContractChanges() {
    Topic<Long, Long> a =
        new Topic<>(
            "a.topic",
            Serdes.Long(),
            Serdes.Long(),
            3,
            Optional.empty(),
            Map.of("cleanup.policy", "compact", "segment.ms", "1000"));
    assertThat(TopicManifests.composeTopics(List.of(a)))
        .endsWith("a.topic 3 cleanup.policy=compact,segment.ms=1000\n");
    assertThat(TopicManifests.composeTopics(List.of(a.withPartitions(4))))
        .endsWith("a.topic 4 cleanup.policy=compact,segment.ms=1000\n");
    assertThat(TopicManifests.terraformTopics(List.of(a)))
        .contains("\"a.topic\"", "\"partitions\" : 3", "\"cleanup.policy\" : \"compact\"");
  }

  private static void assertGenerated(String relative, String expected) throws IOException {
    Path file = Repo.path(relative);
    if (WRITE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, expected);
    }
    assertThat(Files.exists(file))
        .as(relative + " is missing: run deploy-checks/run --write")
        .isTrue();
    assertThat(Files.readString(file))
        .as(relative + " differs from the contracts (Topics): run deploy-checks/run --write")
        .isEqualTo(expected);
  }
}
