package io.gamedata.producer.checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * State in the compacted {@code platform.sync-cursors} topic (key = state name, value = JSON). On
 * open the topic is read to its end; writes go through the given idempotent producer and return
 * once acknowledged by all in-sync replicas.
 */
public final class KafkaStateStore implements StateStore {

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final Map<String, String> state = new HashMap<>();

  public KafkaStateStore(
      String bootstrapServers, String topic, KafkaProducer<byte[], byte[]> producer) {
    this.producer = producer;
    this.topic = topic;
    load(bootstrapServers);
  }

  private void load(String bootstrapServers) {
    Map<String, Object> p = new HashMap<>();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(pi -> new TopicPartition(topic, pi.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Timed out reading state topic " + topic);
        }
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          if (r.key() == null) {
            continue;
          }
          String k = new String(r.key(), StandardCharsets.UTF_8);
          if (r.value() == null) {
            state.remove(k);
          } else {
            state.put(k, new String(r.value(), StandardCharsets.UTF_8));
          }
        }
      }
    }
  }

  @Override
  public synchronized Optional<String> get(String key) {
    return Optional.ofNullable(state.get(key));
  }

  @Override
  public void put(String key, String json) {
    try {
      producer
          .send(
              new ProducerRecord<>(
                  topic,
                  key.getBytes(StandardCharsets.UTF_8),
                  json == null ? null : json.getBytes(StandardCharsets.UTF_8)))
          .get(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted writing state " + key, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot write state " + key + " to " + topic, e);
    }
    synchronized (this) {
      if (json == null) {
        state.remove(key);
      } else {
        state.put(key, json);
      }
    }
  }

  @Override
  public synchronized Map<String, String> all() {
    return Map.copyOf(state);
  }

  @Override
  public void close() {}
}
