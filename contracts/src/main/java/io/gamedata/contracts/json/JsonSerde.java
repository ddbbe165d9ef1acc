package io.gamedata.contracts.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One generic JSON serde for every contract record. A null value is a tombstone and maps to null
 * both ways; bytes that do not parse raise {@link SerializationException} with the type named, so
 * deserialization exception handlers can route them to the dead-letter topic.
 */
public final class JsonSerde<T> implements Serde<T> {

  private final Class<T> type;
  private final JavaType javaType;
  private final ObjectMapper mapper;

  public JsonSerde(Class<T> type) {
    this.type = type;
    this.mapper = Json.mapper();
    this.javaType = mapper.constructType(type);
  }

  public Class<T> type() {
    return type;
  }

  public byte[] toBytes(T value) {
    if (value == null) {
      return null;
    }
    try {
      return mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new SerializationException("Cannot serialize " + type.getSimpleName(), e);
    }
  }

  public T fromBytes(byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return mapper.readValue(data, javaType);
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
