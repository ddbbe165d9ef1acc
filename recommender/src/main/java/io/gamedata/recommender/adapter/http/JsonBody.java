package io.gamedata.recommender.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.json.Json;
import io.gamedata.http.Exchange;
import io.gamedata.http.HttpError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** A request's JSON body, read within a size limit, and typed access to its fields (400s). */
final class JsonBody {

  static final int MAX_IDS = 100;

  private JsonBody() {}

  /** The body as a tree: 413 above {@code maxBytes}, 400 when empty or not JSON. */
  static JsonNode read(Exchange ctx, int maxBytes) throws IOException {
    String length = ctx.header("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > maxBytes) {
          throw tooLarge(maxBytes);
        }
      } catch (NumberFormatException e) {
        throw HttpError.badParameter("Content-Length", "bad Content-Length");
      }
    }
    byte[] body;
    try (InputStream in = ctx.bodyInputStream()) {
      body = in.readNBytes(maxBytes + 1);
    }
    if (body.length > maxBytes) {
      throw tooLarge(maxBytes);
    }
    if (body.length == 0) {
      throw HttpError.badParameter("body", "a JSON body is required");
    }
    try {
      return Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw HttpError.badParameter("body", "body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static HttpError tooLarge(int maxBytes) {
    return new HttpError(413, "body larger than " + maxBytes + " bytes", "body");
  }

  /** Positive game ids (at most {@link #MAX_IDS}); empty when absent. */
  static List<Long> ids(JsonNode n, String name) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw HttpError.badParameter(name, name + " must be an array of game ids");
    }
    if (n.size() > MAX_IDS) {
      throw HttpError.badParameter(name, name + " has more than " + MAX_IDS + " ids");
    }
    List<Long> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.canConvertToExactIntegral() || !e.canConvertToLong() || e.asLong() <= 0) {
        throw HttpError.badParameter(name, name + " must hold positive integer ids, had " + e);
      }
      out.add(e.asLong());
    }
    return out;
  }

  /** One string or an array of strings; empty when absent. */
  static List<String> strings(JsonNode n, String name) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (n.isTextual()) {
      return List.of(n.asText());
    }
    if (!n.isArray() || n.size() > QueryFilters.MAX_FILTER_VALUES) {
      throw HttpError.badParameter(
          name,
          name + " must be an array of at most " + QueryFilters.MAX_FILTER_VALUES + " strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.isTextual()) {
        throw HttpError.badParameter(name, name + " must hold strings, had " + e);
      }
      out.add(e.asText());
    }
    return out;
  }

  /** An integer in {@code min..max}, or null when absent. */
  static Integer integer(JsonNode n, String name, int min, int max) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.canConvertToExactIntegral() || !n.canConvertToInt()) {
      throw HttpError.badParameter(name, name + " must be an integer, was " + n);
    }
    int v = n.asInt();
    if (v < min || v > max) {
      throw HttpError.badParameter(name, name + " must be in " + min + ".." + max + ", was " + v);
    }
    return v;
  }

  static boolean bool(JsonNode n, String name, boolean def) {
    if (n == null || n.isNull()) {
      return def;
    }
    if (!n.isBoolean()) {
      throw HttpError.badParameter(name, name + " must be true or false, was " + n);
    }
    return n.asBoolean();
  }
}
