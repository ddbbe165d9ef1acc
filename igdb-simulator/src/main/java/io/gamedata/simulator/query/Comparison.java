package io.gamedata.simulator.query;

import io.gamedata.contracts.igdb.IgdbRecord;
import java.util.List;
import java.util.Locale;

/** One {@code field op value} test, with IGDB's semantics for array fields. */
final class Comparison implements Condition {

  private final String field;
  private final String op;
  private final ApicalypseParser.Value value;

  private Comparison(String field, String op, ApicalypseParser.Value value) {
    this.field = field;
    this.op = op;
    this.value = value;
  }

  static Condition of(String field, String op, ApicalypseParser.Value value) {
    if (field.contains(".")) {
      throw new QueryException(
          "Syntax Error", "filtering on expanded fields is not supported here: " + field);
    }
    ApicalypseParser.Value.Kind k = value.kind();
    boolean ordered = op.startsWith("<") || op.startsWith(">");
    if (ordered && k != ApicalypseParser.Value.Kind.SCALAR) {
      throw QueryException.syntax("operator " + op + " needs a single value for " + field);
    }
    if (op.equals("~") && value.pattern() == null && k == ApicalypseParser.Value.Kind.SCALAR) {
      throw QueryException.syntax("operator ~ needs a string for " + field);
    }
    return new Comparison(field, op, value);
  }

  @Override
  public boolean test(IgdbRecord record) {
    Object actual = FieldAccess.get(record, field);
    return switch (op) {
      case "=" -> matches(actual, false);
      case "~" -> matches(actual, true);
      case "!=" -> !matches(actual, false);
      default -> ordered(actual);
    };
  }

  @Override
  public long idLowerBound() {
    if (!field.equals("id") || !(value.kind() == ApicalypseParser.Value.Kind.SCALAR)) {
      return Long.MIN_VALUE;
    }
    if (!(value.single() instanceof Long v)) {
      return Long.MIN_VALUE;
    }
    return switch (op) {
      case ">" -> v;
      case ">=", "=" -> v - 1;
      default -> Long.MIN_VALUE;
    };
  }

  @Override
  public long idUpperBound() {
    if (!field.equals("id") || !(value.kind() == ApicalypseParser.Value.Kind.SCALAR)) {
      return Long.MAX_VALUE;
    }
    if (!(value.single() instanceof Long v)) {
      return Long.MAX_VALUE;
    }
    return switch (op) {
      case "<" -> v - 1;
      case "<=", "=" -> v;
      default -> Long.MAX_VALUE;
    };
  }

  private boolean matches(Object actual, boolean ignoreCase) {
    List<?> values = actual instanceof List<?> l ? l : null;
    switch (value.kind()) {
      case NULL:
        return actual == null || (values != null && values.isEmpty());
      case SCALAR:
        if (values != null) {
          for (Object a : values) {
            if (scalarEquals(a, ignoreCase)) {
              return true;
            }
          }
          return false;
        }
        return scalarEquals(actual, ignoreCase);
      case ANY:
        for (Object v : value.items()) {
          if (contains(actual, v, ignoreCase)) {
            return true;
          }
        }
        return false;
      case NONE:
        for (Object v : value.items()) {
          if (contains(actual, v, ignoreCase)) {
            return false;
          }
        }
        return true;
      case ALL:
        for (Object v : value.items()) {
          if (!contains(actual, v, ignoreCase)) {
            return false;
          }
        }
        return !value.items().isEmpty();
      case EXACT:
        if (values == null) {
          return value.items().size() == 1 && contains(actual, value.single(), ignoreCase);
        }
        for (Object v : value.items()) {
          if (!contains(actual, v, ignoreCase)) {
            return false;
          }
        }
        for (Object a : values) {
          boolean found = false;
          for (Object v : value.items()) {
            found |= equal(a, v, ignoreCase);
          }
          if (!found) {
            return false;
          }
        }
        return true;
      default:
        return false;
    }
  }

  private static boolean contains(Object actual, Object v, boolean ignoreCase) {
    if (actual instanceof List<?> l) {
      for (Object a : l) {
        if (equal(a, v, ignoreCase)) {
          return true;
        }
      }
      return false;
    }
    return equal(actual, v, ignoreCase);
  }

  private boolean scalarEquals(Object actual, boolean ignoreCase) {
    if (value.pattern() != null && (value.prefix() || value.suffix())) {
      if (!(actual instanceof String s)) {
        return false;
      }
      String p = value.pattern();
      if (ignoreCase) {
        s = s.toLowerCase(Locale.ROOT);
        p = p.toLowerCase(Locale.ROOT);
      }
      if (value.prefix() && value.suffix()) {
        return s.contains(p);
      }
      return value.prefix() ? s.startsWith(p) : s.endsWith(p);
    }
    return equal(actual, value.single(), ignoreCase);
  }

  static boolean equal(Object a, Object b, boolean ignoreCase) {
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Number x && b instanceof Number y) {
      if (x instanceof Long && y instanceof Long) {
        return x.longValue() == y.longValue();
      }
      return x.doubleValue() == y.doubleValue();
    }
    if (a instanceof String x && b instanceof String y) {
      return ignoreCase ? x.equalsIgnoreCase(y) : x.equals(y);
    }
    if (a instanceof Boolean && b instanceof Number n) {
      return ((Boolean) a) == (n.longValue() != 0);
    }
    return a.equals(b);
  }

  private boolean ordered(Object actual) {
    if (actual instanceof List<?> l) {
      for (Object a : l) {
        if (orderedOne(a)) {
          return true;
        }
      }
      return false;
    }
    return orderedOne(actual);
  }

  private boolean orderedOne(Object actual) {
    Object v = value.single();
    if (actual == null) {
      return false;
    }
    int c;
    if (actual instanceof Number x && v instanceof Number y) {
      c =
          (x instanceof Long && y instanceof Long)
              ? Long.compare(x.longValue(), y.longValue())
              : Double.compare(x.doubleValue(), y.doubleValue());
    } else if (actual instanceof String x && v instanceof String y) {
      c = x.compareTo(y);
    } else {
      return false;
    }
    return switch (op) {
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      case "<" -> c < 0;
      default -> c <= 0;
    };
  }
}
