package io.gamedata.contracts.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Shared plumbing of the hand-written writers: generators made by {@link Json#mapper()} (so
 * escaping, number formatting and generator features are the mapper's) and the value forms its
 * serializers use with {@code NON_NULL} inclusion.
 */
final class JsonWriting {

  private JsonWriting() {}

  /** Writes one document into a byte array. */
  interface Body<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  /** As {@code ObjectMapper.writeValueAsBytes} does: a pooled buffer, the mapper's generator. */
  static <T> byte[] toBytes(T value, Body<T> body) {
    BufferRecycler recycler = Json.mapper().getFactory()._getBufferRecycler();
    try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator g = Json.mapper().createGenerator(out, JsonEncoding.UTF8)) {
        g.writeStartObject();
        body.write(g, value);
        g.writeEndObject();
      }
      byte[] bytes = out.toByteArray();
      out.release();
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      recycler.releaseToPool();
    }
  }

  static SerializableString name(String jsonName) {
    return new SerializedString(jsonName);
  }

  static void string(JsonGenerator g, SerializableString name, String v) throws IOException {
    if (v != null) {
      g.writeFieldName(name);
      g.writeString(v);
    }
  }

  static void number(JsonGenerator g, SerializableString name, Integer v) throws IOException {
    if (v != null) {
      g.writeFieldName(name);
      g.writeNumber(v.intValue());
    }
  }

  static void number(JsonGenerator g, SerializableString name, Long v) throws IOException {
    if (v != null) {
      g.writeFieldName(name);
      g.writeNumber(v.longValue());
    }
  }

  static void number(JsonGenerator g, SerializableString name, Double v) throws IOException {
    if (v != null) {
      g.writeFieldName(name);
      g.writeNumber(v.doubleValue());
    }
  }

  /**
   * As the JavaTimeModule writes an instant with WRITE_DATES_AS_TIMESTAMPS disabled: {@code
   * DateTimeFormatter.ISO_INSTANT}, e.g. {@code 2020-05-01T04:55:02Z}, {@code
   * 2020-05-01T04:55:02.120Z}, {@code 2020-05-01T04:55:02.000000500Z}.
   */
  static void instant(JsonGenerator g, SerializableString name, Instant v) throws IOException {
    if (v != null) {
      g.writeFieldName(name);
      char[] buf = new char[30];
      int len = isoInstant(v, buf);
      if (len > 0) {
        g.writeString(buf, 0, len);
      } else {
        g.writeString(v.toString());
      }
    }
  }

  /** Last second of 9999-12-31 UTC: the fast format covers 1970 to 9999 (four-digit years). */
  private static final long MAX_FAST_EPOCH_SECOND = 253_402_300_799L;

  /**
   * Formats {@code v} as {@code ISO_INSTANT} does into {@code buf} (at least 30 chars) and returns
   * the length, or 0 when the instant is outside 1970-9999 (then {@link Instant#toString()} does
   * it). Fractions come in groups of three digits, as few as the nanos need.
   */
  static int isoInstant(Instant v, char[] buf) {
    long seconds = v.getEpochSecond();
    if (seconds < 0 || seconds > MAX_FAST_EPOCH_SECOND) {
      return 0;
    }
    long days = seconds / 86_400;
    int secondOfDay = (int) (seconds - days * 86_400);
    // civil date from days since 1970-01-01 (H. Hinnant's algorithm, non-negative days)
    long z = days + 719_468;
    long era = z / 146_097;
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
    int p = 0;
    p = digits(buf, p, year, 4);
    buf[p++] = '-';
    p = digits(buf, p, month, 2);
    buf[p++] = '-';
    p = digits(buf, p, day, 2);
    buf[p++] = 'T';
    p = digits(buf, p, secondOfDay / 3600, 2);
    buf[p++] = ':';
    p = digits(buf, p, (secondOfDay / 60) % 60, 2);
    buf[p++] = ':';
    p = digits(buf, p, secondOfDay % 60, 2);
    int nanos = v.getNano();
    if (nanos > 0) {
      buf[p++] = '.';
      if (nanos % 1_000_000 == 0) {
        p = digits(buf, p, nanos / 1_000_000, 3);
      } else if (nanos % 1000 == 0) {
        p = digits(buf, p, nanos / 1000, 6);
      } else {
        p = digits(buf, p, nanos, 9);
      }
    }
    buf[p++] = 'Z';
    return p;
  }

  private static int digits(char[] buf, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      buf[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }

  static void strings(JsonGenerator g, SerializableString name, List<String> v) throws IOException {
    if (v != null) {
      g.writeFieldName(name);
      g.writeStartArray();
      for (int i = 0, n = v.size(); i < n; i++) {
        String s = v.get(i);
        if (s == null) {
          g.writeNull();
        } else {
          g.writeString(s);
        }
      }
      g.writeEndArray();
    }
  }

  static void longs(JsonGenerator g, SerializableString name, List<Long> v) throws IOException {
    if (v != null) {
      g.writeFieldName(name);
      g.writeStartArray();
      for (int i = 0, n = v.size(); i < n; i++) {
        Long l = v.get(i);
        if (l == null) {
          g.writeNull();
        } else {
          g.writeNumber(l.longValue());
        }
      }
      g.writeEndArray();
    }
  }
}
