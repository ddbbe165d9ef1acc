package io.gamedata.simulator.http;

import static io.gamedata.simulator.http.IgdbAnswers.error;
import static io.gamedata.simulator.http.IgdbAnswers.json;
import static io.gamedata.simulator.http.IgdbAnswers.parseLong;
import static io.gamedata.simulator.http.IgdbAnswers.send;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.http.Exchange;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.webhook.Webhooks;
import java.util.Map;
import java.util.Optional;

/**
 * IGDB's webhook routes under {@code /v4}: {@code GET webhooks}, {@code DELETE webhooks/<id>},
 * {@code POST <endpoint>/webhooks} (register) and {@code POST <endpoint>/webhooks/test/<id>}.
 */
final class WebhookRoutes {

  private final Catalog catalog;
  private final Webhooks webhooks;
  private final ApiServer.Stats stats;

  WebhookRoutes(Catalog catalog, Webhooks webhooks, ApiServer.Stats stats) {
    this.catalog = catalog;
    this.webhooks = webhooks;
    this.stats = stats;
  }

  /** {@code path} is the part after {@code /v4/}, without trailing slashes. */
  void handle(Exchange ctx, String path, String clientId) {
    String method = ctx.method();
    String[] parts = path.split("/");
    if (parts[0].equals("webhooks")) {
      if (parts.length == 1 && method.equals("GET")) {
        ArrayNode arr = Json.mapper().createArrayNode();
        webhooks.list().forEach(h -> arr.add(h.toJson()));
        send(ctx, 200, json(arr));
        return;
      }
      if (parts.length == 2 && method.equals("DELETE")) {
        Optional<Webhooks.Hook> h = parseLong(parts[1]).flatMap(webhooks::delete);
        if (h.isEmpty()) {
          send(ctx, 404, error("Not Found", 404, "no webhook " + parts[1]));
        } else {
          send(ctx, 200, json(h.get().toJson()));
        }
        return;
      }
      send(ctx, 405, error("Method Not Allowed", 405, method + " /v4/" + path));
      return;
    }
    Optional<IgdbEndpoint> endpoint = IgdbEndpoint.fromPath(parts[0]);
    if (endpoint.isEmpty() || parts.length < 2 || !parts[1].equals("webhooks")) {
      send(ctx, 404, error("Not Found", 404, "/v4/" + path));
      return;
    }
    if (parts.length == 2 && method.equals("POST")) {
      Map<String, String> form = IgdbAnswers.params(IgdbAnswers.body(ctx));
      try {
        Webhooks.Hook h =
            webhooks.register(
                endpoint.get(), form.get("url"), form.get("secret"), form.get("method"), clientId);
        send(ctx, 200, json(h.toJson()));
      } catch (IllegalArgumentException e) {
        stats.badRequests.incrementAndGet();
        send(ctx, 400, error("Bad Request", 400, e.getMessage()));
      }
      return;
    }
    if (parts.length == 4 && parts[2].equals("test") && method.equals("POST")) {
      Map<String, String> q = IgdbAnswers.params(ctx.queryString());
      Optional<Webhooks.Hook> h = parseLong(parts[3]).flatMap(webhooks::get);
      Optional<IgdbRecord> rec =
          parseLong(q.getOrDefault("entityId", "")).flatMap(id -> catalog.get(endpoint.get(), id));
      if (h.isEmpty() || rec.isEmpty()) {
        send(ctx, 404, error("Not Found", 404, "unknown webhook or entityId"));
        return;
      }
      webhooks.deliver(h.get(), false, rec.get());
      send(ctx, 200, json(Map.of("message", "Test webhook sent")));
      return;
    }
    send(ctx, 405, error("Method Not Allowed", 405, method + " /v4/" + path));
  }
}
