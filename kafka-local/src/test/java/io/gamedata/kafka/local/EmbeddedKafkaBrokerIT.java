package io.gamedata.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.topic.TopicCreator;
import io.gamedata.contracts.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

  @TempDir Path dataDir;

  @Test
  void createsContractTopicsProducesConsumesAndKeepsDataAcrossRestart() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).build()) {
      broker.start();
      System.out.printf(
          "[kafka-local] broker start-up (cold, with format): %d ms%n",
          broker.lastStartupTime().toMillis());

      try (Admin admin = admin(broker)) {
        TopicCreator.Result first = new TopicCreator(admin).ensure(Topics.all());
        assertThat(first.created()).hasSize(Topics.all().size());
        TopicCreator.Result again = new TopicCreator(admin).ensure(Topics.all());
        assertThat(again.created()).isEmpty();
        assertThat(again.existing()).hasSize(Topics.all().size());
        assertThat(again.mismatches()).isEmpty();

        assertThat(cleanupPolicy(admin, Topics.GAMES_ENRICHED.name())).isEqualTo("compact");
        assertThat(cleanupPolicy(admin, Topics.IGDB_GAMES.name())).isEqualTo("compact");
        assertThat(cleanupPolicy(admin, Topics.GAMES_DLQ.name())).isEqualTo("delete");
      }

      String topic = Topics.GAMES_CHANGES.name();
      List<String> sent = new ArrayList<>();
      try (KafkaProducer<String, String> p = producer(broker)) {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
          sent.add("v" + i);
          acks.add(p.send(new ProducerRecord<>(topic, "k" + i, "v" + i)));
        }
        p.flush();
        for (var ack : acks) {
          ack.get(60, TimeUnit.SECONDS); // a failed send fails the test, never silently
        }
      }
      assertThat(consumeAll(broker, topic)).containsExactlyInAnyOrderElementsOf(sent);
      // the active segment's indexes are preallocated at 1 MB, not Kafka's 10 MB
      try (Stream<Path> files = Files.list(dataDir.resolve("kraft-logs").resolve(topic + "-0"))) {
        List<Path> indexes = files.filter(f -> f.toString().endsWith("index")).toList();
        assertThat(indexes).hasSize(2); // offset and time index
        for (Path index : indexes) {
          assertThat(Files.size(index)).isPositive().isLessThanOrEqualTo(1 << 20);
        }
      }

      broker.stop();
      assertThat(broker.isRunning()).isFalse();
      broker.start();
      System.out.printf(
          "[kafka-local] broker restart on existing data: %d ms%n",
          broker.lastStartupTime().toMillis());
      assertThat(consumeAll(broker, topic)).containsExactlyInAnyOrderElementsOf(sent);
    }
    assertThat(dataDir).exists(); // a persistent dir is never deleted by close()
  }

  @Test
  void temporaryDataDirIsDeletedOnClose() {
    Path dir;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
      dir = broker.dataDir();
      assertThat(dir).exists();
    }
    assertThat(dir).doesNotExist();
  }

  static Admin admin(EmbeddedKafkaBroker broker) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    return Admin.create(p);
  }

  static String cleanupPolicy(Admin admin, String topic) throws Exception {
    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Map<ConfigResource, Config> c =
        admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS);
    return c.get(r).get("cleanup.policy").value();
  }

  static KafkaProducer<String, String> producer(EmbeddedKafkaBroker broker) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  static List<String> consumeAll(EmbeddedKafkaBroker broker, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime());
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      List<String> values = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 120_000; // generous: CI machines are shared
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))
          && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      }
      return values;
    }
  }
}
