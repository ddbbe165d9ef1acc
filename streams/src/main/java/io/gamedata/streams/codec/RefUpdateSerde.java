package io.gamedata.streams.codec;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.streams.domain.RefUpdate;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serde of {@link RefUpdate} for the internal {@code reference-updates} topic (the
 * changes of known references, each sent to every game partition). Not a contract: only this
 * application reads it.
 *
 * <p>Layout: format byte, endpoint ordinal, id, flags (deleted, developer, publisher, and which of
 * value / company / game follow), then value (length + UTF-8), company, game.
 */
public final class RefUpdateSerde implements Serde<RefUpdate> {

  private static final byte FORMAT = 1;
  private static final IgdbEndpoint[] ENDPOINTS = IgdbEndpoint.values();
  private static final int DELETED = 1;
  private static final int DEVELOPER = 2;
  private static final int PUBLISHER = 4;
  private static final int VALUE = 8;
  private static final int COMPANY = 16;
  private static final int GAME = 32;

  static byte[] encode(RefUpdate u) {
    byte[] value = u.value() == null ? null : u.value().getBytes(StandardCharsets.UTF_8);
    int flags =
        (u.deleted() ? DELETED : 0)
            | (u.developer() ? DEVELOPER : 0)
            | (u.publisher() ? PUBLISHER : 0)
            | (value != null ? VALUE : 0)
            | (u.company() != null ? COMPANY : 0)
            | (u.game() != null ? GAME : 0);
    ByteBuffer b =
        ByteBuffer.allocate(
            11
                + (value == null ? 0 : 4 + value.length)
                + (u.company() == null ? 0 : 8)
                + (u.game() == null ? 0 : 8));
    b.put(FORMAT).put((byte) u.endpoint().ordinal()).putLong(u.id()).put((byte) flags);
    if (value != null) {
      b.putInt(value.length).put(value);
    }
    if (u.company() != null) {
      b.putLong(u.company());
    }
    if (u.game() != null) {
      b.putLong(u.game());
    }
    return b.array();
  }

  static RefUpdate decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    byte format = b.get();
    if (format != FORMAT) {
      throw new SerializationException("unknown reference update format " + format);
    }
    IgdbEndpoint endpoint = ENDPOINTS[b.get()];
    long id = b.getLong();
    int flags = b.get();
    String value = null;
    if ((flags & VALUE) != 0) {
      byte[] v = new byte[b.getInt()];
      b.get(v);
      value = new String(v, StandardCharsets.UTF_8);
    }
    Long company = (flags & COMPANY) != 0 ? b.getLong() : null;
    Long game = (flags & GAME) != 0 ? b.getLong() : null;
    return new RefUpdate(
        endpoint,
        id,
        (flags & DELETED) != 0,
        value,
        company,
        (flags & DEVELOPER) != 0,
        (flags & PUBLISHER) != 0,
        game);
  }

  @Override
  public Serializer<RefUpdate> serializer() {
    return (topic, u) -> u == null ? null : encode(u);
  }

  @Override
  public Deserializer<RefUpdate> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }
}
