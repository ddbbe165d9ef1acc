package io.gamedata.platform.check;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the live keys of compacted topics: keys whose latest record is not a tombstone. Reads up
 * to the end offsets seen at the start of each read (never waits for a record count, which
 * compaction can change under it); read_committed, so aborted transactional writes do not count.
 *
 * <p>Incremental: one consumer per topic stays open between reads and keeps its position and the
 * live-key set, so polling a 350k-game topic every few seconds only reads what was appended since
 * the last read. {@link #close()} releases the consumers.
 */
public final class TopicCounter implements AutoCloseable {

  private final String bootstrapServers;
  private final Map<String, Tracker> trackers = new LinkedHashMap<>();

  public TopicCounter(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** Live keys of {@code topic} now (reads only what was appended since the previous call). */
  public synchronized long liveKeys(String topic, Duration timeout) {
    Tracker t = trackers.get(topic);
    if (t == null) {
      t = new Tracker(topic, timeout);
      trackers.put(topic, t);
    }
    try {
      t.catchUp(timeout);
    } catch (RuntimeException e) {
      trackers.remove(topic);
      t.close();
      throw e;
    }
    return t.live.size();
  }

  /** Number of records currently in the topic (end minus start offsets, all partitions). */
  public long totalRecords(String topic) {
    try (KafkaConsumer<byte[], byte[]> c = consumer()) {
      List<TopicPartition> parts = partitions(c, topic, Duration.ofSeconds(30));
      long total = 0;
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      Map<TopicPartition, Long> begin = c.beginningOffsets(parts);
      for (TopicPartition tp : parts) {
        total += end.get(tp) - begin.get(tp);
      }
      return total;
    }
  }

  @Override
  public synchronized void close() {
    trackers.values().forEach(Tracker::close);
    trackers.clear();
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static List<TopicPartition> partitions(
      KafkaConsumer<byte[], byte[]> c, String topic, Duration timeout) {
    return c.partitionsFor(topic, timeout).stream()
        .map(i -> new TopicPartition(topic, i.partition()))
        .toList();
  }

  /** One topic's open consumer and live-key set. */
  private final class Tracker {
    final String topic;
    final KafkaConsumer<byte[], byte[]> consumer;
    final List<TopicPartition> parts;
    final Set<ByteKey> live = new HashSet<>();

    Tracker(String topic, Duration timeout) {
      this.topic = topic;
      this.consumer = consumer();
      try {
        this.parts = partitions(consumer, topic, timeout);
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
      } catch (RuntimeException e) {
        consumer.close();
        throw e;
      }
    }

    void catchUp(Duration timeout) {
      Map<TopicPartition, Long> end = consumer.endOffsets(parts, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("timed out reading " + topic);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() == null) {
            continue;
          }
          ByteKey k = new ByteKey(r.key());
          if (r.value() == null) {
            live.remove(k);
          } else {
            live.add(k);
          }
        }
      }
    }

    void close() {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** A byte[] key with value equality. */
  public record ByteKey(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ByteKey b && java.util.Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }

    /** The key as a big-endian long (the LongSerde encoding of ids). */
    public long asLong() {
      return java.nio.ByteBuffer.wrap(bytes).getLong();
    }
  }
}
