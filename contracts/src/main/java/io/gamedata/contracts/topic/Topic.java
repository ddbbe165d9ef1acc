package io.gamedata.contracts.topic;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * A typed topic descriptor: the name, how keys and values are (de)serialized, and how the topic is
 * created. Every topic of the platform is declared once in {@link Topics}; code and tests use the
 * descriptor, never a retyped name.
 *
 * @param replicationFactor empty = broker default
 * @param configs topic-level configs ({@code cleanup.policy}, retention, ...)
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    int partitions,
    Optional<Short> replicationFactor,
    Map<String, String> configs) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1 for topic " + name);
    }
    configs = Map.copyOf(configs);
    replicationFactor = replicationFactor == null ? Optional.empty() : replicationFactor;
  }

  /** True when the topic is log-compacted (a changelog of current state keyed by id). */
  public boolean compacted() {
    return configs
        .getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
        .contains(TopicConfig.CLEANUP_POLICY_COMPACT);
  }

  /** The same contract under another name, e.g. a unique name per test. */
  public Topic<K, V> withName(String newName) {
    return new Topic<>(newName, keySerde, valueSerde, partitions, replicationFactor, configs);
  }

  /** The same contract with another partition count. */
  public Topic<K, V> withPartitions(int newPartitions) {
    return new Topic<>(name, keySerde, valueSerde, newPartitions, replicationFactor, configs);
  }

  /** The same contract with an explicit replication factor (1 for a single-node broker). */
  public Topic<K, V> withReplicationFactor(short factor) {
    return new Topic<>(name, keySerde, valueSerde, partitions, Optional.of(factor), configs);
  }

  /** The Admin API request that creates this topic. */
  public NewTopic toNewTopic() {
    return new NewTopic(name, Optional.of(partitions), replicationFactor).configs(configs);
  }

  @Override
  public String toString() {
    return "Topic[" + name + ", partitions=" + partitions + ", configs=" + configs + "]";
  }
}
