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

  /** As the JavaTimeModule writes an instant with WRITE_DATES_AS_TIMESTAMPS disabled. */
  static void instant(JsonGenerator g, SerializableString name, Instant v) throws IOException {
    if (v != null) {
      g.writeFieldName(name);
      g.writeString(v.toString());
    }
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
