package io.gamedata.contracts.dlq;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Dead-letter conventions of {@code games.dlq}: the original key and value bytes unchanged, and
 * these headers (UTF-8 strings) saying why and from where. Every stage that rejects a record writes
 * all of them; nothing is dropped silently.
 */
public final class DeadLetter {

  /** Human-readable reason, e.g. {@code "missing required field: name"}. */
  public static final String REASON = "dlq.reason";

  /** Topic the rejected record was read from. */
  public static final String SOURCE_TOPIC = "dlq.source.topic";

  /** Partition the rejected record was read from. */
  public static final String SOURCE_PARTITION = "dlq.source.partition";

  /** Offset of the rejected record in its source partition. */
  public static final String SOURCE_OFFSET = "dlq.source.offset";

  /** Fully qualified class of the exception, or {@code validation} for a rule violation. */
  public static final String EXCEPTION_CLASS = "dlq.exception.class";

  /** The component that rejected the record: {@code streams}, {@code connect}, {@code producer}. */
  public static final String STAGE = "dlq.stage";

  /** Value of {@link #EXCEPTION_CLASS} for records that parsed but broke a validation rule. */
  public static final String VALIDATION = "validation";

  private DeadLetter() {}

  /** Builds the full header set. {@code exceptionClass} may be {@link #VALIDATION}. */
  public static Headers headers(
      String reason,
      String sourceTopic,
      int sourcePartition,
      long sourceOffset,
      String exceptionClass,
      String stage) {
    Headers headers = new RecordHeaders();
    put(headers, REASON, reason);
    put(headers, SOURCE_TOPIC, sourceTopic);
    put(headers, SOURCE_PARTITION, Integer.toString(sourcePartition));
    put(headers, SOURCE_OFFSET, Long.toString(sourceOffset));
    put(headers, EXCEPTION_CLASS, exceptionClass);
    put(headers, STAGE, stage);
    return headers;
  }

  /** Replaces (or adds) one string header. */
  public static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
  }

  /** Reads one string header, or null when absent. */
  public static String get(Headers headers, String key) {
    Header h = headers.lastHeader(key);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
