package io.gamedata.simulator.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the Apicalypse subset IGDB documents: {@code fields}/{@code f}, {@code exclude}/{@code x},
 * {@code where}/{@code w}, {@code sort}/{@code s}, {@code limit}/{@code l}, {@code offset}/{@code
 * o}, {@code search}. Throws {@link QueryException} for what IGDB answers with a 400.
 */
public final class ApicalypseParser {

  private final String src;
  private int pos;

  private ApicalypseParser(String src) {
    this.src = src;
  }

  /** Parses a whole query body. */
  public static Query parse(String body) {
    return new ApicalypseParser(body == null ? "" : body).query();
  }

  // ------------------------------------------------------------------ statements
  private Query query() {
    List<String> fields = new ArrayList<>();
    Set<String> exclude = new LinkedHashSet<>();
    Condition where = Condition.ALL;
    String sortField = null;
    boolean asc = true;
    int limit = Query.DEFAULT_LIMIT;
    int offset = 0;
    String search = null;
    while (true) {
      skipSpace();
      if (pos >= src.length()) {
        break;
      }
      String keyword = word().toLowerCase(Locale.ROOT);
      switch (keyword) {
        case "fields", "f" -> fields.addAll(fieldList());
        case "exclude", "x" -> exclude.addAll(fieldList());
        case "where", "w" -> where = where == Condition.ALL ? orExpr() : and(where, orExpr());
        case "sort", "s" -> {
          sortField = fieldName();
          skipSpace();
          if (pos < src.length() && Character.isLetter(src.charAt(pos))) {
            String dir = word().toLowerCase(Locale.ROOT);
            if (!dir.equals("asc") && !dir.equals("desc")) {
              throw QueryException.syntax("sort direction must be asc or desc, not '" + dir + "'");
            }
            asc = dir.equals("asc");
          }
        }
        case "limit", "l" -> {
          limit = (int) integer("limit");
          if (limit < 1 || limit > Query.MAX_LIMIT) {
            throw new QueryException(
                "Syntax Error",
                "Limit must be between 1 and " + Query.MAX_LIMIT + ", got " + limit);
          }
        }
        case "offset", "o" -> {
          long o = integer("offset");
          if (o < 0 || o > Integer.MAX_VALUE) {
            throw QueryException.syntax("offset must be >= 0");
          }
          offset = (int) o;
        }
        case "search" -> {
          skipSpace();
          search = string();
        }
        case "" -> throw QueryException.syntax("unexpected '" + src.charAt(pos) + "' at " + pos);
        default -> throw QueryException.syntax("unknown statement '" + keyword + "'");
      }
      expect(';');
    }
    return new Query(
        List.copyOf(fields), Set.copyOf(exclude), where, sortField, asc, limit, offset, search);
  }

  private List<String> fieldList() {
    List<String> out = new ArrayList<>();
    do {
      out.add(fieldName());
      skipSpace();
    } while (consume(','));
    return out;
  }

