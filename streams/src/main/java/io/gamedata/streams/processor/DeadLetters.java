package io.gamedata.streams.processor;

import io.gamedata.contracts.dlq.DeadLetter;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds the dead-letter records the processors emit. */
final class DeadLetters {

  /** Value of {@link DeadLetter#STAGE} for this application. */
  static final String STAGE = "streams";

  private DeadLetters() {}

  static Record<Long, Emit> record(
      Long key,
      byte[] rawKey,
      byte[] rawValue,
      String reason,
      String exceptionClass,
      RecordMetadata source,
      long timestamp) {
    return new Record<>(
        key, new Emit.Dead(rawKey, rawValue), timestamp, headers(reason, exceptionClass, source));
  }

  /** The dead letter as its sink writes it: the original key and value bytes. */
  static Record<byte[], byte[]> raw(
      byte[] rawKey,
      byte[] rawValue,
      String reason,
      String exceptionClass,
      RecordMetadata source,
      long timestamp) {
    return new Record<>(rawKey, rawValue, timestamp, headers(reason, exceptionClass, source));
  }

  private static Headers headers(String reason, String exceptionClass, RecordMetadata source) {
    return DeadLetter.headers(
        reason,
        source == null ? "" : source.topic(),
        source == null ? -1 : source.partition(),
        source == null ? -1 : source.offset(),
        exceptionClass,
        STAGE);
  }
}
