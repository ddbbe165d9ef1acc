package io.gamedata.streams.topology;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Reverse index "reference -> games built from it" over a key-value store: one entry per (packed
 * reference, game id), 16 big-endian bytes, so that the games of a reference are a range scan and
 * adding a game never rewrites a large value.
 */
final class ReverseIndex {

  private static final byte[] EMPTY = new byte[0];

  private final KeyValueStore<Bytes, byte[]> store;

  ReverseIndex(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  /** Replaces a game's entries {@code before} by {@code after} (both sorted), writing the diff. */
  void update(long gameId, long[] before, long[] after) {
    int i = 0;
    int j = 0;
    while (i < before.length || j < after.length) {
      if (j >= after.length || (i < before.length && before[i] < after[j])) {
        store.delete(key(before[i++], gameId));
      } else if (i >= before.length || after[j] < before[i]) {
        store.put(key(after[j++], gameId), EMPTY);
      } else {
        i++;
        j++;
      }
    }
  }

  /** The ids of the games whose document was built from {@code reference}. */
  List<Long> games(long reference) {
    List<Long> ids = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> it =
        store.range(key(reference, 0), key(reference, Long.MAX_VALUE))) {
      while (it.hasNext()) {
        KeyValue<Bytes, byte[]> kv = it.next();
        ids.add(ByteBuffer.wrap(kv.key.get()).getLong(8));
      }
    }
    return ids;
  }

  static Bytes key(long reference, long gameId) {
    return Bytes.wrap(ByteBuffer.allocate(16).putLong(reference).putLong(gameId).array());
  }
}
