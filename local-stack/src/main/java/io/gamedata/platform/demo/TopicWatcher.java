package io.gamedata.platform.demo;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows a game-keyed topic from its current end and records, per game id, the wall-clock time at
 * which a record (or tombstone) for it was first seen after {@link #start()}.
 */
public final class TopicWatcher implements AutoCloseable {

  private final String bootstrapServers;
  private final String topic;
  private final Map<Long, Long> firstSeen = new ConcurrentHashMap<>();
  private final Map<Long, Long> firstTombstone = new ConcurrentHashMap<>();
  private volatile boolean running = true;
  private Thread thread;

  public TopicWatcher(String bootstrapServers, String topic) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
  }

  /** Positions at the end of every partition, then follows in the background. */
  public TopicWatcher start() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> parts =
        c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    c.assign(parts);
    c.seekToEnd(parts);
    parts.forEach(c::position); // resolve the end offsets now, before changes are injected
    thread =
        new Thread(
            () -> {
              try (c) {
                while (running) {
                  for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(50))) {
                    if (r.key() == null || r.key().length != 8) {
                      continue;
                    }
                    long now = System.currentTimeMillis();
                    long id = ByteBuffer.wrap(r.key()).getLong();
                    firstSeen.putIfAbsent(id, now);
                    if (r.value() == null) {
                      firstTombstone.putIfAbsent(id, now);
                    }
                  }
                }
              }
            },
            "watch-" + topic);
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  public Long firstSeen(long id) {
    return firstSeen.get(id);
  }

  public Long firstTombstone(long id) {
    return firstTombstone.get(id);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.join(5000);
    }
  }
}
