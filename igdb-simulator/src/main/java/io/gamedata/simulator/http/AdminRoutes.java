package io.gamedata.simulator.http;

import static io.gamedata.simulator.http.IgdbAnswers.error;
import static io.gamedata.simulator.http.IgdbAnswers.json;
import static io.gamedata.simulator.http.IgdbAnswers.send;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.http.Exchange;
import io.gamedata.simulator.auth.TokenStore;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.fault.Faults;
import io.gamedata.simulator.fault.Injected;
import io.gamedata.simulator.live.LiveFeed;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code /admin/*}, the simulator's own controls (not IGDB's): health, counters, injected changes,
 * the live feed, token expiry and revocation, injected faults. A bad number is a 400.
 */
final class AdminRoutes {

  private final Catalog catalog;
  private final TokenStore tokens;
  private final LiveFeed live;
  private final Supplier<Faults> faults;
  private final Consumer<Faults> setFaults;
  private final Injected injected;
  private final ApiServer.Stats stats;

  AdminRoutes(
      Catalog catalog,
      TokenStore tokens,
      LiveFeed live,
      Supplier<Faults> faults,
      Consumer<Faults> setFaults,
      Injected injected,
      ApiServer.Stats stats) {
    this.catalog = catalog;
    this.tokens = tokens;
    this.live = live;
    this.faults = faults;
    this.setFaults = setFaults;
    this.injected = injected;
    this.stats = stats;
  }

  void handle(Exchange ctx) {
    try {
      route(ctx);
    } catch (IllegalArgumentException e) {
      send(ctx, 400, error("Bad Request", 400, e.getMessage()));
    }
  }

  private void route(Exchange ctx) {
    String path = ctx.path();
    Map<String, String> q = IgdbAnswers.params(ctx.queryString());
    switch (path) {
      case "/admin/health" -> IgdbAnswers.sendText(ctx, 200, "ok");
      case "/admin/stats" -> {
        ObjectNode n = stats.toJson();
        n.put("games", catalog.size(IgdbEndpoint.GAMES));
        n.put("max_game_id", catalog.maxId(IgdbEndpoint.GAMES));
        send(ctx, 200, json(n));
      }
      case "/admin/inject" -> {
        LiveFeed.Applied a =
            live.apply(
                intParam(q, "games"),
                intParam(q, "updates"),
                intParam(q, "deletes"),
                intParam(q, "touches"));
        send(ctx, 200, json(a));
      }
      case "/admin/live" -> {
        double rate = Double.parseDouble(q.getOrDefault("rate", "0"));
        if (rate <= 0) {
          live.stop();
        } else {
          live.start(rate, LiveFeed.Mix.DEFAULT);
        }
        send(ctx, 200, json(Map.of("rate", rate)));
      }
      case "/admin/tokens/expire" -> {
        tokens.expireAll();
        send(ctx, 200, json(Map.of("expired", true)));
      }
      case "/admin/faults/next" -> {
        int count = intParam(q, "count");
        int status = Integer.parseInt(q.getOrDefault("status", "429"));
        injected.next(count, status);
        send(ctx, 200, json(Map.of("count", count, "status", status)));
      }
      case "/admin/faults/fail-ids" -> {
        Set<Long> ids = new HashSet<>();
        for (String s : q.getOrDefault("ids", "").split(",")) {
          if (!s.isBlank()) {
            ids.add(Long.parseLong(s.trim()));
          }
        }
        setFaults.accept(faults.get().withFailingIds(ids));
        send(ctx, 200, json(Map.of("failing_ids", ids)));
      }
      case "/admin/tokens/revoke" -> {
        boolean done = tokens.revoke(q.getOrDefault("token", ""));
        send(ctx, done ? 200 : 404, json(Map.of("revoked", done)));
      }
      default -> send(ctx, 404, error("Not Found", 404, path));
    }
  }

  private static int intParam(Map<String, String> q, String name) {
    String v = q.get(name);
    if (v == null || v.isEmpty()) {
      return 0;
    }
    int n = Integer.parseInt(v);
    if (n < 0 || n > 1_000_000) {
      throw new IllegalArgumentException(name + " must be in 0..1000000");
    }
    return n;
  }
}
