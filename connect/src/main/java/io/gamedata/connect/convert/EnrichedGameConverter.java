package io.gamedata.connect.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamedata.connect.schema.Column;
import io.gamedata.connect.schema.GameColumns;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Turns the schemaless enriched JSON (bytes, a String, or the Map of a schemaless {@code
 * JsonConverter}) into a {@link GameSchemas#VALUE} Struct, checking every field against the v1
 * column list. Anything else fails with a {@link DataException} naming the field, so Connect's
 * {@code errors.tolerance} can route the record to the dead-letter queue.
 */
public final class EnrichedGameConverter {

  private static final ObjectMapper MAPPER = Json.mapper();

  private EnrichedGameConverter() {}

  /** The document Struct of a non-null value; {@code expectedId} (from the key) may be null. */
  public static Struct toStruct(Object value, Long expectedId) {
    if (value instanceof Struct s) {
      if (!s.schema().equals(GameSchemas.VALUE)) {
        throw new DataException(
            "unexpected value schema "
                + s.schema().name()
                + "; expected "
                + GameSchemas.VALUE_SCHEMA_NAME);
      }
      checkId(s.getInt64(GameColumns.ID), expectedId);
      return s;
    }
    JsonNode root = parse(value);
    if (!root.isObject()) {
      throw new DataException(
          "enriched game value must be a JSON object, got " + root.getNodeType());
    }
    JsonNode version = root.get("schema_version");
    if (version == null || version.isNull()) {
      throw new DataException("missing required field: schema_version");
    }
    if (!version.isIntegralNumber() || version.asLong() != EnrichedGame.SCHEMA_VERSION) {
      throw new DataException(
          "unsupported schema_version "
              + version
              + " (this transform reads EnrichedGame v"
              + EnrichedGame.SCHEMA_VERSION
              + ")");
    }
    Struct struct = new Struct(GameSchemas.VALUE);
    for (Column c : GameColumns.DOCUMENT) {
      struct.put(c.name(), field(c, root.get(c.name())));
    }
    checkId(struct.getInt64(GameColumns.ID), expectedId);
    try {
      struct.validate();
    } catch (DataException e) {
      throw new DataException("invalid enriched game: " + e.getMessage(), e);
    }
    return struct;
  }

  /** The game id of a Kafka key: a Long (LongConverter), 8 bytes (LongSerde), or a key Struct. */
  public static Long keyId(Object key) {
    if (key == null) {
      return null;
    }
    if (key instanceof Long l) {
      return l;
    }
    if (key instanceof Integer i) {
      return i.longValue();
    }
    if (key instanceof byte[] b) {
      if (b.length != Long.BYTES) {
        throw new DataException(
            "key must be an 8-byte long (LongSerde), got " + b.length + " bytes");
      }
      return ByteBuffer.wrap(b).getLong();
    }
    if (key instanceof Struct s && s.schema().field(GameColumns.ID) != null) {
      return s.getInt64(GameColumns.ID);
    }
    throw new DataException(
        "unsupported key type " + key.getClass().getName() + "; expected a long id");
  }

  /** The key Struct of an id. */
  public static Struct keyStruct(long id) {
    return new Struct(GameSchemas.KEY).put(GameColumns.ID, id);
  }

  private static void checkId(long id, Long expectedId) {
    if (expectedId != null && expectedId != id) {
      throw new DataException("value id " + id + " does not match key id " + expectedId);
    }
  }

  private static JsonNode parse(Object value) {
    try {
      if (value instanceof byte[] b) {
        return MAPPER.readTree(b);
      }
      if (value instanceof String s) {
        return MAPPER.readTree(s.getBytes(StandardCharsets.UTF_8));
      }
      if (value instanceof Map<?, ?> m) {
        return MAPPER.valueToTree(m);
      }
    } catch (JsonProcessingException e) {
      throw new DataException("value is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DataException("value is not valid JSON: " + e.getMessage(), e);
    }
    throw new DataException(
        "unsupported value type "
            + value.getClass().getName()
            + "; use ByteArrayConverter, StringConverter or schemaless JsonConverter");
  }

  private static Object field(Column c, JsonNode node) {
    boolean absent = node == null || node.isNull();
    if (c.mode() == Column.Mode.REPEATED) {
      if (absent) {
        return List.of();
      }
      if (!node.isArray()) {
        throw new DataException(
            "field " + c.name() + ": expected an array, got " + node.getNodeType());
      }
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode e : node) {
        if (e.isNull()) {
          throw new DataException("field " + c.name() + ": null element");
        }
        list.add(scalar(c, e));
      }
      return list;
    }
    if (absent) {
      if (c.mode() == Column.Mode.REQUIRED) {
        throw new DataException("missing required field: " + c.name());
      }
      return null;
    }
    return scalar(c, node);
  }

  private static Object scalar(Column c, JsonNode n) {
    switch (c.type()) {
      case STRING:
        if (n.isTextual()) {
          return n.textValue();
        }
        break;
      case INT64:
        if (n.isIntegralNumber() && n.canConvertToLong()) {
          return n.longValue();
        }
        break;
      case FLOAT64:
        if (n.isNumber()) {
          return n.doubleValue();
        }
        break;
      case TIMESTAMP:
        if (n.isTextual()) {
          return Date.from(parseInstant(c, n.textValue()));
        }
        break;
      default:
        break;
    }
    throw new DataException(
        "field "
            + c.name()
            + ": expected "
            + c.type()
            + ", got "
            + n.getNodeType()
            + " "
            + abbreviate(n));
  }

  private static Instant parseInstant(Column c, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new DataException(
          "field " + c.name() + ": not an ISO-8601 instant: " + abbreviate(text), e);
    }
  }

  private static String abbreviate(Object o) {
    String s = String.valueOf(o);
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
