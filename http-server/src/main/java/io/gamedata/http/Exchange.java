package io.gamedata.http;

import java.io.InputStream;
import java.util.Map;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * One request and its answer, as a handler sees them: the request's method, path, query string,
 * headers, path parameters and body; the answer's status, headers and body (sent when the handler
 * returns).
 */
public final class Exchange {

  private static final byte[] EMPTY = new byte[0];

  private final Request request;
  private final Response response;
  private final String path;
  private final Map<String, String> pathParams;
  private int status = 200;
  private String contentType;
  private byte[] body = EMPTY;
  private EventStream stream;

  Exchange(Request request, Response response, String path, Map<String, String> pathParams) {
    this.request = request;
    this.response = response;
    this.path = path;
    this.pathParams = pathParams;
  }

  /** {@code GET}, {@code POST}, ... */
  public String method() {
    return request.getMethod();
  }

  /** The decoded path, e.g. {@code /api/games/7/similar}. */
  public String path() {
    return path;
  }

  /** The raw (still encoded) query string, or null. */
  public String queryString() {
    return request.getHttpURI().getQuery();
  }

  /** A request header, or null. */
  public String header(String name) {
    return request.getHeaders().get(name);
  }

  /** The value of a {@code {name}} or {@code <name>} segment of the route. */
  public String pathParam(String name) {
    String v = pathParams.get(name);
    if (v == null) {
      throw new IllegalArgumentException("the route has no path parameter " + name);
    }
    return v;
  }

  /** The request body as a stream (read at most once). */
  public InputStream bodyInputStream() {
    return Content.Source.asInputStream(request);
  }

  /** Sets a response header. */
  public Exchange header(String name, String value) {
    response.getHeaders().put(name, value);
    return this;
  }

  public Exchange status(int status) {
    this.status = status;
    return this;
  }

  public int status() {
    return status;
  }

  public Exchange contentType(String contentType) {
    this.contentType = contentType;
    return this;
  }

  /** The answer's body (sent when the handler returns). */
  public Exchange result(byte[] body) {
    this.body = body;
    return this;
  }

  /**
   * Makes this answer an event stream ({@link EventStream}): the status is 200, the body is what
   * the stream writes after the handler returned. Call once, then return.
   */
  public EventStream eventStream() {
    if (stream == null) {
      stream = new EventStream();
    }
    return stream;
  }

  EventStream stream() {
    return stream;
  }

  String contentType() {
    return contentType;
  }

  byte[] body() {
    return body;
  }
}
