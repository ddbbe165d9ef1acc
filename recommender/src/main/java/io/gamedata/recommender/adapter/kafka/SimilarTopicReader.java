package io.gamedata.recommender.adapter.kafka;

import io.gamedata.contracts.json.JsonSerde;
import io.gamedata.contracts.similar.SimilarGames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.LongDeserializer;

/** Reads the compacted similar topic to its end: the latest list of every game. */
final class SimilarTopicReader {

  private static final JsonSerde<SimilarGames> LISTS = new JsonSerde<>(SimilarGames.class);

  private SimilarTopicReader() {}

  /** Latest value per key up to the end offsets seen at call time (tombstones remove). */
  static Map<Long, SimilarGames> readAll(Map<String, Object> props, String topic) {
    Map<Long, byte[]> raw = new HashMap<>();
    try (KafkaConsumer<Long, byte[]> c =
        new KafkaConsumer<>(props, new LongDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      var infos = c.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        return Map.of();
      }
      infos.forEach(pi -> parts.add(new TopicPartition(pi.topic(), pi.partition())));
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<Long, byte[]> r : c.poll(Duration.ofMillis(200))) {
          if (r.key() == null) {
            continue;
          }
          if (r.value() == null) {
            raw.remove(r.key());
          } else {
            raw.put(r.key(), r.value());
          }
        }
      }
    }
    Map<Long, SimilarGames> out = new ConcurrentHashMap<>(raw.size() * 2);
    raw.entrySet().parallelStream()
        .forEach(e -> out.put(e.getKey(), LISTS.fromBytes(e.getValue())));
    return out;
  }
}
