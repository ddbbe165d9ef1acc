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
    List<ProducerRecord<K, V>> list = new ArrayList<>();
    records.forEach((k, v) -> list.add(new ProducerRecord<>(topic.name(), k, v)));
    sendInOrder(list, topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  /**
   * Sends records in order and waits until every one is acknowledged. When deliveries time out (a
   * broker stalled on a loaded machine), every record of an affected partition from its first
   * failed record on is sent again once, in order, from a fresh producer, so per-key order holds. A
   * batch that timed out without an answer may have been written, so a partition can then hold a
   * repeated run of records, which compacted topics and upserting consumers absorb. Any other
   * failure, or a second timeout, fails the call naming the partitions.
   */
  public <K, V> void sendInOrder(
      List<ProducerRecord<K, V>> records,
      org.apache.kafka.common.serialization.Serializer<K> keys,
      org.apache.kafka.common.serialization.Serializer<V> values) {
    List<ProducerRecord<K, V>> pending = new ArrayList<>();
    Map<String, Integer> partitionCounts = new HashMap<>();
    for (ProducerRecord<K, V> r : records) {
      int n =
          partitionCounts.computeIfAbsent(
              r.topic(),
              t -> {
                try {
                  return admin
                      .describeTopics(List.of(t))
                      .allTopicNames()
                      .get(30, TimeUnit.SECONDS)
                      .get(t)
                      .partitions()
                      .size();
                } catch (Exception e) {
                  throw new IllegalStateException("cannot describe " + t, e);
                }
              });
      Integer partition = r.partition();
      if (partition == null && r.key() != null) {
        // the default partitioner's choice for a keyed record, made explicit to know it
        byte[] k = keys.serialize(r.topic(), r.key());
        partition =
            org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(k, n);
      }
      pending.add(
          new ProducerRecord<>(
              r.topic(), partition, r.timestamp(), r.key(), r.value(), r.headers()));
    }
    for (int attempt = 1; ; attempt++) {
      List<ProducerRecord<K, V>> again = sendOnce(pending, keys, values, attempt == 2);
      if (again.isEmpty()) {
        return;
      }
      System.err.printf(
          "KafkaCluster: deliveries timed out; sending %d record(s) of %s again%n",
          again.size(),
          again.stream().map(r -> r.topic() + "-" + r.partition()).distinct().toList());
      pending = again;
    }
  }

  /** One try; returns what to send again (only on the first try, only after timeouts). */
  private <K, V> List<ProducerRecord<K, V>> sendOnce(
      List<ProducerRecord<K, V>> records,
      org.apache.kafka.common.serialization.Serializer<K> keys,
      org.apache.kafka.common.serialization.Serializer<V> values,
      boolean last) {
    Map<String, Object> config = producerConfig();
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
    List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
    try (KafkaProducer<K, V> producer = new KafkaProducer<>(config, keys, values)) {
      for (ProducerRecord<K, V> r : records) {
        sends.add(producer.send(r));
      }
      producer.flush();
    }
    java.util.Set<String> timedOut = new java.util.HashSet<>();
    List<ProducerRecord<K, V>> again = new ArrayList<>();
    for (int i = 0; i < sends.size(); i++) {
      ProducerRecord<K, V> r = records.get(i);
      String tp = r.topic() + "-" + r.partition();
      try {
        sends.get(i).get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        if (last
            || r.partition() == null
            || !(e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException)) {
          throw new IllegalStateException("produce to " + tp + " failed", e);
        }
        timedOut.add(tp);
      } catch (Exception e) {
        throw new IllegalStateException("produce to " + tp + " failed", e);
      }
      if (timedOut.contains(tp)) {
        again.add(r); // this one and every later record of its partition, in order
      }
    }
    return again;
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
