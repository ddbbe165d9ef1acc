package io.gamedata.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be served, thrown from a handler: the status, a message for the client and
 * the parameter at fault (or null). {@link HttpService} answers it as {@code {"error": message,
 * "parameter": parameter}} with the status and any {@link #header headers} given.
 */
public class HttpError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String parameter;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public HttpError(int status, String message) {
    this(status, message, null);
  }

  public HttpError(int status, String message, String parameter) {
    super(message, null, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 4xx or 5xx, was " + status);
    }
    this.status = status;
    this.parameter = parameter;
  }

  /** 400 naming the parameter at fault. */
  public static HttpError badParameter(String parameter, String message) {
    return new HttpError(400, message, parameter);
  }

  /** Adds a response header (e.g. {@code Allow} for a 405). */
  public HttpError header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  /** The parameter at fault, or null. */
  public String parameter() {
    return parameter;
  }

  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }
}
