package io.gamedata.contracts.json;

import static io.gamedata.contracts.json.JsonByteRules.LONGS;
import static io.gamedata.contracts.json.JsonByteRules.specialBytes;

import java.nio.charset.StandardCharsets;

/**
 * The field names of a raw game ({@link IgdbGameReader#NAMES}) as {@link IgdbGameScanner} looks
 * them up: straight from the input bytes, eight at a time, in an open-addressing table, without
 * building a string.
 */
final class GameFieldTable {

  /** The value kinds: the ordinals of {@link IgdbGameReader.Kind}. */
  static final int ID = 0;

  static final int STRING = 1;
  static final int LONG = 2;
  static final int INT = 3;
  static final int DOUBLE = 4;
  static final int LONG_LIST = 5;

  /** Index of the name {@code other} (not a modelled field: the scanner leaves the input). */
  static final int OTHER = -2;

  /** Modelled fields. */
  static final int COUNT = IgdbGameReader.NAMES.length;

  /** The kind of each field. */
  static final int[] KINDS = new int[COUNT];

  private static final byte[][] NAME_BYTES = new byte[COUNT + 1][];

  /** The names as little-endian words of eight bytes, zero-padded. */
  private static final long[][] NAME_WORDS = new long[COUNT + 1][];

  private static final int TABLE_BITS = 9;
  private static final int[] TABLE = new int[1 << TABLE_BITS]; // name index + 1, 0 = empty

  static {
    for (int i = 0; i < COUNT; i++) {
      KINDS[i] = IgdbGameReader.kindOf(i).ordinal(); // the constants above, in order
    }
    for (int i = 0; i <= COUNT; i++) {
      String name = i < COUNT ? IgdbGameReader.NAMES[i] : "other";
      byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
      NAME_BYTES[i] = bytes;
      NAME_WORDS[i] = new long[(bytes.length + 7) / 8];
      for (int k = 0; k < NAME_WORDS[i].length; k++) {
        NAME_WORDS[i][k] = nameWord(bytes, 8 * k);
      }
      int slot = slot(NAME_WORDS[i][0], bytes.length);
      while (TABLE[slot] != 0) {
        slot = (slot + 1) & (TABLE.length - 1);
      }
      TABLE[slot] = i + 1;
    }
  }

  private GameFieldTable() {}

  /**
   * The length of the name whose first byte is at start (up to its closing quote), or -1 when it
   * holds a backslash, a control or a non-ASCII byte, or has no closing quote.
   */
  static int nameLength(byte[] b, int start, int end) {
    int p = start;
    while (p + 8 <= end) {
      long special = specialBytes((long) LONGS.get(b, p));
      if (special != 0) {
        int k = p + (Long.numberOfTrailingZeros(special) >>> 3); // the first special byte
        return b[k] == '"' ? k - start : -1;
      }
      p += 8;
    }
    for (; p < end; p++) {
      int c = b[p];
      if (c == '"') {
        return p - start;
      }
      if (c < 0x20 || c == '\\') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Index of the name of len bytes at start in {@link IgdbGameReader#NAMES}, {@link #OTHER}, or -1
   * when unknown.
   */
  static int lookup(byte[] b, int start, int len, int end) {
    if (len == 0) {
      return -1;
    }
    long first = word(b, start, Math.min(len, 8), end);
    int slot = slot(first, len);
    while (true) {
      int entry = TABLE[slot];
      if (entry == 0) {
        return -1;
      }
      long[] words = NAME_WORDS[entry - 1];
      if (NAME_BYTES[entry - 1].length == len
          && words[0] == first
          && sameWords(b, words, start, len, end)) {
        return entry - 1 == COUNT ? OTHER : entry - 1;
      }
      slot = (slot + 1) & (TABLE.length - 1);
    }
  }

  private static boolean sameWords(byte[] b, long[] words, int start, int len, int end) {
    for (int k = 1; k < words.length; k++) {
      if (words[k] != word(b, start + 8 * k, Math.min(len - 8 * k, 8), end)) {
        return false;
      }
    }
    return true;
  }

  /** The bytes from p, up to n (1 to 8) of them, little-endian in a long, zero above. */
  private static long word(byte[] b, int p, int n, int end) {
    if (p + 8 <= end) {
      long w = (long) LONGS.get(b, p);
      return n == 8 ? w : w & ((1L << (n << 3)) - 1);
    }
    long w = 0;
    for (int i = n - 1; i >= 0; i--) {
      w = (w << 8) | (b[p + i] & 0xFF);
    }
    return w;
  }

  private static long nameWord(byte[] name, int from) {
    long w = 0;
    for (int i = Math.min(name.length, from + 8) - 1; i >= from; i--) {
      w = (w << 8) | (name[i] & 0xFF);
    }
    return w;
  }

  private static int slot(long firstWord, int len) {
    return (int) (((firstWord ^ len) * 0x9E3779B97F4A7C15L) >>> (64 - TABLE_BITS));
  }
}
