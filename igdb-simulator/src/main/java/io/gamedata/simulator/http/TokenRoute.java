package io.gamedata.simulator.http;

import static io.gamedata.simulator.http.IgdbAnswers.json;
import static io.gamedata.simulator.http.IgdbAnswers.send;

import io.gamedata.http.Exchange;
import io.gamedata.simulator.auth.TokenStore;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /oauth2/token}: Twitch's client-credentials grant. */
final class TokenRoute {

  private final TokenStore tokens;

  TokenRoute(TokenStore tokens) {
    this.tokens = tokens;
  }

  void handle(Exchange ctx) {
    if (!ctx.method().equals("POST")) {
      send(ctx, 405, json(Map.of("status", 405, "message", "method not allowed")));
      return;
    }
    Map<String, String> p = IgdbAnswers.params(ctx.queryString());
    p.putAll(IgdbAnswers.params(IgdbAnswers.body(ctx)));
    if (!"client_credentials".equals(p.get("grant_type"))) {
      send(ctx, 400, json(Map.of("status", 400, "message", "invalid grant type")));
      return;
    }
    if (p.get("client_id") == null || !tokens.clientId().equals(p.get("client_id"))) {
      send(ctx, 400, json(Map.of("status", 400, "message", "invalid client")));
      return;
    }
    String token = tokens.mint(p.get("client_id"), p.get("client_secret"));
    if (token == null) {
      send(ctx, 403, json(Map.of("status", 403, "message", "invalid client secret")));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token);
    body.put("expires_in", tokens.lifetimeSeconds());
    body.put("token_type", "bearer");
    send(ctx, 200, json(body));
  }
}
