package io.gamedata.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The few Kafka Connect REST calls the registration script makes (GET /connectors, PUT
 * /connectors/NAME/config, GET /connectors/NAME/status), answering like a Connect worker.
 */
final class FakeConnectRest implements AutoCloseable {

  record Call(String method, String path, String body) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile int putStatus = 201;

  FakeConnectRest() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Call> calls() {
    return calls;
  }

  void failPutsWith(int status) {
    putStatus = status;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    calls.add(new Call(method, path, body));
    int status;
    String response;
    if (method.equals("GET") && path.equals("/connectors")) {
      status = 200;
      response = "[]";
    } else if (method.equals("PUT") && path.matches("/connectors/[^/]+/config")) {
      status = putStatus;
      response = status < 300 ? body : "{\"error_code\":" + status + ",\"message\":\"bad config\"}";
    } else if (method.equals("GET") && path.matches("/connectors/[^/]+/status")) {
      status = 200;
      response = "{\"connector\":{\"state\":\"RUNNING\"},\"tasks\":[]}";
    } else {
      status = 404;
      response = "{\"error_code\":404}";
    }
    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
