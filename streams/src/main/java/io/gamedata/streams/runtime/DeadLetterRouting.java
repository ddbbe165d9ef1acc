package io.gamedata.streams.runtime;

import io.gamedata.contracts.dlq.DeadLetter;
import io.gamedata.streams.metrics.PipelineMetrics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * What the three exception handlers share: the dead-letter topic and the metrics, both read from
 * the Kafka Streams configuration they are created with ({@link #DLQ_TOPIC_CONFIG}, {@link
 * #METRICS_CONFIG}).
 */
final class DeadLetterRouting {

  /** Streams configuration key holding the dead-letter topic name. */
  static final String DLQ_TOPIC_CONFIG = "gamedata.dlq.topic";

  /** Streams configuration key holding the {@link PipelineMetrics} instance (optional). */
  static final String METRICS_CONFIG = "gamedata.metrics";

  private String topic;
  private PipelineMetrics metrics;

  void configure(Map<String, ?> configs) {
    Object t = configs.get(DLQ_TOPIC_CONFIG);
    if (t == null || t.toString().isBlank()) {
      throw new ConfigException(DLQ_TOPIC_CONFIG, t, "the dead-letter topic is required");
    }
    topic = t.toString();
    Object m = configs.get(METRICS_CONFIG);
    metrics = m instanceof PipelineMetrics pm ? pm : new PipelineMetrics();
  }

  String topic() {
    return topic;
  }

  /** One dead letter with the original bytes of the source record and the standard headers. */
  List<ProducerRecord<byte[], byte[]>> deadLetter(
      ErrorHandlerContext context, byte[] key, byte[] value, String reason, Exception exception) {
    metrics.deadLetter();
    return List.of(
        new ProducerRecord<>(
            topic,
            null,
            key,
            value,
            DeadLetter.headers(
                reason == null ? exception.getClass().getSimpleName() : reason,
                context.topic() == null ? "" : context.topic(),
                context.partition(),
                context.offset(),
                exception.getClass().getName(),
                "streams")));
  }
}
