package io.gamedata.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny IGDB client for the tests. */
final class SimClient {

  final IgdbSimulator sim;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  String token;

  SimClient(IgdbSimulator sim) {
    this.sim = sim;
  }

  SimClient login() {
    HttpResponse<String> r =
        post(
            sim.tokenUrl()
                + "?client_id="
                + sim.clientId()
                + "&client_secret="
                + sim.clientSecret()
                + "&grant_type=client_credentials",
            "",
            false);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
    }
    token = json(r.body()).get("access_token").asText();
    return this;
  }

  HttpResponse<String> query(String endpoint, String body) {
    return post(sim.apiUrl() + "/" + endpoint, body, true);
  }

  HttpResponse<String> post(String url, String body, boolean auth) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("User-Agent", "gamedata-tests/1.0")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth) {
      b.header("Client-ID", sim.clientId()).header("Authorization", "Bearer " + token);
    }
    return send(b.build());
  }

  HttpResponse<String> send(HttpRequest req) {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder authed(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("User-Agent", "gamedata-tests/1.0")
        .header("Client-ID", sim.clientId())
        .header("Authorization", "Bearer " + token);
  }

  static JsonNode json(String s) {
    try {
      return Json.mapper().readTree(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
