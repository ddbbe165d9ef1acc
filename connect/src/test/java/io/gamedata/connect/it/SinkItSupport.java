package io.gamedata.connect.it;

import static org.awaitility.Awaitility.await;

import io.gamedata.connect.sink.duckdb.DuckDbSinkConnector;
import io.gamedata.connect.transform.EnrichedGameToStruct;
import io.gamedata.contracts.json.Json;
import io.gamedata.kafka.testkit.KafkaCluster;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongSerializer;

/** Helpers shared by the sink ITs: records in order, connector configs, offset polling. */
public final class SinkItSupport {

  private SinkItSupport() {}

  /** One record to produce: key id and raw value bytes (null = tombstone). */
  public record Rec(long id, byte[] value) {}

  /** Produces the records in order (same key, same partition, so per-id order holds). */
  public static void produce(KafkaCluster cluster, String topic, List<Rec> records) {
    cluster.sendInOrder(
        records.stream().map(r -> new ProducerRecord<>(topic, r.id(), r.value())).toList(),
        new LongSerializer(),
        new ByteArraySerializer());
  }

  /** The DuckDB sink connector config used by the ITs (our transform, LongConverter keys). */
  public static Map<String, String> duckDbConnector(String topic, String dbPath) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("connector.class", DuckDbSinkConnector.class.getName());
    c.put("tasks.max", "1");
    c.put("topics", topic);
    c.put("duckdb.path", dbPath);
    c.put("batch.size", "7");
    c.put("batch.max.wait.ms", "200");
    c.put("key.converter", "org.apache.kafka.connect.converters.LongConverter");
    c.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    c.put("transforms", "enriched");
    c.put("transforms.enriched.type", EnrichedGameToStruct.class.getName());
    return c;
  }

  public static String json(Map<String, String> config) {
    try {
      return Json.mapper().writeValueAsString(config);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<TopicPartition, Long> endOffsets(KafkaCluster cluster, String topic)
      throws Exception {
    var desc =
        cluster.admin().describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> req = new HashMap<>();
    desc.get(topic)
        .partitions()
        .forEach(p -> req.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, Long> out = new HashMap<>();
    cluster
        .admin()
        .listOffsets(req)
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  /** Offsets committed by the sink's consumer group {@code connect-<connector>}. */
  public static Map<TopicPartition, Long> committed(KafkaCluster cluster, String connector)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> m =
        cluster
            .admin()
            .listConsumerGroupOffsets("connect-" + connector)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    Map<TopicPartition, Long> out = new HashMap<>();
    m.forEach(
        (tp, om) -> {
          if (om != null) {
            out.put(tp, om.offset());
          }
        });
    return out;
  }

  /**
   * Waits until the connector's committed offsets reach the topic's end offsets (non-empty
   * partitions).
   */
  public static void awaitCaughtUp(
      KafkaCluster cluster, String connector, String topic, Duration timeout) throws Exception {
    Map<TopicPartition, Long> end = endOffsets(cluster, topic);
    end.values().removeIf(v -> v == 0L);
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> committed(cluster, connector).entrySet().containsAll(end.entrySet()));
  }
}
