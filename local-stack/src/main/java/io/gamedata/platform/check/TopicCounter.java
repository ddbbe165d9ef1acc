package io.gamedata.platform.check;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the live keys of a compacted topic: keys whose latest record is not a tombstone. Reads up
 * to the end offsets seen at the start (never waits for a record count, which compaction can change
 * under it); read_committed, so aborted transactional writes do not count.
 */
public final class TopicCounter {

  private final String bootstrapServers;

  public TopicCounter(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public long liveKeys(String topic, Duration timeout) {
    return liveKeyMap(topic, timeout).size();
  }

  /** Live key -> timestamp of its latest record. */
  public Map<ByteKey, Long> liveKeyMap(String topic, Duration timeout) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(topic, timeout).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
      Map<ByteKey, Long> live = new HashMap<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("timed out reading " + topic);
        }
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          if (r.key() == null) {
            continue;
          }
          ByteKey k = new ByteKey(r.key());
          if (r.value() == null) {
            live.remove(k);
          } else {
            live.put(k, r.timestamp());
          }
        }
      }
      return live;
    }
  }

  /** Number of records currently in the topic (end minus start offsets, all partitions). */
  public long totalRecords(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      long total = 0;
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      Map<TopicPartition, Long> begin = c.beginningOffsets(parts);
      for (TopicPartition tp : parts) {
        total += end.get(tp) - begin.get(tp);
      }
      return total;
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
