package io.gamedata.streams.topology;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Reverse index "reference -> games built from it" over a key-value store. One entry per (packed
 * reference, bucket of {@value #BUCKET} consecutive game ids): key = reference + bucket + a layout
 * byte (17 big-endian bytes), value = a {@value #BUCKET}-bit bitmap of the games of that bucket.
 * The games of a reference are a range scan; adding a game rewrites one 32-byte value, and the
 * games of a bulk load that share a bucket share one store write and one changelog record per
 * commit (the record cache absorbs the rest), instead of one per (reference, game).
 *
 * <p>Entries of the earlier layout (16-byte key = reference + game id, empty value) are still read;
 * removing a game's reference also removes its earlier entry.
 */
final class ReverseIndex {

  static final int BUCKET = 256;
  private static final int BITMAP_BYTES = BUCKET / 8;
  private static final int LEGACY_KEY_BYTES = 16;
  private static final byte LAYOUT = 1;

  private final KeyValueStore<Bytes, byte[]> store;

  /**
   * False while the store is known to be empty (a fresh start: during a bulk load the reference
   * updates arrive before any game is indexed, and a range scan per update is not free).
   */
  private boolean maybeNonEmpty;

  /**
   * Bitmaps changed since {@link #beginBatch()} and not written yet (null = none open): a batch of
   * games emitted together (a punctuation) shares one read and one write per bucket instead of one
   * per game. {@link #games} and {@link #endBatch} write them to the store.
   */
  private java.util.HashMap<Bytes, byte[]> batch;

  ReverseIndex(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
    try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
      this.maybeNonEmpty = it.hasNext();
    }
  }

  /** Replaces a game's entries {@code before} by {@code after} (both sorted), writing the diff. */
  void update(long gameId, long[] before, long[] after) {
    int i = 0;
    int j = 0;
    while (i < before.length || j < after.length) {
      if (j >= after.length || (i < before.length && before[i] < after[j])) {
        set(before[i++], gameId, false);
      } else if (i >= before.length || after[j] < before[i]) {
        set(after[j++], gameId, true);
      } else {
        i++;
        j++;
      }
    }
  }

  /** Starts buffering bitmap changes in memory (until {@link #endBatch}). */
  void beginBatch() {
    if (batch == null) {
      batch = new java.util.HashMap<>();
    }
  }

  /** Writes the buffered bitmaps to the store and stops buffering. */
  void endBatch() {
    if (batch == null) {
      return;
    }
    writeBatch();
    batch = null;
  }

  private void writeBatch() {
    for (java.util.Map.Entry<Bytes, byte[]> e : batch.entrySet()) {
      write(e.getKey(), e.getValue());
    }
    batch.clear();
  }

  private void set(long reference, long gameId, boolean present) {
    if (!present) {
      store.delete(legacyKey(reference, gameId)); // blind: an entry of the earlier layout, if any
    }
    Bytes key = key(reference, gameId / BUCKET);
    int bit = (int) (gameId % BUCKET);
    byte[] old = batch == null ? null : batch.get(key);
    boolean buffered = old != null;
    if (!buffered) {
      old = store.get(key);
    }
    int mask = 1 << (bit & 7);
    boolean was = old != null && (old[bit >>> 3] & mask) != 0;
    if (was == present) {
      return;
    }
    byte[] bitmap =
        buffered ? old : old == null ? new byte[BITMAP_BYTES] : old.clone(); // store values: copy
    bitmap[bit >>> 3] = (byte) (present ? bitmap[bit >>> 3] | mask : bitmap[bit >>> 3] & ~mask);
    if (batch != null) {
      batch.put(key, bitmap); // an all-zero bitmap is buffered too: written as a delete
      maybeNonEmpty |= present;
    } else {
      write(key, bitmap);
    }
  }

  private void write(Bytes key, byte[] bitmap) {
    if (empty(bitmap)) {
      store.delete(key);
    } else {
      store.put(key, bitmap);
      maybeNonEmpty = true;
    }
  }

  /** The ids of the games whose document was built from {@code reference}. */
  List<Long> games(long reference) {
    if (batch != null && !batch.isEmpty()) {
      writeBatch(); // the scan reads the store
    }
    List<Long> ids = new ArrayList<>();
    if (!maybeNonEmpty) {
      return ids;
    }
    try (KeyValueIterator<Bytes, byte[]> it =
        store.range(legacyKey(reference, 0), key(reference, -1L))) {
      while (it.hasNext()) {
        KeyValue<Bytes, byte[]> kv = it.next();
        byte[] k = kv.key.get();
        long second = ByteBuffer.wrap(k).getLong(8);
        if (k.length == LEGACY_KEY_BYTES) {
          ids.add(second); // earlier layout: the game id itself
          continue;
        }
        byte[] bitmap = kv.value;
        for (int b = 0; b < BUCKET; b++) {
          if ((bitmap[b >>> 3] & (1 << (b & 7))) != 0) {
            ids.add(second * BUCKET + b);
          }
        }
      }
    }
    return ids;
  }

  private static boolean empty(byte[] bitmap) {
    for (byte b : bitmap) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Reference + bucket + layout marker (17 bytes; the marker sets it apart from legacy keys). */
  static Bytes key(long reference, long bucket) {
    return Bytes.wrap(
        ByteBuffer.allocate(LEGACY_KEY_BYTES + 1)
            .putLong(reference)
            .putLong(bucket)
            .put(LAYOUT)
            .array());
  }

  /** The earlier layout: reference + game id, empty value. */
  static Bytes legacyKey(long reference, long gameId) {
    return Bytes.wrap(
        ByteBuffer.allocate(LEGACY_KEY_BYTES).putLong(reference).putLong(gameId).array());
  }
}
