package io.gamedata.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of every app: Jetty, bound to one address and port, with
 *
 * <ul>
 *   <li>routes ({@link Routes}): path templates to {@link Handler}s;
 *   <li>JSON errors: a handler's {@link HttpError} becomes {@code {"error": .., "parameter": ..}}
 *       with its status; an unknown path 404, a known path with another method 405 with {@code
 *       Allow}; any other exception 500 {@code {"error": "internal error"}} (logged); errors Jetty
 *       answers itself (a malformed request) have the same shape;
 *   <li>request metrics: {@code http.server.requests} per route and status (see {@link
 *       RequestMetrics}) in the app's registry;
 *   <li>{@code GET /metrics}: that registry in Prometheus text format.
 * </ul>
 *
 * <pre>{@code
 * HttpService http = HttpService.builder("recommender")
 *     .bind("0.0.0.0", 8080).threads(8).meters(registry)
 *     .routes(r -> r.get("/api/games/{id}", games::get))
 *     .start();
 * }</pre>
 *
 * Handlers run on Jetty's thread pool and may block; the answer is sent when the handler returns,
 * except an {@link EventStream}, which stays open without a thread until it is closed. {@link
 * #close()} stops accepting and lets running requests finish (up to 2 s).
 */
public final class HttpService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);

  private final String name;
  private final Server server;
  private final ServerConnector connector;
  private volatile boolean closed;

  private HttpService(String name, Server server, ServerConnector connector) {
    this.name = name;
    this.server = server;
    this.connector = connector;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The bound port (the chosen one when configured as 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Stops accepting, lets running requests finish (up to 2 s). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("{}: HTTP server did not stop cleanly: {}", name, e.toString());
    }
  }

  @Override
  public String toString() {
    return name + " HTTP on port " + (closed ? "-" : Integer.toString(port()));
  }

  /** Settings and routes of one server. */
  public static final class Builder {
    private final String name;
    private String bindAddress = "0.0.0.0";
    private int port;
    private int threads = 8;
    private PrometheusMeterRegistry meters;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Routes routes = new Routes();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Interface and port ({@code HTTP_BIND_ADDRESS}, {@code HTTP_PORT}); port 0 = any free. */
    public Builder bind(String address, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in 0..65535, was " + port);
      }
      this.bindAddress = Objects.requireNonNull(address, "address");
      this.port = port;
      return this;
    }

    /** Request threads (default 8); handlers may block them. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** The app's registry: request metrics go there, and {@code GET /metrics} serves it. */
    public Builder meters(PrometheusMeterRegistry meters) {
      this.meters = meters;
      return this;
    }

    /** A header set on every answer, errors included (e.g. {@code Cache-Control: no-store}). */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** The app's routes (may be called several times). */
    public Builder routes(Consumer<Routes> routes) {
      routes.accept(this.routes);
      return this;
    }

    /** Binds and starts serving; fails naming the address when it cannot bind. */
    public HttpService start() {
      if (meters != null) {
        PrometheusMeterRegistry registry = meters;
        routes.get(
            "/metrics",
            ctx ->
                Responses.send(
                    ctx,
                    200,
                    registry.scrape().getBytes(StandardCharsets.UTF_8),
                    Responses.PROMETHEUS_TEXT));
      }
      // acceptor + selector + a reserved thread on top of the request threads
      QueuedThreadPool pool = new QueuedThreadPool(threads + 4, Math.min(4, threads + 4));
      pool.setName(name + "-http");
      pool.setDaemon(true);
      Server server = new Server(pool);
      ServerConnector connector = new ServerConnector(server, 1, 1);
      connector.setHost(bindAddress);
      connector.setPort(port);
      server.addConnector(connector);
      GracefulHandler graceful = new GracefulHandler();
      graceful.setHandler(
          new Dispatcher(
              routes, Map.copyOf(headers), meters == null ? null : new RequestMetrics(meters)));
      server.setHandler(graceful);
      server.setStopTimeout(2_000);
      server.setErrorHandler(new JsonErrorHandler());
      try {
        server.start();
      } catch (Exception e) {
        try {
          server.stop();
        } catch (Exception ignored) {
          // nothing was served
        }
        throw new IllegalStateException(
            name
                + ": cannot bind the HTTP server to "
                + bindAddress
                + ":"
                + port
                + " (HTTP_BIND_ADDRESS, HTTP_PORT): "
                + e.getMessage(),
            e);
      }
      HttpService s = new HttpService(name, server, connector);
      LOG.info("{}: HTTP on {}:{}", name, bindAddress, s.port());
      return s;
    }
  }

  /** Routes a request, runs its handler, answers errors as JSON, records the request. */
  private static final class Dispatcher extends org.eclipse.jetty.server.Handler.Abstract {
    private final Routes routes;
    private final Map<String, String> headers;
    private final RequestMetrics metrics;

    Dispatcher(Routes routes, Map<String, String> headers, RequestMetrics metrics) {
      this.routes = routes;
      this.headers = headers;
      this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      long t0 = System.nanoTime();
      String method = request.getMethod();
      String path = request.getHttpURI().getDecodedPath();
      Routes.Match m = routes.match(method, path);
      Exchange ex = new Exchange(request, response, path, m.params());
      headers.forEach(ex::header);
      String exception = "None";
      try {
        if (m.route() != null) {
          m.route().handler().handle(ex);
        } else if (!m.allowed().isEmpty()) {
          String allowed = String.join(", ", m.allowed());
          throw new HttpError(405, "method " + method + " not allowed; allowed: " + allowed)
              .header("Allow", allowed);
        } else {
          throw new HttpError(404, "no such resource: " + path);
        }
      } catch (HttpError e) {
        e.headers().forEach(ex::header);
        Responses.error(ex, e.status(), e.getMessage(), e.parameter());
      } catch (Exception | LinkageError | AssertionError e) {
        LOG.error("{} {} failed", method, path, e);
        exception = e.getClass().getSimpleName();
        Responses.error(ex, 500, "internal error", null);
      }
      EventStream stream = ex.stream();
      if (stream != null && ex.status() == 200 && exception.equals("None")) {
        // the handler keeps the stream; the request stays open until it closes it
        request.consumeAvailable();
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        if (metrics != null) {
          metrics.record(method, m.route().template(), 200, exception, System.nanoTime() - t0);
        }
        stream.open(response, callback);
        return true;
      }
      if (stream != null) {
        stream.close(); // the handler failed after taking it: the error answer goes out instead
      }
      byte[] body = ex.body();
      // a body the handler left unread (a 413, a 401 before reading): take what has arrived, so
      // that the connection stays usable and the client reads the answer instead of a reset
      request.consumeAvailable();
      response.setStatus(ex.status());
      if (ex.contentType() != null) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ex.contentType());
      }
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
      response.write(true, ByteBuffer.wrap(body), callback);
      if (metrics != null) {
        String uri =
            m.route() != null
                ? m.route().template()
                : m.allowed().isEmpty() ? "NOT_FOUND" : "UNKNOWN";
        metrics.record(method, uri, ex.status(), exception, System.nanoTime() - t0);
      }
      return true;
    }
  }
}
