package io.gamedata.producer.webhook;

import io.gamedata.contracts.igdb.IgdbEndpoint;

/** A parsed, validated webhook delivery: which endpoint, what happened, the record. */
public record WebhookEvent(IgdbEndpoint endpoint, Method method, long id, byte[] json) {

  /** IGDB's webhook methods. */
  public enum Method {
    CREATE,
    UPDATE,
    DELETE
  }
}
