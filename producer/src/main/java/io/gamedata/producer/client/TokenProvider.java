package io.gamedata.producer.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.json.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An app access token from Twitch ({@code client_credentials}), cached until shortly before it
 * expires. {@link #invalidate} drops a token the API refused so that the next {@link #token} mints
 * exactly one new one, however many threads saw the 401.
 */
public final class TokenProvider {

  private static final Logger LOG = LoggerFactory.getLogger(TokenProvider.class);
  private static final Duration EARLY = Duration.ofMinutes(1);

  private final OkHttpClient http;
  private final HttpUrl tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final String userAgent;
  private final Clock clock;
  private final ClientMetrics metrics;
  private String token;
  private Instant expiresAt = Instant.MIN;

  public TokenProvider(
      OkHttpClient http,
      URI tokenUrl,
      String clientId,
      String clientSecret,
      String userAgent,
      Clock clock,
      ClientMetrics metrics) {
    this.http = http;
    this.tokenUrl = HttpUrl.get(tokenUrl.toString());
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.userAgent = userAgent;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The cached token, minting one when none is cached or it is about to expire. */
  public synchronized String token() {
    if (token != null && clock.instant().isBefore(expiresAt.minus(EARLY))) {
      return token;
    }
    return mint();
  }

  /** Drops {@code refused} if it is still the cached token. */
  public synchronized void invalidate(String refused) {
    if (refused != null && refused.equals(token)) {
      token = null;
      metrics.tokenRenewals.increment();
    }
  }

  private String mint() {
    FormBody body =
        new FormBody.Builder()
            .add("client_id", clientId)
            .add("client_secret", clientSecret)
            .add("grant_type", "client_credentials")
            .build();
    Request req =
        new Request.Builder().url(tokenUrl).header("User-Agent", userAgent).post(body).build();
    try (Response resp = http.newCall(req).execute()) {
      String text = resp.body().string();
      if (!resp.isSuccessful()) {
        throw new IgdbException(
            resp.code(),
            "Token request to "
                + tokenUrl.host()
                + " refused: HTTP "
                + resp.code()
                + " "
                + clip(text),
            null);
      }
      JsonNode json = Json.mapper().readTree(text);
      JsonNode access = json.get("access_token");
      if (access == null || !access.isTextual()) {
        throw new IgdbException(resp.code(), "Token answer has no access_token", null);
      }
      long expiresIn = json.path("expires_in").asLong(3600);
      token = access.asText();
      expiresAt = clock.instant().plusSeconds(expiresIn);
      LOG.info("New IGDB app token, valid for {} s", expiresIn);
      return token;
    } catch (IOException e) {
      throw new IgdbException(0, "Token request to " + tokenUrl.host() + " failed: " + e, e);
    }
  }

  static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
