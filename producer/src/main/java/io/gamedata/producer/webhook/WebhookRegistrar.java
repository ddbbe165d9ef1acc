package io.gamedata.producer.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.client.IgdbClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * (Re-)registers the webhooks, at start-up and then periodically: IGDB deactivates a webhook for
 * good after 5 failed deliveries, and a registration can be lost (a restarted simulator forgets
 * them), so an inactive one pointing at us, or one with another secret, is deleted and registered
 * again; an active one is kept; a missing one is created.
 */
public final class WebhookRegistrar {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistrar.class);

  private WebhookRegistrar() {}

  /** Returns the URLs registered now (new or re-activated). */
  public static List<String> register(
      IgdbClient client, URI publicBase, String secret, List<IgdbEndpoint> endpoints) {
    JsonNode existing = client.listWebhooks();
    String base = publicBase.toString().replaceAll("/+$", "");
    List<String> registered = new ArrayList<>();
    for (IgdbEndpoint e : endpoints) {
      for (WebhookEvent.Method m : WebhookEvent.Method.values()) {
        String url = base + WebhookServer.pathFor(e, m);
        boolean active = false;
        for (JsonNode w : existing) {
          if (url.equals(w.path("url").asText())) {
            boolean sameSecret = !w.has("secret") || secret.equals(w.path("secret").asText());
            if (w.path("active").asBoolean(false) && sameSecret && !active) {
              active = true;
            } else if (w.has("id")) {
              client.deleteWebhook(w.get("id").asLong());
            }
          }
        }
        if (!active) {
          client.registerWebhook(e.path(), url, secret, m.name().toLowerCase(Locale.ROOT));
          registered.add(url);
        }
      }
    }
    if (!registered.isEmpty()) {
      LOG.info(
          "Webhooks registered: {} new, {} kept",
          registered.size(),
          endpoints.size() * 3 - registered.size());
    }
    return registered;
  }
}
