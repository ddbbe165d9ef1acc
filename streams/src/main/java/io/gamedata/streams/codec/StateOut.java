package io.gamedata.streams.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The thread's output buffer of the game state's format: room is made once per state ({@link
 * #start}), then varints, bytes, big-endian longs, strings and step-coded lists (one store each)
 * are written without further checks. {@link StateIn} reads them back.
 */
final class StateOut {

  /** A null element of an id list, as it is stored. */
  static final long NULL_ELEMENT = Long.MIN_VALUE;

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /**
   * Room for the bound {@link GameStateCodec#encode} computes for a typical state (~2-3 KB, the
   * most its strings, numbers and lists could take; it writes ~0.5 KB): no regrowth.
   */
  private static final int CAPACITY = 4096;

  /** A buffer grown past this for a large state is not kept for the next one. */
  private static final int MAX_RETAINED = 1 << 16;

  /**
   * The thread's buffer: a new buffer per state was ~12% of the bytes the game threads allocated in
   * a bulk load.
   */
  private static final ThreadLocal<StateOut> LOCAL = ThreadLocal.withInitial(StateOut::new);

  private byte[] buf = new byte[CAPACITY];
  private int n;

  /**
   * The thread's buffer, emptied (encode does not nest), with room for {@code capacity} bytes: the
   * writes below do not check for room one by one (an overrun would throw, not corrupt).
   */
  static StateOut start(int capacity) {
    StateOut out = LOCAL.get();
    out.n = 0;
    if (out.buf.length < capacity) {
      out.buf = new byte[Math.max(capacity, out.buf.length * 2)];
    }
    return out;
  }

  /** The most bytes {@link #writeString} takes for {@code s}. */
  static long maxBytes(String s) {
    return s == null ? 10 : 10 + 3L * s.length();
  }

  static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  void writeByte(int b) {
    buf[n++] = (byte) b;
  }

  /**
   * Seven bits per byte, low first, the top bit set on all but the last (1-10 bytes); ~10 ns each,
   * where a fixed-width long costs ~1: the varints cost ~0.5 µs per state to write, and save ~440
   * bytes per state through RocksDB, lz4 and the broker.
   */
  void writeVarLong(long v) {
    byte[] b = buf;
    int p = n;
    while ((v & ~0x7FL) != 0) {
      b[p++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    b[p++] = (byte) v;
    n = p;
  }

  void writeLong(long v) {
    LONG.set(buf, n, v);
    n += 8;
  }

  void write(byte[] b) {
    System.arraycopy(b, 0, buf, n, b.length);
    n += b.length;
  }

  /** Length + 1 as a varint (0 = null), then the UTF-8 bytes. */
  void writeString(String s) {
    if (s == null) {
      writeVarLong(0);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeVarLong(b.length + 1L);
    write(b);
  }

  /** {@code mark + length} as a varint, then the UTF-8 bytes (a string after a mark). */
  void writeMarked(int mark, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeVarLong(mark + (long) b.length);
    write(b);
  }

  /** Count + 1 as a varint (0 = null), then each value as the zigzag of its step from the last. */
  void writeSteps(long[] v) {
    if (v == null) {
      writeVarLong(0);
      return;
    }
    writeVarLong(v.length + 1L);
    long last = 0;
    for (long x : v) {
      writeVarLong(zigzag(x - last));
      last = x;
    }
  }

  /** As {@link #writeSteps}; a null element is stored as {@link #NULL_ELEMENT}. */
  void writeIdList(List<Long> v) {
    if (v == null) {
      writeVarLong(0);
      return;
    }
    writeVarLong(v.size() + 1L);
    long last = 0;
    for (int i = 0, size = v.size(); i < size; i++) {
      Long x = v.get(i);
      long value = x == null ? NULL_ELEMENT : x;
      writeVarLong(zigzag(value - last));
      last = value;
    }
  }

  /** Reserves {@code count} zero bytes; returns where they start. */
  int reserve(int count) {
    int at = n;
    Arrays.fill(buf, n, n + count, (byte) 0);
    n += count;
    return at;
  }

  /** Sets bits in a reserved byte. */
  void or(int at, int bits) {
    buf[at] |= (byte) bits;
  }

  /** A copy of the bytes written. */
  byte[] finish() {
    byte[] bytes = Arrays.copyOf(buf, n);
    if (buf.length > MAX_RETAINED) {
      buf = new byte[CAPACITY];
    }
    return bytes;
  }
}
