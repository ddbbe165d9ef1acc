package io.gamedata.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The topic lists that the container stack and terraform read, generated from {@link Topics#all()}
 * so that the contracts stay the one source of truth. The committed files must equal what this
 * class renders; {@code deploy-checks/run --write} rewrites them.
 */
final class TopicManifests {

  /** Read by docker/kafka/create-topics.sh (topic-init service of docker-compose.yml). */
  static final String COMPOSE_FILE = "docker/kafka/topics.txt";

  /** Read by terraform (variable kafka_topics, google_managed_kafka_topic). */
  static final String TERRAFORM_FILE = "terraform/topics.auto.tfvars.json";

  private TopicManifests() {}

  /** One line per topic: {@code name partitions key=value,key=value} (configs sorted). */
  static String composeTopics(List<Topic<?, ?>> topics) {
    StringBuilder out = new StringBuilder();
    out.append("# GENERATED from io.gamedata.contracts.topic.Topics by deploy-checks")
        .append(" (deploy-checks/run --write). Do not edit.\n")
        .append("# name partitions configs\n");
    for (Topic<?, ?> topic : topics) {
      String configs =
          new TreeMap<>(topic.configs())
              .entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(","));
      out.append(topic.name())
          .append(' ')
          .append(topic.partitions())
          .append(' ')
          .append(configs)
          .append('\n');
    }
    return out.toString();
  }

  /** {@code {"kafka_topics": {"<name>": {"partitions": n, "configs": {...}}}}}, keys sorted. */
  static String terraformTopics(List<Topic<?, ?>> topics) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode byName = root.putObject("kafka_topics");
    Map<String, Topic<?, ?>> sorted = new TreeMap<>();
    topics.forEach(t -> sorted.put(t.name(), t));
    sorted.forEach(
        (name, topic) -> {
          ObjectNode node = byName.putObject(name);
          node.put("partitions", topic.partitions());
          ObjectNode configs = node.putObject("configs");
          new TreeMap<>(topic.configs()).forEach(configs::put);
        });
    try {
      return mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
