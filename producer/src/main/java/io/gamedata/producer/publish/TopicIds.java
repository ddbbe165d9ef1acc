package io.gamedata.producer.publish;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a raw topic to its current end and returns the ids that are live there (the latest value of
 * the key is not a tombstone). Used by verification and by the delete diff.
 */
public final class TopicIds {

  private TopicIds() {}

  /** Live ids and the number of records read (duplicates included). */
  public record Result(BitSet live, long recordsRead) {
    public int count() {
      return live.cardinality();
    }
  }

  public static Result read(String bootstrapServers, String topic, Duration timeout) {
    Map<String, Object> p = new HashMap<>();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    BitSet live = new BitSet();
    long read = 0;
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(topic, timeout).stream()
              .map(pi -> new TopicPartition(topic, pi.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Timed out after " + timeout.toSeconds() + " s reading " + topic);
        }
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          if (r.key() == null || r.key().length != 8) {
            continue;
          }
          long id = ByteBuffer.wrap(r.key()).getLong();
          if (id < 0 || id > Integer.MAX_VALUE) {
            throw new IllegalStateException("id out of range in " + topic + ": " + id);
          }
          read++;
          live.set((int) id, r.value() != null);
        }
      }
    }
    return new Result(live, read);
  }

  static long millis(long s) {
    return TimeUnit.SECONDS.toMillis(s);
  }
}