  private String fieldName() {
    skipSpace();
    int start = pos;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '*') {
        pos++;
      } else {
        break;
      }
    }
    if (start == pos) {
      throw QueryException.syntax("expected a field name at " + start);
    }
    return src.substring(start, pos);
  }

  // ------------------------------------------------------------------ where
  private Condition orExpr() {
    Condition left = andExpr();
    while (consume('|')) {
      Condition a = left;
      Condition b = andExpr();
      left = or(a, b);
    }
    return left;
  }

  private Condition andExpr() {
    Condition left = unary();
    while (consume('&')) {
      left = and(left, unary());
    }
    return left;
  }

  private Condition unary() {
    skipSpace();
    if (peek('!') && pos + 1 < src.length() && src.charAt(pos + 1) == '(') {
      pos++;
      Condition inner = unary();
      return r -> !inner.test(r);
    }
    if (consume('(')) {
      Condition inner = orExpr();
      expect(')');
      return inner;
    }
    return comparison();
  }

  private static Condition and(Condition a, Condition b) {
    return new Condition() {
      @Override
      public boolean test(io.gamedata.contracts.igdb.IgdbRecord r) {
        return a.test(r) && b.test(r);
      }

      @Override
      public long idLowerBound() {
        return Math.max(a.idLowerBound(), b.idLowerBound());
      }

      @Override
      public long idUpperBound() {
        return Math.min(a.idUpperBound(), b.idUpperBound());
      }
    };
  }

  private static Condition or(Condition a, Condition b) {
    return new Condition() {
      @Override
      public boolean test(io.gamedata.contracts.igdb.IgdbRecord r) {
        return a.test(r) || b.test(r);
      }

      @Override
      public long idLowerBound() {
        return Math.min(a.idLowerBound(), b.idLowerBound());
      }

      @Override
      public long idUpperBound() {
        return Math.max(a.idUpperBound(), b.idUpperBound());
      }
    };
  }

  private Condition comparison() {
    String field = fieldName();
    skipSpace();
    String op;
    if (src.startsWith("!=", pos) || src.startsWith(">=", pos) || src.startsWith("<=", pos)) {
      op = src.substring(pos, pos + 2);
      pos += 2;
    } else if (pos < src.length() && "=<>~".indexOf(src.charAt(pos)) >= 0) {
      op = String.valueOf(src.charAt(pos));
      pos++;
    } else {
      throw QueryException.syntax("expected an operator after '" + field + "' at " + pos);
    }
    skipSpace();
    Value value = value();
    return Comparison.of(field, op, value);
  }

  /** A literal of a comparison. */
  record Value(Kind kind, List<Object> items, String pattern, boolean prefix, boolean suffix) {
    enum Kind {
      SCALAR,
      NULL,
      ANY,
      ALL,
      EXACT,
      NONE
    }

    Object single() {
      return items.get(0);
    }
  }

  private Value value() {
    skipSpace();
    if (peek('!') && pos + 1 < src.length() && src.charAt(pos + 1) == '(') {
      pos++;
      return new Value(Value.Kind.NONE, list('(', ')'), null, false, false);
    }
    if (peek('(')) {
      return new Value(Value.Kind.ANY, list('(', ')'), null, false, false);
    }
    if (peek('[')) {
      return new Value(Value.Kind.ALL, list('[', ']'), null, false, false);
    }
    if (peek('{')) {
      return new Value(Value.Kind.EXACT, list('{', '}'), null, false, false);
    }
    boolean suffixMatch = consume('*');
    skipSpace();
    if (peek('"')) {
      String s = string();
      boolean prefixMatch = pos < src.length() && src.charAt(pos) == '*';
      if (prefixMatch) {
        pos++;
      }
      return new Value(Value.Kind.SCALAR, List.of(s), s, prefixMatch, suffixMatch);
    }
    if (suffixMatch) {
      throw QueryException.syntax("expected a string after '*' at " + pos);
    }
    Object literal = literal();
    if (literal == null) {
      return new Value(Value.Kind.NULL, List.of(), null, false, false);
    }
    return new Value(Value.Kind.SCALAR, List.of(literal), null, false, false);
  }

  private List<Object> list(char open, char close) {
    expect(open);
    List<Object> out = new ArrayList<>();
    skipSpace();
    if (consume(close)) {
      return out;
    }
    do {
      skipSpace();
      out.add(peek('"') ? string() : literal());
      skipSpace();
    } while (consume(','));
    expect(close);
    return out;
  }

  private Object literal() {
    skipSpace();
    if (peek('"')) {
      return string();
    }
    int start = pos;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+' || c == '_') {
        pos++;
      } else {
        break;
      }
    }
    String w = src.substring(start, pos);
    switch (w.toLowerCase(Locale.ROOT)) {
      case "" -> throw QueryException.syntax("expected a value at " + start);
      case "null" -> {
        return null;
      }
      case "true" -> {
        return Boolean.TRUE;
      }
      case "false" -> {
        return Boolean.FALSE;
      }
      default -> {
        try {
          if (w.contains(".") || w.contains("e") || w.contains("E")) {
            return Double.parseDouble(w);
          }
          return Long.parseLong(w);
        } catch (NumberFormatException e) {
          throw QueryException.syntax("invalid value '" + w + "' at " + start);
        }
      }
    }
  }

  // ------------------------------------------------------------------ lexing
  private long integer(String what) {
    skipSpace();
    Object v = literal();
    if (!(v instanceof Long l)) {
      throw QueryException.syntax(what + " must be an integer");
    }
    return l;
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == '\\' && pos < src.length()) {
        sb.append(src.charAt(pos++));
      } else if (c == '"') {
        return sb.toString();
      } else {
        sb.append(c);
      }
    }
    throw QueryException.syntax("unterminated string");
  }

  private String word() {
    int start = pos;
    while (pos < src.length() && Character.isLetter(src.charAt(pos))) {
      pos++;
    }
    return src.substring(start, pos);
  }

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private boolean peek(char c) {
    skipSpace();
    return pos < src.length() && src.charAt(pos) == c;
  }

  private boolean consume(char c) {
    if (peek(c)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw QueryException.syntax(
          "expected '"
              + c
              + "' at "
              + pos
              + (pos < src.length() ? " but found '" + src.charAt(pos) + "'" : " (end of query)"));
    }
  }
}
