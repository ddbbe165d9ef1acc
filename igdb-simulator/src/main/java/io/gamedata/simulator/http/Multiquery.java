package io.gamedata.simulator.http;

import io.gamedata.simulator.query.QueryException;
import java.util.ArrayList;
import java.util.List;

/** Splits a {@code /v4/multiquery} body into its named sub-queries. */
final class Multiquery {

  private Multiquery() {}

  /** One {@code query <endpoint>[/count] "<name>" { ... };} block. */
  record Sub(String endpoint, boolean count, String name, String body) {}

  static List<Sub> parse(String src) {
    List<Sub> out = new ArrayList<>();
    int p = 0;
    int n = src.length();
    while (true) {
      p = skip(src, p);
      if (p >= n) {
        break;
      }
      if (!src.startsWith("query", p)) {
        throw QueryException.syntax("expected 'query' at " + p);
      }
      p = skip(src, p + 5);
      int s = p;
      while (p < n
          && (Character.isLetterOrDigit(src.charAt(p)) || "_/".indexOf(src.charAt(p)) >= 0)) {
        p++;
      }
      String endpoint = src.substring(s, p);
      boolean count = endpoint.endsWith("/count");
      if (count) {
        endpoint = endpoint.substring(0, endpoint.length() - 6);
      }
      p = skip(src, p);
      if (p >= n || src.charAt(p) != '"') {
        throw QueryException.syntax("expected the quoted name of the sub-query at " + p);
      }
      int e = src.indexOf('"', p + 1);
      if (e < 0) {
        throw QueryException.syntax("unterminated name");
      }
      String name = src.substring(p + 1, e);
      p = skip(src, e + 1);
      if (p >= n || src.charAt(p) != '{') {
        throw QueryException.syntax("expected '{' at " + p);
      }
      int start = p + 1;
      boolean inString = false;
      p++;
      while (p < n && (inString || src.charAt(p) != '}')) {
        char c = src.charAt(p);
        if (c == '\\' && inString) {
          p++;
        } else if (c == '"') {
          inString = !inString;
        }
        p++;
      }
      if (p >= n) {
        throw QueryException.syntax("expected '}'");
      }
      out.add(new Sub(endpoint, count, name, src.substring(start, p)));
      p = skip(src, p + 1);
      if (p < n && src.charAt(p) == ';') {
        p++;
      }
    }
    return out;
  }

  private static int skip(String s, int p) {
    while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
      p++;
    }
    return p;
  }
}
