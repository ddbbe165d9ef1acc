package io.gamedata.recommender.adapter.kafka;

import io.gamedata.contracts.dlq.DeadLetter;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.JsonSerde;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.LongSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads enriched records; one that cannot be read (bad JSON, key and id apart) or that the engine
 * rejects goes to the dead-letter topic with the reason, and is counted and logged.
 */
final class EnrichedRecords {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichedRecords.class);
  private static final JsonSerde<EnrichedGame> DOCS = new JsonSerde<>(EnrichedGame.class);
  private static final LongSerializer KEYS = new LongSerializer();

  private final FollowerSettings settings;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Counter invalid;

  EnrichedRecords(
      FollowerSettings settings, KafkaProducer<byte[], byte[]> producer, Counter invalid) {
    this.settings = settings;
    this.producer = producer;
    this.invalid = invalid;
  }

  /** The document, or null after routing an unreadable record to the DLQ. */
  EnrichedGame parse(ConsumerRecord<Long, byte[]> r) {
    String reason;
    String exception;
    try {
      EnrichedGame g = DOCS.fromBytes(r.value());
      if (r.key() == null || g.id() != r.key()) {
        reason = "key " + r.key() + " does not match document id " + g.id();
        exception = DeadLetter.VALIDATION;
      } else {
        return g;
      }
    } catch (SerializationException e) {
      reason = e.getMessage();
      exception = e.getClass().getName();
    }
    deadLetter(r, reason, exception);
    return null;
  }

  /** Counts, logs and (when a DLQ topic is set) sends a record to the DLQ with the reason. */
  void deadLetter(ConsumerRecord<Long, byte[]> r, String reason, String exception) {
    invalid.increment();
    LOG.warn(
        "skipping unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), reason);
    if (!settings.dlqTopic().isEmpty()) {
      byte[] key = r.key() == null ? null : KEYS.serialize(settings.dlqTopic(), r.key());
      ProducerRecord<byte[], byte[]> dl =
          new ProducerRecord<>(
              settings.dlqTopic(),
              null,
              key,
              r.value(),
              DeadLetter.headers(
                  reason, r.topic(), r.partition(), r.offset(), exception, "recommender"));
      producer.send(dl);
    }
  }
}
