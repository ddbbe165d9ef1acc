package io.gamedata.recommender.adapter.http;

import io.gamedata.http.HttpError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Typed, validated access to a query string; every error names its parameter (400). */
final class QueryParams {

  private final Map<String, List<String>> values = new LinkedHashMap<>();

  QueryParams(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq), "query");
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1), k);
      values.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
  }

  private static String decode(String s, String parameter) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpError.badParameter(parameter, "malformed URL encoding in " + parameter);
    }
  }

  /** Rejects parameters not in {@code known}. */
  void onlyKnown(Set<String> known) {
    for (String k : values.keySet()) {
      if (!known.contains(k)) {
        throw HttpError.badParameter(k, "unknown parameter " + k + "; known: " + known);
      }
    }
  }

  String string(String name) {
    List<String> v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v.size() > 1) {
      throw HttpError.badParameter(name, name + " given more than once");
    }
    return v.get(0);
  }

  Integer integer(String name, int min, int max) {
    String s = string(name);
    if (s == null) {
      return null;
    }
    int v;
    try {
      v = Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw HttpError.badParameter(name, name + " must be an integer, was '" + s + "'");
    }
    if (v < min || v > max) {
      throw HttpError.badParameter(name, name + " must be in " + min + ".." + max + ", was " + v);
    }
    return v;
  }

  boolean bool(String name, boolean def) {
    String s = string(name);
    if (s == null) {
      return def;
    }
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "" -> true;
      case "false", "0", "no" -> false;
      default -> throw HttpError.badParameter(name, name + " must be true or false");
    };
  }

  /** Repeated and/or comma-separated values, trimmed, blanks dropped. */
  Set<String> set(String name, int maxItems) {
    List<String> v = values.get(name);
    Set<String> out = new LinkedHashSet<>();
    if (v != null) {
      for (String s : v) {
        for (String part : s.split(",")) {
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
      }
    }
    if (out.size() > maxItems) {
      throw HttpError.badParameter(name, name + " has more than " + maxItems + " values");
    }
    return out;
  }
}
