package io.gamedata.contracts.json;

import static io.gamedata.contracts.json.GameFieldTable.COUNT;
import static io.gamedata.contracts.json.GameFieldTable.DOUBLE;
import static io.gamedata.contracts.json.GameFieldTable.ID;
import static io.gamedata.contracts.json.GameFieldTable.INT;
import static io.gamedata.contracts.json.GameFieldTable.KINDS;
import static io.gamedata.contracts.json.GameFieldTable.LONG;
import static io.gamedata.contracts.json.GameFieldTable.LONG_LIST;
import static io.gamedata.contracts.json.GameFieldTable.OTHER;
import static io.gamedata.contracts.json.GameFieldTable.STRING;
import static io.gamedata.contracts.json.JsonByteRules.LONGS;
import static io.gamedata.contracts.json.JsonByteRules.ONES;
import static io.gamedata.contracts.json.JsonByteRules.hex4;
import static io.gamedata.contracts.json.JsonByteRules.isNull;
import static io.gamedata.contracts.json.JsonByteRules.plainAscii;
import static io.gamedata.contracts.json.JsonByteRules.utf8;
import static io.gamedata.contracts.json.JsonByteRules.utf8Length;
import static io.gamedata.contracts.json.JsonByteRules.ws;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.NumberInput;
import io.gamedata.contracts.igdb.IgdbGame;
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
 *
 * <p>The field names are looked up in {@link GameFieldTable}, the shared byte rules are {@link
 * JsonByteRules}, and the values of dropped fields are stepped past by {@link JsonSkip}; this class
 * reads the game object, its numbers, strings and id lists.
 */
final class IgdbGameScanner {

  /** Inputs longer than this go the long way (a string that long fails in the parser). */
  private static final int MAX_LENGTH =
      Json.mapper().getFactory().streamReadConstraints().getMaxStringLength();

  private static final boolean FAST_DOUBLE_PARSER =
      Json.mapper().getFactory().isEnabled(StreamReadFeature.USE_FAST_DOUBLE_PARSER);

  /** Exact powers of ten (up to 10^22 every one is a double). */
  private static final double[] POW10 = new double[23];

  static {
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
    int p = ws(b, 0, end);
    if (p >= end || b[p] != '{') {
      return null;
    }
    p = ws(b, p + 1, end);
    Object[] v = new Object[COUNT];
    long seen = 0;
    while (true) {
      if (p >= end || b[p] != '"') {
        return null; // also an empty object: no id
      }
      // the name: ASCII without escapes or control characters
      int start = ++p;
      int len = GameFieldTable.nameLength(b, start, end);
      if (len < 0) {
        return null;
      }
      p = start + len;
      int index = GameFieldTable.lookup(b, start, len, end);
      p = ws(b, p + 1, end);
      if (p >= end || b[p] != ':') {
        return null;
      }
      p = ws(b, p + 1, end);
      if (p >= end) {
        return null;
      }
      if (index < 0) {
        if (index == OTHER || keepOther || p - start > JsonSkip.MAX_NAME) {
          return null;
        }
        p = JsonSkip.value(b, p, end, 1);
        if (p < 0) {
          return null;
        }
      } else {
        long bit = 1L << index;
        if ((seen & bit) != 0) {
          return null;
        }
        seen |= bit;
        boolean isNull = isNull(b, p, end);
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
      p = ws(b, p, end);
      if (p >= end) {
        return null;
      }
      byte c = b[p];
      if (c == ',') {
        p = ws(b, p + 1, end);
      } else if (c == '}') {
        break;
      } else {
        return null;
      }
    }
    if ((seen & 1L) == 0 || ws(b, p + 1, end) != end) {
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
    if (p - start > JsonSkip.MAX_NUMBER) {
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
            int u = hex4(b, p, end);
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
        int cp = utf8(b, p, end);
        if (cp < 0) {
          return null;
        }
        p += utf8Length(cp);
        if (cp >= 0x10000) {
          out[n++] = Character.highSurrogate(cp);
          out[n++] = Character.lowSurrogate(cp);
        } else {
          out[n++] = (char) cp;
        }
      }
    }
  }

  /** An id list at {@link #pos} (on its opening bracket): integers and nulls, or null. */
  private List<Long> longList() {
    int p = pos;
    if (b[p] != '[') {
      return null;
    }
    p = ws(b, p + 1, end);
    if (p < end && b[p] == ']') {
      pos = p + 1;
      return new ArrayList<>();
    }
    // the ids into a scratch array first, then into a list of the exact size
    int start = p;
    long[] ids = longs;
    int n = 0;
    while (true) {
      if (isNull(b, p, end)) {
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
      p = ws(b, pos, end);
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
      p = ws(b, p + 1, end);
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
    p = ws(b, p + 1, end);
    if (p >= end || b[p] != ']') {
      while (true) {
        if (isNull(b, p, end)) {
          p += 4;
        } else {
          pos = p;
          if (!integer()) {
            return null;
          }
          p = pos;
        }
        p = ws(b, p, end);
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
        p = ws(b, p + 1, end);
      }
    }
    pos = p + 1;
    return List.of();
  }

  /** The id list whose first element is at p, with null elements, or null. */
  private List<Long> listWithNulls(int p) {
    ArrayList<Long> list = new ArrayList<>();
    while (true) {
      if (isNull(b, p, end)) {
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
      p = ws(b, p, end);
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
      p = ws(b, p + 1, end);
    }
    pos = p + 1;
    return list;
  }
}
