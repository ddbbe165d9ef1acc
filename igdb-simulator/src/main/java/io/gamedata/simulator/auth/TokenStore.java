package io.gamedata.simulator.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * App access tokens of the client-credentials flow: one client id/secret pair, tokens with a
 * lifetime, at most 25 live tokens (minting more kills the oldest, as Twitch does), and early
 * expiry/revocation for tests.
 */
public final class TokenStore {

  /** Twitch's limit of live app tokens per client. */
  public static final int MAX_LIVE_TOKENS = 25;

  private final String clientId;
  private final String clientSecret;
  private final Duration lifetime;
  private final Clock clock;
  private final Map<String, Long> expiresAtMillis = new ConcurrentHashMap<>();
  private final Deque<String> order = new ArrayDeque<>();
  private final SecureRandom random = new SecureRandom();

  public TokenStore(String clientId, String clientSecret, Duration lifetime, Clock clock) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  public String clientId() {
    return clientId;
  }

  /** A new token when id and secret match, else null. */
  public synchronized String mint(String id, String secret) {
    if (!clientId.equals(id) || !clientSecret.equals(secret)) {
      return null;
    }
    byte[] b = new byte[15];
    random.nextBytes(b);
    String token = HexFormat.of().formatHex(b);
    expiresAtMillis.put(token, clock.millis() + lifetime.toMillis());
    order.addLast(token);
    while (order.size() > MAX_LIVE_TOKENS) {
      expiresAtMillis.remove(order.removeFirst());
    }
    return token;
  }

  /** Seconds a fresh token lives. */
  public long lifetimeSeconds() {
    return lifetime.toSeconds();
  }

  /** True when {@code id} is the client id and {@code token} is live. */
  public boolean valid(String id, String token) {
    if (id == null || token == null || !clientId.equals(id)) {
      return false;
    }
    Long exp = expiresAtMillis.get(token);
    return exp != null && exp > clock.millis();
  }

  /** Kills one token; false when unknown. */
  public synchronized boolean revoke(String token) {
    order.remove(token);
    return expiresAtMillis.remove(token) != null;
  }

  /** Expires every live token now (a token "dying early"). */
  public synchronized void expireAll() {
    expiresAtMillis.replaceAll((t, exp) -> Long.MIN_VALUE);
  }
}
