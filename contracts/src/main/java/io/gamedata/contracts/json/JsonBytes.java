package io.gamedata.contracts.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A growable byte buffer that writes one flat JSON object exactly as {@link Json#mapper()}'s UTF-8
 * generator does (checked at class initialisation against the mapper's generator features): strings
 * with the short escapes {@code \" \\ \b \f \n \r \t}, other control characters as a six-char
 * backslash-u escape (upper-case hex), every UTF-16 surrogate (paired or lone) as a backslash-u
 * escape too (not combined into a 4-byte sequence), everything else as raw UTF-8 (DEL,
 * U+2028/U+2029 and '/' included); numbers as {@link NumberOutput} writes them, NaN and infinities
 * as quoted strings.
 *
 * <p>One instance per thread, reused: {@link #start()} then members then {@link #finish()}.
 */
final class JsonBytes {

  /** Largest buffer kept for the next document of the thread; larger ones are dropped. */
  private static final int MAX_RETAINED = 1 << 16;

  private static final ThreadLocal<JsonBytes> LOCAL = ThreadLocal.withInitial(JsonBytes::new);

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /** Byte classes of the escaping path: copied, backslash-u escape, to be looked at. */
  private static final byte PLAIN = 0;

  private static final byte GENERIC = 1;
  private static final byte SUSPECT = 2;

  /**
   * Per byte: 0 plain, 1 generic escape, 2 suspect ('?' or a 4-byte UTF-8 lead), else the short
   * escape letter.
   */
  private static final byte[] CLASS = new byte[256];

  /** Per byte: true when the fast path must not copy it as is. */
  private static final boolean[] SPECIAL = new boolean[256];

  /** Per ASCII char: true when Jackson escapes it. */
  private static final boolean[] ESCAPED = new boolean[128];

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  /**
   * Strings up to this length are written char by char; longer ones go through {@code
   * getBytes(UTF_8)} (intrinsic for Latin-1) and a scan of 8 bytes at a time, copied when nothing
   * needs escaping. Measured on the synthetic and the real samples: about the same for short
   * strings, the scan faster for summaries.
   */
  private static final int SHORT = 64;

  private static final boolean FAST_DOUBLE;
  private static final boolean QUOTE_NON_NUMERIC;

  static {
    for (int c = 0; c < 0x20; c++) {
      CLASS[c] = GENERIC;
    }
    CLASS['"'] = '"';
    CLASS['\\'] = '\\';
    CLASS['\b'] = 'b';
    CLASS['\f'] = 'f';
    CLASS['\n'] = 'n';
    CLASS['\r'] = 'r';
    CLASS['\t'] = 't';
    CLASS['?'] = SUSPECT;
    for (int c = 0xF0; c < 0x100; c++) {
      CLASS[c] = SUSPECT;
    }
    for (int c = 0; c < 256; c++) {
      SPECIAL[c] = CLASS[c] != PLAIN;
    }
    for (int c = 0; c < 128; c++) {
      ESCAPED[c] = CLASS[c] != PLAIN && CLASS[c] != SUSPECT;
    }
    try (JsonGenerator g = Json.mapper().createGenerator(new ByteArrayOutputStream())) {
      FAST_DOUBLE = g.isEnabled(JsonGenerator.Feature.USE_FAST_DOUBLE_WRITER);
      QUOTE_NON_NUMERIC = g.isEnabled(JsonGenerator.Feature.QUOTE_NON_NUMERIC_NUMBERS);
      boolean same =
          g.isEnabled(JsonGenerator.Feature.WRITE_HEX_UPPER_CASE)
              && !g.isEnabled(JsonGenerator.Feature.ESCAPE_NON_ASCII)
              && !g.isEnabled(JsonGenerator.Feature.WRITE_NUMBERS_AS_STRINGS)
              && !g.isEnabled(JsonGenerator.Feature.ESCAPE_FORWARD_SLASHES)
              && !g.isEnabled(JsonGenerator.Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
              && g.isEnabled(JsonGenerator.Feature.QUOTE_FIELD_NAMES)
              && g.getCharacterEscapes() == null
              && g.getHighestEscapedChar() == 0
              && g.getPrettyPrinter() == null
              && !Json.mapper().isEnabled(SerializationFeature.INDENT_OUTPUT);
      if (!same) {
        throw new IllegalStateException(
            "Json.mapper() writes JSON differently from what JsonBytes reproduces (escaping, number"
                + " or pretty-printing features changed): update JsonBytes");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] buf = new byte[2048];
  private int pos;

  private JsonBytes() {}

  /** The thread's buffer, emptied, with the opening brace written. */
  static JsonBytes start() {
    JsonBytes out = LOCAL.get();
    out.buf[0] = '{';
    out.pos = 1;
    return out;
  }

  /** Closes the object and returns a copy of the bytes. */
  byte[] finish() {
    ensure(1);
    buf[pos++] = '}';
    byte[] bytes = Arrays.copyOf(buf, pos);
    if (buf.length > MAX_RETAINED) {
      buf = new byte[2048];
    }
    return bytes;
  }

  /**
   * A member name pre-encoded as {@code ,"name":} for {@link #name(byte[])}, which leaves the comma
   * out for the first member.
   */
  static byte[] name(String jsonName) {
    return (",\"" + jsonName + "\":").getBytes(StandardCharsets.UTF_8);
  }

  /** A string value with its quotes, for strings known in advance. */
  static byte[] quoted(String value) {
    JsonBytes tmp = new JsonBytes();
    tmp.pos = 0;
    tmp.string(value);
    return Arrays.copyOf(tmp.buf, tmp.pos);
  }

  private void ensure(int extra) {
    if (pos + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
    }
  }

  void name(byte[] commaName) {
    int n = commaName.length;
    ensure(n);
    if (buf[pos - 1] == '{') {
      System.arraycopy(commaName, 1, buf, pos, n - 1);
      pos += n - 1;
    } else {
      System.arraycopy(commaName, 0, buf, pos, n);
      pos += n;
    }
  }

  void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
  }

  void string(byte[] name, String v) {
    if (v != null) {
      name(name);
      string(v);
    }
  }

  void number(byte[] name, Integer v) {
    if (v != null) {
      name(name);
      number(v.intValue());
    }
  }

  void number(byte[] name, Long v) {
    if (v != null) {
      name(name);
      number(v.longValue());
    }
  }

  void number(byte[] name, Double v) {
    if (v != null) {
      name(name);
      number(v.doubleValue());
    }
  }

  void instant(byte[] name, Instant v) {
    if (v != null) {
      name(name);
      instant(v);
    }
  }

  void strings(byte[] name, List<String> v) {
    if (v != null) {
      name(name);
      ensure(1);
      buf[pos++] = '[';
      for (int i = 0, n = v.size(); i < n; i++) {
        if (i > 0) {
          ensure(1);
          buf[pos++] = ',';
        }
        String s = v.get(i);
        if (s == null) {
          raw(NULL);
        } else {
          string(s);
        }
      }
      ensure(1);
      buf[pos++] = ']';
    }
  }

  void longs(byte[] name, List<Long> v) {
    if (v != null) {
      name(name);
      ensure(1);
      buf[pos++] = '[';
      for (int i = 0, n = v.size(); i < n; i++) {
        if (i > 0) {
          ensure(1);
          buf[pos++] = ',';
        }
        Long l = v.get(i);
        if (l == null) {
          raw(NULL);
        } else {
          number(l.longValue());
        }
      }
      ensure(1);
      buf[pos++] = ']';
    }
  }

  void number(int v) {
    ensure(11);
    pos = NumberOutput.outputInt(v, buf, pos);
  }

  void number(long v) {
    ensure(20);
    pos = NumberOutput.outputLong(v, buf, pos);
  }

  void number(double v) {
    String s = NumberOutput.toString(v, FAST_DOUBLE);
    if (QUOTE_NON_NUMERIC && NumberOutput.notFinite(v)) {
      string(s);
      return;
    }
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[pos + i] = (byte) s.charAt(i);
    }
    pos += n;
  }

  void instant(Instant v) {
    ensure(32);
    buf[pos] = '"';
    int end = JsonWriting.isoInstant(v, buf, pos + 1);
    if (end > 0) {
      pos = end;
      buf[pos++] = '"';
    } else {
      string(v.toString());
    }
  }

  /** A string value: the bytes Jackson's UTF-8 generator writes for {@code writeString(s)}. */
  void string(String s) {
    int len = s.length();
    if (len > SHORT) {
      utf8(s);
      return;
    }
    ensure(len + 2);
    byte[] out = buf;
    int p = pos;
    out[p++] = '"';
    int i = 0;
    for (; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || ESCAPED[c]) {
        break;
      }
      out[p + i] = (byte) c;
    }
    p += i;
    if (i < len) {
      pos = p;
      chars(s, i);
      ensure(1);
      out = buf;
      p = pos;
    }
    out[p++] = '"';
    pos = p;
  }

  private void utf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int n = b.length;
    ensure(n + 2);
    byte[] out = buf;
    out[pos++] = '"';
    if (needsCare(b)) {
      escaped(s, b);
    } else {
      System.arraycopy(b, 0, out, pos, n);
      pos += n;
    }
    out = buf;
    out[pos++] = '"';
  }

  /**
   * Whether the UTF-8 bytes hold a byte below 0x20, '"', '\\', '?' (a lone surrogate becomes '?' in
   * {@code getBytes}) or a 4-byte sequence lead (a surrogate pair, which Jackson escapes).
   */
  private static boolean needsCare(byte[] b) {
    int n = b.length;
    int i = 0;
    long acc = 0;
    for (; i + 8 <= n; i += 8) {
      acc |= special((long) LONGS.get(b, i));
    }
    if (acc != 0) {
      return true;
    }
    for (; i < n; i++) {
      if (SPECIAL[b[i] & 0xFF]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The high bit of each of the 8 bytes of {@code x} (little-endian) set when it may be special
   * (see {@link #needsCare}): zero when none is; otherwise the lowest set bit marks the first
   * special byte (borrows can only add false marks above a true one).
   */
  private static long special(long x) {
    long q = x ^ 0x2222222222222222L; // '"'
    long s = x ^ 0x5C5C5C5C5C5C5C5CL; // '\\'
    long m = x ^ 0x3F3F3F3F3F3F3F3FL; // '?'
    return (((x - 0x2020202020202020L) & ~x) // bytes below 0x20
            | ((q - ONES) & ~q)
            | ((s - ONES) & ~s)
            | ((m - ONES) & ~m)
            | (x & (x << 1) & (x << 2) & (x << 3))) // bytes 0xF0 and above
        & HIGHS;
  }

  /** Escapes the UTF-8 bytes, or the chars when the string holds a surrogate. */
  private void escaped(String s, byte[] b) {
    int start = pos;
    int n = b.length;
    ensure(6 * n + 1);
    byte[] out = buf;
    int p = pos;
    boolean looked = false;
    int run = 0;
    int i = 0;
    while (i < n) {
      if (i + 8 <= n) {
        long mask = special((long) LONGS.get(b, i));
        if (mask == 0) {
          i += 8;
          continue;
        }
        i += Long.numberOfTrailingZeros(mask) >>> 3;
      }
      byte cls = CLASS[b[i] & 0xFF];
      if (cls == PLAIN) {
        i++;
        continue;
      }
      if (cls == SUSPECT) {
        if (!looked) {
          looked = true;
          if (hasSurrogate(s)) {
            pos = start;
            chars(s, 0);
            return;
          }
        }
        i++;
        continue;
      }
      System.arraycopy(b, run, out, p, i - run);
      p += i - run;
      run = i + 1;
      out[p++] = '\\';
      if (cls == GENERIC) {
        out[p++] = 'u';
        out[p++] = '0';
        out[p++] = '0';
        out[p++] = HEX[b[i] >> 4];
        out[p++] = HEX[b[i] & 0xF];
      } else {
        out[p++] = cls;
      }
      i++;
    }
    System.arraycopy(b, run, out, p, n - run);
    pos = p + n - run;
  }

  private static boolean hasSurrogate(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Char by char, as {@code UTF8JsonGenerator._writeStringSegment2} does with default features. */
  private void chars(String s, int from) {
    int n = s.length();
    ensure(6 * (n - from) + 1);
    byte[] out = buf;
    int p = pos;
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        byte cls = CLASS[c];
        if (cls == PLAIN || cls == SUSPECT) {
          out[p++] = (byte) c;
        } else if (cls == GENERIC) {
          out[p++] = '\\';
          out[p++] = 'u';
          out[p++] = '0';
          out[p++] = '0';
          out[p++] = HEX[c >> 4];
          out[p++] = HEX[c & 0xF];
        } else {
          out[p++] = '\\';
          out[p++] = cls;
        }
      } else if (c < 0x800) {
        out[p++] = (byte) (0xC0 | (c >> 6));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        out[p++] = '\\';
        out[p++] = 'u';
        out[p++] = HEX[c >> 12];
        out[p++] = HEX[(c >> 8) & 0xF];
        out[p++] = HEX[(c >> 4) & 0xF];
        out[p++] = HEX[c & 0xF];
      } else {
        out[p++] = (byte) (0xE0 | (c >> 12));
        out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    pos = p;
  }
}
