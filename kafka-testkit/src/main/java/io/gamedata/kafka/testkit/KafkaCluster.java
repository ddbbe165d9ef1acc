package io.gamedata.kafka.testkit;

import io.gamedata.contracts.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The broker a test gets from {@link KafkaExtension}, with helpers that keep tests independent:
 * every topic created through {@link #createTopic} has a unique name and is deleted after the test.
 */
public final class KafkaCluster {

  private final String bootstrapServers;
  private final Admin admin;
  private final List<String> createdTopics = new ArrayList<>();

  KafkaCluster(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    this.admin = Admin.create(p);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Admin admin() {
    return admin;
  }

  /** A unique suffix, handy for application ids and group ids. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Creates the contract's topic under a unique name ({@code <name>-<random>}) and returns the
   * descriptor with that name. The topic is deleted after the test.
   */
  public <K, V> Topic<K, V> createTopic(Topic<K, V> contract) {
    Topic<K, V> t = contract.withName(unique(contract.name())).withReplicationFactor((short) 1);
    try {
      admin.createTopics(List.of(t.toNewTopic())).all().get(30, TimeUnit.SECONDS);
      io.gamedata.contracts.topic.TopicCreator.awaitLeaders(admin, List.of(t.name()), 30_000);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create " + t.name(), e);
    }
    synchronized (createdTopics) {
      createdTopics.add(t.name());
    }
    return t;
  }

  /** Registers a topic created by other means (e.g. by an app under test) for deletion. */
  public void deleteAfterTest(String topicName) {
    synchronized (createdTopics) {
      createdTopics.add(topicName);
    }
  }

  /** Producer properties for this broker: idempotent, acks=all. */
  public Map<String, Object> producerConfig() {
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return p;
  }

  /** Consumer properties for this broker: a new group, earliest, no auto commit. */
  public Map<String, Object> consumerConfig() {
    Map<String, Object> p = new HashMap<>();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, unique("test-consumer"));
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return p;
  }

  /** Produces records synchronously (flushes and checks every send). */
  public <K, V> void produce(Topic<K, V> topic, Map<K, V> records) {
    try (KafkaProducer<K, V> producer =
        new KafkaProducer<>(
            producerConfig(), topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
      records.forEach((k, v) -> sends.add(producer.send(new ProducerRecord<>(topic.name(), k, v))));
      producer.flush();
      for (var f : sends) {
        f.get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("Produce to " + topic.name() + " failed", e);
    }
  }

  /**
   * Reads every record from the beginning up to the end offsets seen at call time (compaction-safe:
   * waits for offsets, not counts).
   */
  public <K, V> List<ConsumerRecord<K, V>> readAll(Topic<K, V> topic, Duration timeout) {
    try (KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(
            consumerConfig(), topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic.name(), timeout).stream()
              .map(pi -> new TopicPartition(pi.topic(), pi.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts, timeout);
      List<ConsumerRecord<K, V>> out = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Timed out reading " + topic.name());
        }
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      return out;
    }
  }

  void deleteCreatedTopics() {
    List<String> names;
    synchronized (createdTopics) {
      names = new ArrayList<>(createdTopics);
      createdTopics.clear();
    }
    if (names.isEmpty()) {
      return;
    }
    try {
      admin.deleteTopics(names).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // a topic an app never created is fine; anything else would leak topics between tests
      if (!(e.getCause()
          instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
        throw new IllegalStateException("Cannot delete test topics " + names, e);
      }
    }
  }

  void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
