package io.gamedata.producer.publish;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.TopicCreator;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.producer.config.ProducerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes raw IGDB records to {@code igdb.<endpoint>} keyed by id with an idempotent producer
 * (acks=all, lz4), and lends that producer to the state store.
 */
public final class KafkaPublisher implements RecordSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);
  private static final LongSerializer KEYS = new LongSerializer();

  private final KafkaProducer<byte[], byte[]> producer;
  private final ProducerConfig config;

  public KafkaPublisher(ProducerConfig config) {
    this.config = config;
    this.producer =
        new KafkaProducer<>(
            producerProperties(config.kafkaBootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  /**
   * The underlying producer (shared with {@link io.gamedata.producer.checkpoint.KafkaStateStore}).
   */
  public KafkaProducer<byte[], byte[]> producer() {
    return producer;
  }

  /** Creates the raw topics of the configured endpoints and the state topic when missing. */
  public static void ensureTopics(ProducerConfig config) {
    List<Topic<?, ?>> topics = new ArrayList<>();
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      topics.add(Topics.raw(e).withName(config.topicFor(e)));
    }
    topics.add(Topics.SYNC_CURSORS.withName(config.cursorTopic()));
    Map<String, Object> p = new HashMap<>();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
    try (Admin admin = Admin.create(p)) {
      TopicCreator.Result r = new TopicCreator(admin).ensure(topics);
      if (!r.created().isEmpty()) {
        LOG.info("Created topics {}", r.created());
      }
      r.mismatches().forEach(m -> LOG.warn("Topic differs from its contract: {}", m));
      // ensure() returns once every partition of a created topic has a leader
    }
  }

  @Override
  public CompletableFuture<Void> publish(IgdbEndpoint endpoint, long id, byte[] json) {
    return send(config.topicFor(endpoint), id, json);
  }

  @Override
  public CompletableFuture<Void> delete(IgdbEndpoint endpoint, long id) {
    return send(config.topicFor(endpoint), id, null);
  }

  private CompletableFuture<Void> send(String topic, long id, byte[] value) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(topic, KEYS.serialize(topic, id), value),
          (md, ex) -> {
            if (ex != null) {
              f.completeExceptionally(ex);
            } else {
              f.complete(null);
            }
          });
    } catch (RuntimeException e) {
      f.completeExceptionally(e);
    }
    return f;
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }

  /** Idempotent, acks=all, lz4, batching sized for 500-record pages, patient through restarts. */
  public static Map<String, Object> producerProperties(String bootstrap) {
    Map<String, Object> p = new HashMap<>();
    p.put(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all");
    p.put(org.apache.kafka.clients.producer.ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(org.apache.kafka.clients.producer.ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG, 10);
    p.put(org.apache.kafka.clients.producer.ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(org.apache.kafka.clients.producer.ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
    p.put(org.apache.kafka.clients.producer.ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
    p.put(org.apache.kafka.clients.producer.ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
    p.put(org.apache.kafka.clients.producer.ProducerConfig.CLIENT_ID_CONFIG, "gamedata-producer");
    return p;
  }
}
