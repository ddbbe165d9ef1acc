package io.gamedata.streams.processor;

import io.gamedata.streams.domain.RefUpdate;

/**
 * What the game processor receives: a raw game (bytes as read, null = tombstone) from the games
 * topic, or a reference update from the internal reference topic. A game record carries its key's
 * bytes as read, and, when they are not an id, why ({@code keyProblem}, with a null key). Never
 * serialized.
 */
public record Inbound(byte[] rawKey, byte[] game, RefUpdate reference, String keyProblem) {

  static Inbound game(byte[] rawKey, byte[] bytes) {
    return new Inbound(rawKey, bytes, null, null);
  }

  static Inbound badKey(byte[] rawKey, byte[] bytes, String problem) {
    return new Inbound(rawKey, bytes, null, problem);
  }

  public static Inbound reference(RefUpdate update) {
    return new Inbound(null, null, update, null);
  }

  boolean isGame() {
    return reference == null;
  }
}
