package io.gamedata.streams.topology;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.enriched.EnrichedGame;

/** What the processors emit; the topology routes each kind to its topic. Never serialized. */
sealed interface Emit {

  /** A document for {@code games.enriched}; null document = tombstone. */
  record Enriched(EnrichedGame document) implements Emit {}

  /** An event for {@code games.changes}. */
  record Change(GameChangeEvent event) implements Emit {}

  /** A reference update for the game partitions. */
  record Reference(RefUpdate update) implements Emit {}

  /** A rejected record for {@code games.dlq}: original bytes; the reasons travel as headers. */
  record Dead(byte[] key, byte[] value) implements Emit {}
}
