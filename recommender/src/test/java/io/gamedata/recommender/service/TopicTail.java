package io.gamedata.recommender.service;

import io.gamedata.contracts.similar.SimilarGames;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.kafka.testkit.KafkaCluster;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/** Follows the similar topic in the background: the latest value per key (empty = tombstone). */
final class TopicTail implements AutoCloseable {

  private final Map<Long, Optional<SimilarGames>> latest = new ConcurrentHashMap<>();
  private final KafkaConsumer<Long, SimilarGames> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  TopicTail(KafkaCluster kafka, Topic<Long, SimilarGames> topic) {
    consumer =
        new KafkaConsumer<>(
            kafka.consumerConfig(),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer());
    var parts =
        consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(parts);
    consumer.seekToBeginning(parts);
    thread =
        new Thread(
            () -> {
              try {
                while (running) {
                  consumer
                      .poll(Duration.ofMillis(50))
                      .forEach(r -> latest.put(r.key(), Optional.ofNullable(r.value())));
                }
              } catch (WakeupException e) {
                // closing
              } finally {
                consumer.close();
              }
            },
            "similar-tail");
    thread.start();
  }

  /** Latest list of a game; null = never seen, empty = tombstone. */
  Optional<SimilarGames> get(long id) {
    return latest.get(id);
  }

  /** Ids whose latest value is a list (not a tombstone). */
  Map<Long, SimilarGames> lists() {
    Map<Long, SimilarGames> out = new java.util.HashMap<>();
    latest.forEach((k, v) -> v.ifPresent(l -> out.put(k, l)));
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
