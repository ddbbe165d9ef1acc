package io.gamedata.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.simulator.catalog.Catalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lean IGDB stand-in for the producer benchmark, serving a {@link Catalog} with IGDB's real
 * limits: at most 4 requests arriving in any 1-second window and 8 open, else HTTP 429; latency
 * uniform in [min, max] ms. It answers only what the bulk fetch sends (token, keyset pages, the
 * highest id, count, multiquery, where one multiquery counts as one request). Used until the
 * igdb-simulator module's server is available; it is not a general simulator.
 */
final class BenchIgdbServer implements AutoCloseable {

  private final Catalog catalog;
  private final int perSecond;
  private final int maxOpen;
  private final int latencyMin;
  private final int latencyMax;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(48);
  private final ArrayDeque<Long> arrivals = new ArrayDeque<>();
  private int open;
  final AtomicLong served = new AtomicLong();
  final AtomicLong throttled = new AtomicLong();
  private final ObjectMapper mapper = Json.mapper();

  BenchIgdbServer(Catalog catalog, int perSecond, int maxOpen, int latencyMin, int latencyMax)
      throws IOException {
    this.catalog = catalog;
    this.perSecond = perSecond;
    this.maxOpen = maxOpen;
    this.latencyMin = latencyMin;
    this.latencyMax = latencyMax;
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 128);
    server.setExecutor(pool);
    server.createContext(
        "/oauth2/token",
        ex ->
            send(
                ex,
                200,
                "{\"access_token\":\"bench\",\"expires_in\":5000000,\"token_type\":\"bearer\"}"
                    .getBytes(StandardCharsets.UTF_8)));
    server.createContext("/v4/", this::api);
    server.start();
  }

  String apiUrl() {
    return "http://localhost:" + server.getAddress().getPort() + "/v4";
  }

  String tokenUrl() {
    return "http://localhost:" + server.getAddress().getPort() + "/oauth2/token";
  }

  private synchronized boolean admit() {
    long now = System.nanoTime();
    while (!arrivals.isEmpty() && now - arrivals.peekFirst() >= 1_000_000_000L) {
      arrivals.pollFirst();
    }
    if (arrivals.size() >= perSecond || open >= maxOpen) {
      return false;
    }
    arrivals.addLast(now);
    open++;
    return true;
  }

  private synchronized void done() {
    open--;
  }

  private void api(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      if (!admit()) {
        throttled.incrementAndGet();
        send(ex, 429, "{\"message\":\"Too Many Requests\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      try {
        Thread.sleep(ThreadLocalRandom.current().nextInt(latencyMin, latencyMax + 1));
        String path = ex.getRequestURI().getPath().substring("/v4/".length());
        String q = new String(body, StandardCharsets.UTF_8);
        byte[] answer;
        if (path.equals("multiquery")) {
          answer = multiquery(q);
        } else if (path.endsWith("/count")) {
          IgdbEndpoint e = endpoint(path.substring(0, path.length() - 6));
          answer = ("{\"count\":" + catalog.size(e) + "}").getBytes(StandardCharsets.UTF_8);
        } else {
          answer = page(endpoint(path), q);
        }
        served.incrementAndGet();
        send(ex, 200, answer);
      } catch (IllegalArgumentException e) {
        send(
            ex,
            400,
            ("[{\"title\":\"Syntax Error\",\"status\":400,\"cause\":\"" + e.getMessage() + "\"}]")
                .getBytes(StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        done();
      }
    }
  }

  private static IgdbEndpoint endpoint(String p) {
    return IgdbEndpoint.fromPath(p)
        .orElseThrow(() -> new IllegalArgumentException("no endpoint " + p));
  }

  private static final Pattern GT = Pattern.compile("id > (\\d+)");
  private static final Pattern LE = Pattern.compile("id <= (\\d+)");
  private static final Pattern LIMIT = Pattern.compile("limit (\\d+)");
  private static final Pattern SUB =
      Pattern.compile("query (\\w+) \"([^\"]+)\" \\{(.*?)\\};", Pattern.DOTALL);

  private static long num(Pattern p, String q, long dflt) {
    Matcher m = p.matcher(q);
    return m.find() ? Long.parseLong(m.group(1)) : dflt;
  }

  private byte[] page(IgdbEndpoint e, String q) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    writeRows(e, q, out);
    return out.toByteArray();
  }

  private void writeRows(IgdbEndpoint e, String q, ByteArrayOutputStream out) throws IOException {
    NavigableMap<Long, IgdbRecord> view = catalog.view(e);
    int limit = (int) Math.min(500, num(LIMIT, q, 10));
    out.write('[');
    if (q.contains("sort id desc")) {
      if (!view.isEmpty()) {
        out.write(("{\"id\":" + view.lastKey() + "}").getBytes(StandardCharsets.UTF_8));
      }
      out.write(']');
      return;
    }
    long gt = num(GT, q, Long.MIN_VALUE);
    long le = num(LE, q, Long.MAX_VALUE);
    int n = 0;
    for (IgdbRecord r : view.tailMap(gt, false).values()) {
      if (r.id() > le || n == limit) {
        break;
      }
      if (n++ > 0) {
        out.write(',');
      }
      out.write(mapper.writeValueAsBytes(r));
    }
    out.write(']');
  }

  private byte[] multiquery(String q) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2 * 1024 * 1024);
    out.write('[');
    Matcher m = SUB.matcher(q);
    int n = 0;
    while (m.find()) {
      if (++n > 10) {
        throw new IllegalArgumentException("Too Many Concurrent queries");
      }
      if (n > 1) {
        out.write(',');
      }
      out.write(("{\"name\":\"" + m.group(2) + "\",\"result\":").getBytes(StandardCharsets.UTF_8));
      writeRows(endpoint(m.group(1)), m.group(3), out);
      out.write('}');
    }
    out.write(']');
    return out.toByteArray();
  }

  private static void send(HttpExchange ex, int code, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(code, body.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(body);
    }
  }

  Map<String, Long> counters() {
    return Map.of("served", served.get(), "throttled", throttled.get());
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  static List<IgdbEndpoint> endpoints() {
    return List.of(IgdbEndpoint.values());
  }
}
