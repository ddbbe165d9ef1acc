package io.gamedata.streams.codec;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.LongDeserializer;

/**
 * Decodes the 8-byte id keys of the raw topics inside the processors rather than in the sources.
 *
 * <p>A record whose key a source cannot deserialize is handed to the deserialization exception
 * handler while records are polled, but its offset only counts as consumed when the task later
 * reaches it; a commit in between (a task waiting for its other input partition, say) commits the
 * dead letter without the offset, and after a crash the record is read again and dead-lettered a
 * second time. Decoded here, the dead letter and the consumed offset go in the same transaction.
 */
public final class IdKeys {

  private static final LongDeserializer LONGS = new LongDeserializer();

  private IdKeys() {}

  /**
   * The id in {@code raw}, or null when there is no key.
   *
   * @throws SerializationException when the key is not 8 bytes
   */
  public static Long decode(String topic, byte[] raw) {
    return raw == null ? null : LONGS.deserialize(topic, raw);
  }

  /** The id in 8 key bytes (big-endian, as {@code LongSerializer} writes it). */
  public static long packed(byte[] key) {
    long id = 0;
    for (int i = 0; i < 8; i++) {
      id = (id << 8) | (key[i] & 0xFF);
    }
    return id;
  }

  /** The dead-letter reason for a key {@link #decode} refused. */
  public static String reason(SerializationException e) {
    return "cannot deserialize key: " + e.getMessage();
  }
}
