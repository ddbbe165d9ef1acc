package io.gamedata.streams.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader of the game state's format over an array: what {@link StateOut} writes. Out-of-range
 * reads throw ({@link GameStateCodec} reports them as a corrupt state).
 */
final class StateIn {

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  final byte[] bytes;
  int pos;

  StateIn(byte[] bytes, int pos) {
    this.bytes = bytes;
    this.pos = pos;
  }

  static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  int readByte() {
    return bytes[pos++] & 0xFF;
  }

  long readLong() {
    long v = (long) LONG.get(bytes, pos);
    pos += 8;
    return v;
  }

  long readVarLong() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = bytes[pos++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw new IllegalArgumentException("varint longer than ten bytes");
  }

  void skip(int n) {
    if (n < 0 || n > bytes.length - pos) {
      throw new IndexOutOfBoundsException("skip " + n + " at " + pos + " of " + bytes.length);
    }
    pos += n;
  }

  /** A count read from the input, checked against the bytes left ({@code min} per element). */
  int count(long n, int min) {
    if (n < 0 || n > Integer.MAX_VALUE - 8 || n * min > bytes.length - pos) {
      throw new IndexOutOfBoundsException("count " + n + " at " + pos + " of " + bytes.length);
    }
    return (int) n;
  }

  String readUtf8(int n) {
    int start = pos;
    skip(n);
    return new String(bytes, start, n, StandardCharsets.UTF_8);
  }

  /** As {@link StateOut#writeString} wrote it. */
  String readString() {
    long n = readVarLong();
    return n == 0 ? null : readUtf8(count(n - 1, 1));
  }

  void skipString() {
    long n = readVarLong();
    if (n > 0) {
      skip(count(n - 1, 1));
    }
  }

  /** As {@link StateOut#writeSteps} wrote them. */
  long[] readSteps() {
    long count = readVarLong();
    if (count == 0) {
      return null;
    }
    long[] v = new long[count(count - 1, 1)];
    long last = 0;
    for (int i = 0; i < v.length; i++) {
      last += unzigzag(readVarLong());
      v[i] = last;
    }
    return v;
  }

  /** As {@link StateOut#writeIdList} wrote it. */
  List<Long> readIdList() {
    long count = readVarLong();
    if (count == 0) {
      return null;
    }
    int n = count(count - 1, 1);
    List<Long> v = new ArrayList<>(n);
    long last = 0;
    for (int i = 0; i < n; i++) {
      last += unzigzag(readVarLong());
      v.add(last == StateOut.NULL_ELEMENT ? null : last);
    }
    return v;
  }
}
