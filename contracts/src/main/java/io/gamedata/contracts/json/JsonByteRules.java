package io.gamedata.contracts.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The byte-level rules of JSON text that {@link IgdbGameScanner} and {@link JsonSkip} share, as
 * strict as Jackson's parser: whitespace, the literal {@code null}, strictly valid UTF-8, four hex
 * digits, and a test of eight bytes at once for the bytes a plain ASCII string never holds.
 */
final class JsonByteRules {

  /** Eight bytes of a byte array as one long. */
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private JsonByteRules() {}

  /** The first position at or after p that is not JSON whitespace. */
  static int ws(byte[] b, int p, int end) {
    while (p < end) {
      byte c = b[p];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return p;
      }
      p++;
    }
    return p;
  }

  static boolean isNull(byte[] b, int p, int end) {
    return p + 3 < end && b[p] == 'n' && b[p + 1] == 'u' && b[p + 2] == 'l' && b[p + 3] == 'l';
  }

  /** True when no byte of the word is a quote, a backslash, below 0x20 or above 0x7F. */
  static boolean plainAscii(long w) {
    return specialBytes(w) == 0;
  }

  /**
   * The high bit of each byte of the word that is a quote, a backslash, below 0x20 or above 0x7F:
   * zero when there is none, else the lowest set bit marks the first such byte (bytes above it may
   * be marked by borrows).
   */
  static long specialBytes(long w) {
    long quote = w ^ (ONES * '"');
    long backslash = w ^ (ONES * '\\');
    return (((quote - ONES) & ~quote) // a zero byte: a quote
            | ((backslash - ONES) & ~backslash) // a backslash
            | (w - ONES * 0x20) // a byte below 0x20 (borrows into its high bit)
            | w) // a byte above 0x7F
        & HIGHS;
  }

  /** Four hex digits at p as a char value, or -1. */
  static int hex4(byte[] b, int p, int end) {
    if (p + 4 > end) {
      return -1;
    }
    int u = 0;
    for (int i = 0; i < 4; i++) {
      int c = b[p + i];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        d = c - 'A' + 10;
      } else {
        return -1;
      }
      u = (u << 4) | d;
    }
    return u;
  }

  /**
   * The code point of the strictly valid UTF-8 sequence (2 to 4 bytes) starting at p, or -1 (on a
   * stray continuation byte, an overlong form, a surrogate, a value over U+10FFFF, a truncation).
   */
  static int utf8(byte[] b, int p, int end) {
    int c = b[p] & 0xFF;
    if (c >= 0xC2 && c <= 0xDF) {
      if (p + 1 >= end || !cont(b[p + 1])) {
        return -1;
      }
      return ((c & 0x1F) << 6) | (b[p + 1] & 0x3F);
    }
    if (c >= 0xE0 && c <= 0xEF) {
      if (p + 2 >= end || !cont(b[p + 1]) || !cont(b[p + 2])) {
        return -1;
      }
      int c1 = b[p + 1] & 0xFF;
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) {
        return -1; // overlong, or a surrogate
      }
      return ((c & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (b[p + 2] & 0x3F);
    }
    if (c >= 0xF0 && c <= 0xF4) {
      if (p + 3 >= end || !cont(b[p + 1]) || !cont(b[p + 2]) || !cont(b[p + 3])) {
        return -1;
      }
      int c1 = b[p + 1] & 0xFF;
      if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) {
        return -1; // overlong, or over U+10FFFF
      }
      return ((c & 0x07) << 18)
          | ((c1 & 0x3F) << 12)
          | ((b[p + 2] & 0x3F) << 6)
          | (b[p + 3] & 0x3F);
    }
    return -1;
  }

  /** The bytes the UTF-8 sequence of {@code codePoint} takes. */
  static int utf8Length(int codePoint) {
    return codePoint >= 0x10000 ? 4 : codePoint >= 0x800 ? 3 : 2;
  }

  private static boolean cont(byte c) {
    return (c & 0xC0) == 0x80;
  }
}
