package io.gamedata.simulator.http;

import io.gamedata.contracts.json.Json;
import io.gamedata.http.Exchange;
import io.gamedata.http.Responses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** IGDB's answer shapes: JSON bodies, its error list {@code [{title, status, cause}]}, forms. */
final class IgdbAnswers {

  static final String JSON = "application/json;charset=utf-8";

  private IgdbAnswers() {}

  static void send(Exchange ctx, int status, byte[] body) {
    Responses.send(ctx, status, body, JSON);
  }

  static void sendText(Exchange ctx, int status, String text) {
    Responses.text(ctx, status, text);
  }

  /** IGDB's error body: a one-element list. */
  static byte[] error(String title, int status, String cause) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("title", title);
    e.put("status", status);
    if (cause != null) {
      e.put("cause", cause);
    }
    return json(List.of(e));
  }

  static byte[] json(Object o) {
    try {
      return Json.mapper().writeValueAsBytes(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request body as text (no size limit: the simulator trusts its clients). */
  static String body(Exchange ctx) {
    try {
      return new String(ctx.bodyInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A query string or form body as a map (last value wins). */
  static Map<String, String> params(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  static Optional<Long> parseLong(String s) {
    try {
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
