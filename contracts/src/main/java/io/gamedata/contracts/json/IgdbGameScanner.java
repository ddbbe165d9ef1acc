package io.gamedata.contracts.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.NumberInput;
import io.gamedata.contracts.igdb.IgdbGame;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first tier of {@link IgdbGameReader}: a byte-level scanner of raw games in the common shape,
 * without a Jackson parser. It accepts only input it is sure databind reads to the same record:
 *
 * <ul>
 *   <li>a root object (JSON whitespace around it and between tokens: space, tab, CR, LF) whose
 *       field names are ASCII without escapes, each known field at most once, {@code id} present;
 *   <li>ids, counts and timestamps as plain integers in range of their type ({@code -?[1-9][0-9]*}
 *       or {@code 0}; not {@code -0}), or null (not for {@code id});
 *   <li>ratings as numbers of the JSON grammar (an integer up to 15 digits, or with a fraction or
 *       exponent) or null;
 *   <li>text as strings of strictly valid UTF-8, with the JSON escapes ({@code \" \\ \/ \b \f \n \r
 *       \t \\uXXXX}, lone surrogates kept as databind keeps them), or null;
 *   <li>id lists as arrays of such integers and nulls, or null;
 *   <li>only when the unknown fields are dropped ({@code readTrimmed}): other fields holding any
 *       JSON value built of the above (strings, numbers up to 100 characters, true, false, null,
 *       arrays and objects nested up to 200 deep).
 * </ul>
 *
 * Anything else (an escape in a name, invalid UTF-8, a control character, leading zeros, a
 * coercion, an overflow, a duplicate, trailing content, an unknown field when they are kept, the
 * field {@code other}, input longer than the parser's string limit, ...) returns null: the caller
 * then tries the Jackson-parser path, which in turn hands the input to databind.
 */
final class IgdbGameScanner {

  /** Inputs longer than this go the long way (a string that long fails in the parser). */
  private static final int MAX_LENGTH =
      Json.mapper().getFactory().streamReadConstraints().getMaxStringLength();

  private static final boolean FAST_DOUBLE_PARSER =
      Json.mapper().getFactory().isEnabled(StreamReadFeature.USE_FAST_DOUBLE_PARSER);

  /** Eight bytes of a byte array as one long. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private static final int MAX_SKIP_DEPTH = 200;
  private static final int MAX_SKIP_NUMBER = 100;
  private static final int MAX_SKIP_NAME = 1000;

  /** Value kinds: the ordinals of {@link IgdbGameReader.Kind}. */
  private static final int ID = 0;

  private static final int STRING = 1;
  private static final int LONG = 2;
  private static final int INT = 3;
  private static final int DOUBLE = 4;
  private static final int LONG_LIST = 5;

  /** Index of the name {@code other} in the name table (not a modelled field: fall back). */
  private static final int OTHER = -2;

  private static final int COUNT = IgdbGameReader.NAMES.length;
  private static final int[] KINDS = new int[COUNT];
  private static final byte[][] NAME_BYTES = new byte[COUNT + 1][];

  /** The names as little-endian words of eight bytes, zero-padded. */
  private static final long[][] NAME_WORDS = new long[COUNT + 1][];

  private static final int TABLE_BITS = 9;
  private static final int[] TABLE = new int[1 << TABLE_BITS]; // name index + 1, 0 = empty

  /** Exact powers of ten (up to 10^22 every one is a double). */
  private static final double[] POW10 = new double[23];

  static {
    for (int i = 0; i < COUNT; i++) {
      KINDS[i] = IgdbGameReader.kindOf(i).ordinal(); // the constants below, in order
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
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private final byte[] b;
  private final int end;
  private int pos;

  /** Result of the last integer parsed. */
  private long number;

  /** Scratch of escaped strings, allocated on first use. */
  private char[] chars;

  /** Scratch of the id lists. */
  private long[] longs = new long[16];

  private IgdbGameScanner(byte[] bytes) {
    this.b = bytes;
    this.end = bytes.length;
  }

  /** The game, or null when the scanner is not sure (the caller must then decide otherwise). */
  static IgdbGame scan(byte[] bytes, boolean keepOther) {
    if (bytes == null || bytes.length > MAX_LENGTH) {
      return null;
    }
    try {
      return new IgdbGameScanner(bytes).game(keepOther);
    } catch (RuntimeException e) {
      return null; // a safety net: every shape is checked before it is trusted
    }
  }

  private IgdbGame game(boolean keepOther) {
    int p = ws(0);
    if (p >= end || b[p] != '{') {
      return null;
    }
    p = ws(p + 1);
    Object[] v = new Object[COUNT];
    long seen = 0;
    while (true) {
      if (p >= end || b[p] != '"') {
        return null; // also an empty object: no id
      }
      // the name: ASCII without escapes or control characters
      int start = ++p;
      int len = nameLength(start);
      if (len < 0) {
        return null;
      }
      p = start + len;
      int index = lookup(start, len);
      p = ws(p + 1);
      if (p >= end || b[p] != ':') {
        return null;
      }
      p = ws(p + 1);
      if (p >= end) {
        return null;
      }
      if (index < 0) {
        if (index == OTHER || keepOther || p - start > MAX_SKIP_NAME) {
          return null;
        }
        p = skipValue(p, 1);
        if (p < 0) {
          return null;
        }
      } else {
        long bit = 1L << index;
        if ((seen & bit) != 0) {
          return null;
        }
        seen |= bit;
        boolean isNull = isNull(p);
        if (isNull) {
          if (KINDS[index] == ID) {
            return null;
          }
          p += 4;
        } else {
          pos = p;
          Object value =
              switch (KINDS[index]) {
                case ID, LONG -> integer() ? Long.valueOf(number) : null;
                case INT ->
                    integer() && number == (int) number ? Integer.valueOf((int) number) : null;
                case DOUBLE -> decimal();
                case STRING -> string();
                case LONG_LIST ->
                    keepOther || !IgdbGameReader.DROPPED_BY_TRIM[index] ? longList() : skipList();
                default -> null;
              };
          if (value == null) {
            return null;
          }
          v[index] = value;
          p = pos;
        }
      }
      p = ws(p);
      if (p >= end) {
        return null;
      }
      byte c = b[p];
      if (c == ',') {
        p = ws(p + 1);
      } else if (c == '}') {
        break;
      } else {
        return null;
      }
    }
    if ((seen & 1L) == 0 || ws(p + 1) != end) {
      return null; // no id, or content after the object
    }
    if (!keepOther) {
      for (int i = 0; i < COUNT; i++) {
        if (IgdbGameReader.DROPPED_BY_TRIM[i]) {
          v[i] = null;
        }
      }
    }
    return IgdbGameReader.build(v, null);
  }

  /**
   * The length of the name whose first byte is at start (up to its closing quote), or -1 when it
   * holds a backslash, a control or a non-ASCII byte, or has no closing quote.
   */
  private int nameLength(int start) {
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

  /** The bytes from p, up to n (1 to 8) of them, little-endian in a long, zero above. */
  private long word(int p, int n) {
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

  /**
   * Index of the name of len bytes at start in {@link IgdbGameReader#NAMES}, {@link #OTHER}, or -1
   * when unknown.
   */
  private int lookup(int start, int len) {
    if (len == 0) {
      return -1;
    }
    long first = word(start, Math.min(len, 8));
    int slot = slot(first, len);
    while (true) {
      int entry = TABLE[slot];
      if (entry == 0) {
        return -1;
      }
      long[] words = NAME_WORDS[entry - 1];
      if (NAME_BYTES[entry - 1].length == len
          && words[0] == first
          && sameWords(words, start, len)) {
        return entry - 1 == COUNT ? OTHER : entry - 1;
      }
      slot = (slot + 1) & (TABLE.length - 1);
    }
  }

  private boolean sameWords(long[] words, int start, int len) {
    for (int k = 1; k < words.length; k++) {
      if (words[k] != word(start + 8 * k, Math.min(len - 8 * k, 8))) {
        return false;
      }
    }
    return true;
  }

  /** The first position at or after p that is not JSON whitespace. */
  private int ws(int p) {
    while (p < end) {
      byte c = b[p];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return p;
      }
      p++;
    }
    return p;
  }

  private boolean isNull(int p) {
    return p + 3 < end && b[p] == 'n' && b[p + 1] == 'u' && b[p + 2] == 'l' && b[p + 3] == 'l';
  }

  private boolean isWord(int p, String word) {
    if (p + word.length() > end) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (b[p + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A plain integer at {@link #pos} into {@link #number}, moving {@link #pos} past it: false on
   * anything databind would coerce or reject (fraction, exponent, leading zero, -0, overflow).
   */
  private boolean integer() {
    int p = pos;
    boolean negative = false;
    if (p < end && b[p] == '-') {
      negative = true;
      p++;
    }
    if (p >= end) {
      return false;
    }
    int d = b[p] - '0';
    if (d < 0 || d > 9) {
      return false;
    }
    long n;
    int digits;
    if (p + 8 <= end) {
      // up to eight digits at once
      long w = (long) LONGS.get(b, p);
      long nonDigits =
          ((w & 0xF0F0F0F0F0F0F0F0L) ^ (ONES * 0x30))
              | (((w + ONES * 0x06) & 0xF0F0F0F0F0F0F0F0L) ^ (ONES * 0x30));
      digits = nonDigits == 0 ? 8 : Long.numberOfTrailingZeros(nonDigits) >>> 3; // >= 1
      n = eightDigits((w & (ONES * 0x0F)) << ((8 - digits) << 3));
    } else {
      n = d;
      digits = 1;
    }
    p += digits;
    if (d == 0) {
      if (digits > 1 || negative) {
        return false; // a leading zero, or -0
      }
    } else {
      while (digits < 18 && p < end && b[p] >= '0' && b[p] <= '9') {
        n = n * 10 + (b[p] - '0'); // up to 18 digits: no overflow
        digits++;
        p++;
      }
      if (digits == 18 && p < end && b[p] >= '0' && b[p] <= '9') {
        // a 19th digit: in range up to Long.MAX_VALUE (or Long.MIN_VALUE), else databind decides
        d = b[p] - '0';
        if (p + 1 < end && b[p + 1] >= '0' && b[p + 1] <= '9') {
          return false;
        }
        if (n > Long.MAX_VALUE / 10 || (n == Long.MAX_VALUE / 10 && d > (negative ? 8 : 7))) {
          return false;
        }
        p++;
        n = negative ? -(n * 10) - d : n * 10 + d;
        negative = false; // already applied
      }
    }
    if (p < end) {
      byte c = b[p];
      if (c == '.' || c == 'e' || c == 'E' || (c >= '0' && c <= '9')) {
        return false; // a float, or a leading zero
      }
    }
    if (negative) {
      n = -n;
    }
    number = n;
    pos = p;
    return true;
  }

  /** The value of eight digit values (0 to 9), one a byte, the first in the lowest byte. */
  private static long eightDigits(long w) {
    w = (w * 10 + (w >>> 8)) & 0x00FF00FF00FF00FFL;
    w = (w * 100 + (w >>> 16)) & 0x0000FFFF0000FFFFL;
    return (w * 10000 + (w >>> 32)) & 0xFFFFFFFFL;
  }

  /**
   * A JSON number at {@link #pos} as databind reads it into a {@code Double}, or null. Exact when
   * the significand has at most 15 digits and the power of ten at most 22 (one correctly rounded
   * operation on two exact doubles), else parsed from its text as Jackson parses it.
   */
  private Double decimal() {
    int p = pos;
    int start = p;
    boolean negative = false;
    if (p < end && b[p] == '-') {
      negative = true;
      p++;
    }
    if (p >= end) {
      return null;
    }
    long m = 0;
    int digits = 0; // significant digits in m
    boolean exact = true;
    int d = b[p] - '0';
    if (d < 0 || d > 9) {
      return null;
    }
    p++;
    if (d != 0) {
      m = d;
      digits = 1;
      while (p < end && (d = b[p] - '0') >= 0 && d <= 9) {
        if (digits < 18) {
          m = m * 10 + d;
          digits++;
        } else {
          exact = false;
        }
        p++;
      }
    } else if (p < end && b[p] >= '0' && b[p] <= '9') {
      return null; // leading zero
    }
    int intEnd = p;
    int scale = 0;
    boolean isFloat = false;
    if (p < end && b[p] == '.') {
      isFloat = true;
      p++;
      int fracStart = p;
      while (p < end && (d = b[p] - '0') >= 0 && d <= 9) {
        if (m == 0 && d == 0) {
          scale++; // leading zeros of the fraction do not count
        } else if (digits < 18) {
          m = m * 10 + d;
          digits++;
          scale++;
        } else {
          exact = false;
        }
        p++;
      }
      if (p == fracStart) {
        return null;
      }
    }
    int exponent = 0;
    if (p < end && (b[p] == 'e' || b[p] == 'E')) {
      isFloat = true;
      p++;
      boolean negativeExponent = false;
      if (p < end && (b[p] == '+' || b[p] == '-')) {
        negativeExponent = b[p] == '-';
        p++;
      }
      int expStart = p;
      while (p < end && (d = b[p] - '0') >= 0 && d <= 9) {
        if (exponent < 100_000) {
          exponent = exponent * 10 + d;
        }
        p++;
      }
      if (p == expStart) {
        return null;
      }
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    if (p - start > MAX_SKIP_NUMBER) {
      return null;
    }
    pos = p;
    if (!isFloat) {
      // an integer token: databind converts the long it reads
      if ((negative && m == 0) || intEnd - start > (negative ? 16 : 15)) {
        return null;
      }
      return negative ? -(double) m : (double) m;
    }
    int e10 = exponent - scale;
    if (exact && digits <= 15 && e10 >= -22 && e10 <= 22) {
      double value = e10 >= 0 ? m * POW10[e10] : m / POW10[-e10];
      return negative ? -value : value;
    }
    return NumberInput.parseDouble(
        new String(b, start, p - start, StandardCharsets.ISO_8859_1), FAST_DOUBLE_PARSER);
  }

  /** A string at {@link #pos} (on its opening quote), or null. */
  private String string() {
    int p = pos;
    if (b[p] != '"') {
      return null;
    }
    int start = ++p;
    // eight bytes at a time while none is a quote, a backslash, a control or non-ASCII byte
    while (p + 8 <= end && plainAscii((long) LONGS.get(b, p))) {
      p += 8;
    }
    while (p < end) {
      byte c = b[p];
      if (c == '"') {
        pos = p + 1;
        return new String(b, start, p - start, StandardCharsets.ISO_8859_1); // all ASCII
      }
      if (c < 0x20 || c == '\\') {
        return decodeString(start);
      }
      p++;
    }
    return null;
  }

  /** True when no byte of the word is a quote, a backslash, below 0x20 or above 0x7F. */
  private static boolean plainAscii(long w) {
    return specialBytes(w) == 0;
  }

  /**
   * The high bit of each byte of the word that is a quote, a backslash, below 0x20 or above 0x7F:
   * zero when there is none, else the lowest set bit marks the first such byte (bytes above it may
   * be marked by borrows).
   */
  private static long specialBytes(long w) {
    long quote = w ^ (ONES * '"');
    long backslash = w ^ (ONES * '\\');
    return (((quote - ONES) & ~quote) // a zero byte: a quote
            | ((backslash - ONES) & ~backslash) // a backslash
            | (w - ONES * 0x20) // a byte below 0x20 (borrows into its high bit)
            | w) // a byte above 0x7F
        & HIGHS;
  }

  /** The string from its first content byte, with escapes and UTF-8 sequences, or null. */
  private String decodeString(int start) {
    int n = 0;
    char[] out = chars;
    if (out == null || out.length < 64) {
      out = new char[Math.max(64, Math.min(end - start, 1024))];
    }
    int p = start;
    while (true) {
      if (p >= end) {
        return null;
      }
      if (out.length - n < 2) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      int c = b[p];
      if (c == '"') {
        chars = out;
        pos = p + 1;
        return new String(out, 0, n);
      }
      if (c >= 0x20 && c != '\\') {
        out[n++] = (char) c;
        p++;
      } else if (c == '\\') {
        if (p + 1 >= end) {
          return null;
        }
        int e = b[p + 1];
        p += 2;
        switch (e) {
          case '"', '\\', '/' -> out[n++] = (char) e;
          case 'b' -> out[n++] = '\b';
          case 'f' -> out[n++] = '\f';
          case 'n' -> out[n++] = '\n';
          case 'r' -> out[n++] = '\r';
          case 't' -> out[n++] = '\t';
          case 'u' -> {
            int u = hex4(p);
            if (u < 0) {
              return null;
            }
            out[n++] = (char) u; // surrogates as they come, paired or not, as Jackson does
            p += 4;
          }
          default -> {
            return null;
          }
        }
      } else if (c >= 0) {
        return null; // an unescaped control character
      } else {
        int cp = utf8(p);
        if (cp < 0) {
          return null;
        }
        p += cp >= 0x10000 ? 4 : cp >= 0x800 ? 3 : 2;
        if (cp >= 0x10000) {
          out[n++] = Character.highSurrogate(cp);
          out[n++] = Character.lowSurrogate(cp);
        } else {
          out[n++] = (char) cp;
        }
      }
    }
  }

  /** Four hex digits at p as a char value, or -1. */
  private int hex4(int p) {
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
  private int utf8(int p) {
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

  private static boolean cont(byte c) {
    return (c & 0xC0) == 0x80;
  }

  /** An id list at {@link #pos} (on its opening bracket): integers and nulls, or null. */
  private List<Long> longList() {
    int p = pos;
    if (b[p] != '[') {
      return null;
    }
    p = ws(p + 1);
    if (p < end && b[p] == ']') {
      pos = p + 1;
      return new ArrayList<>();
    }
    // the ids into a scratch array first, then into a list of the exact size
    int start = p;
    long[] ids = longs;
    int n = 0;
    while (true) {
      if (isNull(p)) {
        return listWithNulls(start); // rare: boxed as they come
      }
      pos = p;
      if (!integer()) {
        return null;
      }
      if (n == ids.length) {
        ids = longs = Arrays.copyOf(ids, n * 2);
      }
      ids[n++] = number;
      p = ws(pos);
      if (p >= end) {
        return null;
      }
      byte c = b[p];
      if (c == ']') {
        break;
      }
      if (c != ',') {
        return null;
      }
      p = ws(p + 1);
    }
    pos = p + 1;
    ArrayList<Long> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(ids[i]);
    }
    return list;
  }

  /**
   * Past an id list that trimming drops, validated as {@link #longList} validates it: an empty list
   * (dropped later) when valid, else null.
   */
  private List<Long> skipList() {
    int p = pos;
    if (b[p] != '[') {
      return null;
    }
    p = ws(p + 1);
    if (p >= end || b[p] != ']') {
      while (true) {
        if (isNull(p)) {
          p += 4;
        } else {
          pos = p;
          if (!integer()) {
            return null;
          }
          p = pos;
        }
        p = ws(p);
        if (p >= end) {
          return null;
        }
        byte c = b[p];
        if (c == ']') {
          break;
        }
        if (c != ',') {
          return null;
        }
        p = ws(p + 1);
      }
    }
    pos = p + 1;
    return List.of();
  }

  /** The id list whose first element is at p, with null elements, or null. */
  private List<Long> listWithNulls(int p) {
    ArrayList<Long> list = new ArrayList<>();
    while (true) {
      if (isNull(p)) {
        list.add(null);
        p += 4;
      } else {
        pos = p;
        if (!integer()) {
          return null;
        }
        list.add(number);
        p = pos;
      }
      p = ws(p);
      if (p >= end) {
        return null;
      }
      byte c = b[p];
      if (c == ']') {
        break;
      }
      if (c != ',') {
        return null;
      }
      p = ws(p + 1);
    }
    pos = p + 1;
    return list;
  }

  /**
   * Past the JSON value at p (not whitespace), validated as strictly as the parser would and more
   * (see the class comment), or -1.
   */
  private int skipValue(int p, int depth) {
    if (p >= end) {
      return -1;
    }
    byte c = b[p];
    switch (c) {
      case '"':
        return skipString(p + 1, true);
      case '{':
        {
          if (depth >= MAX_SKIP_DEPTH) {
            return -1;
          }
          p = ws(p + 1);
          if (p < end && b[p] == '}') {
            return p + 1;
          }
          while (true) {
            if (p >= end || b[p] != '"') {
              return -1;
            }
            int nameStart = p;
            // no escapes in names: the parser decodes them otherwise (a lone surrogate fails)
            p = skipString(p + 1, false);
            if (p < 0 || p - nameStart > MAX_SKIP_NAME) {
              return -1;
            }
            p = ws(p);
            if (p >= end || b[p] != ':') {
              return -1;
            }
            p = skipValue(ws(p + 1), depth + 1);
            if (p < 0) {
              return -1;
            }
            p = ws(p);
            if (p >= end) {
              return -1;
            }
            if (b[p] == '}') {
              return p + 1;
            }
            if (b[p] != ',') {
              return -1;
            }
            p = ws(p + 1);
          }
        }
      case '[':
        {
          if (depth >= MAX_SKIP_DEPTH) {
            return -1;
          }
          p = ws(p + 1);
          if (p < end && b[p] == ']') {
            return p + 1;
          }
          while (true) {
            p = skipValue(p, depth + 1);
            if (p < 0) {
              return -1;
            }
            p = ws(p);
            if (p >= end) {
              return -1;
            }
            if (b[p] == ']') {
              return p + 1;
            }
            if (b[p] != ',') {
              return -1;
            }
            p = ws(p + 1);
          }
        }
      case 't':
        return isWord(p, "true") ? p + 4 : -1;
      case 'f':
        return isWord(p, "false") ? p + 5 : -1;
      case 'n':
        return isNull(p) ? p + 4 : -1;
      default:
        return skipNumber(p);
    }
  }

  /** Past the closing quote of the string whose content starts at p, or -1. */
  private int skipString(int p, boolean escapes) {
    while (p + 8 <= end && plainAscii((long) LONGS.get(b, p))) {
      p += 8;
    }
    while (p < end) {
      int c = b[p];
      if (c == '"') {
        return p + 1;
      }
      if (c >= 0x20 && c != '\\') {
        p++;
      } else if (c == '\\') {
        if (!escapes || p + 1 >= end) {
          return -1;
        }
        switch (b[p + 1]) {
          case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> p += 2;
          case 'u' -> {
            if (hex4(p + 2) < 0) {
              return -1;
            }
            p += 6;
          }
          default -> {
            return -1;
          }
        }
      } else if (c >= 0) {
        return -1;
      } else {
        int cp = utf8(p);
        if (cp < 0) {
          return -1;
        }
        p += cp >= 0x10000 ? 4 : cp >= 0x800 ? 3 : 2;
      }
    }
    return -1;
  }

  /** Past the JSON number at p, or -1. */
  private int skipNumber(int p) {
    int start = p;
    if (p < end && b[p] == '-') {
      p++;
    }
    if (p >= end || b[p] < '0' || b[p] > '9') {
      return -1;
    }
    if (b[p] == '0') {
      p++;
      if (p < end && b[p] >= '0' && b[p] <= '9') {
        return -1;
      }
    } else {
      p = digits(p);
    }
    if (p < end && b[p] == '.') {
      int q = digits(p + 1);
      if (q == p + 1) {
        return -1;
      }
      p = q;
    }
    if (p < end && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      if (p < end && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      int q = digits(p);
      if (q == p) {
        return -1;
      }
      p = q;
    }
    return p - start > MAX_SKIP_NUMBER ? -1 : p;
  }

  private int digits(int p) {
    while (p < end && b[p] >= '0' && b[p] <= '9') {
      p++;
    }
    return p;
  }
}
