package io.gamedata.streams.processor;

import io.gamedata.streams.domain.RefUpdate;

/**
 * What the reference router emits; the topology routes each kind to its topic. Never serialized.
 * (The game processor forwards its outputs to their sinks by name.)
 */
public sealed interface Emit {

  /** A reference update for the game partitions. */
  record Reference(RefUpdate update) implements Emit {}

  /** A rejected record for {@code games.dlq}: original bytes; the reasons travel as headers. */
  record Dead(byte[] key, byte[] value) implements Emit {}
}
