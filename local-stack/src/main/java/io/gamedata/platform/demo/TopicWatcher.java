package io.gamedata.platform.demo;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
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

  /** Per id, every sighting in order: {time, 1 if a tombstone else 0}. */
  private final Map<Long, List<long[]>> seen = new ConcurrentHashMap<>();

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
                    List<long[]> l =
                        seen.computeIfAbsent(
                            id, k -> java.util.Collections.synchronizedList(new ArrayList<>()));
                    l.add(new long[] {now, r.value() == null ? 1 : 0});
                  }
                }
              }
            },
            "watch-" + topic);
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** When a record or tombstone for the id was first seen at or after {@code since}, or null. */
  public Long firstSeen(long id, long since) {
    return first(id, since, false);
  }

  /** When a tombstone for the id was first seen at or after {@code since}, or null. */
  public Long firstTombstone(long id, long since) {
    return first(id, since, true);
  }

  private Long first(long id, long since, boolean tombstone) {
    List<long[]> l = seen.get(id);
    if (l == null) {
      return null;
    }
    synchronized (l) {
      for (long[] e : l) {
        if (e[0] >= since && (!tombstone || e[1] == 1)) {
          return e[0];
        }
      }
    }
    return null;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.join(5000);
    }
  }
}
