package io.gamedata.contracts.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One generic JSON serde for every contract record. A null value is a tombstone and maps to null
 * both ways; bytes that do not parse raise {@link SerializationException} with the type named, so
 * deserialization exception handlers can route them to the dead-letter topic.
 *
 * <p>By default values go through {@link Json#mapper()} databind; a hot contract may plug in a
 * hand-written {@link Writer} or {@link Reader} that produces the same bytes / the same values and
 * exceptions (see {@link #withCodecs}).
 */
public final class JsonSerde<T> implements Serde<T> {

  /** Writes one non-null value as UTF-8 JSON. */
  @FunctionalInterface
  public interface Writer<T> {
    byte[] write(T value) throws IOException;
  }

  /** Reads one value from non-null UTF-8 JSON, failing as databind does. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(byte[] data) throws IOException;
  }

  private final Class<T> type;
  private final Writer<T> writer;
  private final Reader<T> reader;

  /** A serde that writes and reads with databind. */
  public JsonSerde(Class<T> type) {
    this(type, null, null);
  }

  private JsonSerde(Class<T> type, Writer<T> writer, Reader<T> reader) {
    this.type = type;
    ObjectMapper mapper = Json.mapper();
    JavaType javaType = mapper.constructType(type);
    this.writer = writer != null ? writer : mapper::writeValueAsBytes;
    this.reader = reader != null ? reader : data -> mapper.readValue(data, javaType);
  }

  /**
   * A serde with hand-written codecs; a null writer or reader means databind for that direction.
   */
  public static <T> JsonSerde<T> withCodecs(Class<T> type, Writer<T> writer, Reader<T> reader) {
    return new JsonSerde<>(type, writer, reader);
  }

  public Class<T> type() {
    return type;
  }

  public byte[] toBytes(T value) {
    if (value == null) {
      return null;
    }
    try {
      return writer.write(value);
    } catch (IOException e) {
      throw new SerializationException("Cannot serialize " + type.getSimpleName(), e);
    } catch (UncheckedIOException e) {
      throw new SerializationException("Cannot serialize " + type.getSimpleName(), e.getCause());
    }
  }

  public T fromBytes(byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return reader.read(data);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new SerializationException(
          "Cannot deserialize " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new SerializationException("Cannot deserialize " + type.getSimpleName(), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, data) -> toBytes(data);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> fromBytes(data);
  }
}
