package io.gamedata.streams.topology;

/**
 * What the game processor receives: a raw game (bytes as read, null = tombstone) from the games
 * topic, or a reference update from the internal reference topic. Never serialized.
 */
record Inbound(byte[] game, RefUpdate reference) {

  static Inbound game(byte[] bytes) {
    return new Inbound(bytes, null);
  }

  static Inbound reference(RefUpdate update) {
    return new Inbound(null, update);
  }

  boolean isGame() {
    return reference == null;
  }
}
