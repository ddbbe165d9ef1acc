package io.gamedata.simulator.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.igdb.IgdbRecord;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a field of a record by its JSON name, as a plain value: {@link Long} for integers, {@link
 * Double}, {@link String}, {@link Boolean}, {@link List} of those, or null when absent. Named
 * fields of the model are read through their accessor, other fields from {@link
 * IgdbRecord#other()}.
 */
public final class FieldAccess {

  private FieldAccess() {}

  private static final ClassValue<Map<String, MethodHandle>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
          Map<String, MethodHandle> out = new HashMap<>();
          if (!type.isRecord()) {
            return out;
          }
          MethodHandles.Lookup lookup = MethodHandles.publicLookup();
          for (RecordComponent rc : type.getRecordComponents()) {
            try {
              JsonProperty p =
                  type.getDeclaredField(rc.getName()).getAnnotation(JsonProperty.class);
              if (p == null) {
                continue;
              }
              out.put(p.value(), lookup.unreflect(rc.getAccessor()));
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException(e);
            }
          }
          return out;
        }
      };

  /** The value of {@code field} in {@code record}, null when absent. */
  public static Object get(IgdbRecord record, String field) {
    if ("id".equals(field)) {
      return record.id();
    }
    MethodHandle h = ACCESSORS.get(record.getClass()).get(field);
    if (h != null) {
      try {
        return normalize(h.invoke(record));
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read " + field, e);
      }
    }
    JsonNode node = record.other().get(field);
    return node == null ? null : fromJson(node);
  }

  private static Object normalize(Object v) {
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Integer) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(x -> out.add(normalize(x)));
      return out;
    }
    return v;
  }

  static Object fromJson(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isIntegralNumber()) {
      return n.asLong();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>(n.size());
      n.forEach(x -> out.add(fromJson(x)));
      return out;
    }
    return n;
  }
}
