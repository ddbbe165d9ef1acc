package io.gamedata.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing answers: bytes with a content type, JSON, and the JSON error shape of every app. */
public final class Responses {

  /** Content type of every JSON answer. */
  public static final String JSON = "application/json";

  /** Content type of the Prometheus text exposition format. */
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Responses() {}

  /** {@code body} as the answer, with its content type. */
  public static void send(Exchange ctx, int status, byte[] body, String contentType) {
    ctx.status(status).contentType(contentType).result(body);
  }

  /** Already serialised JSON. */
  public static void json(Exchange ctx, int status, byte[] json) {
    send(ctx, status, json, JSON);
  }

  /** {@code body} serialised with {@code mapper}. */
  public static void json(Exchange ctx, int status, Object body, ObjectMapper mapper) {
    try {
      json(ctx, status, mapper.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the answer", e);
    }
  }

  /** {@code body} (maps, lists, strings, numbers) serialised with a plain Jackson mapper. */
  public static void json(Exchange ctx, int status, Object body) {
    json(ctx, status, body, MAPPER);
  }

  /** Plain text (UTF-8). */
  public static void text(Exchange ctx, int status, String text) {
    send(ctx, status, text.getBytes(StandardCharsets.UTF_8), "text/plain;charset=utf-8");
  }

  /** The error shape of every app: {@code {"error": message, "parameter": parameter}}. */
  public static void error(Exchange ctx, int status, String message, String parameter) {
    json(ctx, status, errorBody(message, parameter));
  }

  /** The bytes of {@link #error}'s body. */
  public static byte[] errorBody(String message, String parameter) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    if (parameter != null) {
      body.put("parameter", parameter);
    }
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      return "{\"error\":\"internal error\"}".getBytes(StandardCharsets.UTF_8);
    }
  }
}
