package io.gamedata.bench;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.change.GameChangeEvent.Operation;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.EnrichedGameWriter;
import io.gamedata.contracts.json.GameChangeEventWriter;
import io.gamedata.contracts.json.IgdbGameReader;
import io.gamedata.streams.codec.GameStateCodec;
import io.gamedata.streams.domain.ContentFingerprint;
import io.gamedata.streams.domain.Enrichment;
import io.gamedata.streams.domain.GameEnricher;
import io.gamedata.streams.domain.GameState;
import io.gamedata.streams.domain.GameValidator;
import io.gamedata.streams.domain.ReferenceLookup;
import io.gamedata.streams.store.ReverseIndex;

/**
 * The game processor's work for a new game, without Kafka: what {@code GameProcessor} does for each
 * game of a bulk load (read trimmed, validate, enrich with field and content hashes, index its
 * references, encode its state, write the document and the created event). For {@code bench/run
 * streams-game-path}, from the streams module's public parts (the same calls the processor makes).
 */
public final class GamePathProbe {

  private final ReferenceLookup references;
  private ReverseIndex index = new ReverseIndex();

  public GamePathProbe(ReferenceLookup references) {
    this.references = references;
  }

  /** Starts again with an empty reverse index (a new task). */
  public void reset() {
    index = new ReverseIndex();
  }

  /** Processes one raw game; returns the bytes written (state, document, event). */
  public long process(byte[] raw) throws Exception {
    IgdbGame game = IgdbGameReader.readTrimmed(raw);
    if (GameValidator.violation(game.id(), game).isPresent()) {
      throw new IllegalArgumentException("invalid game " + game.id());
    }
    Enrichment e = GameEnricher.enrich(game, references);
    EnrichedGame doc = e.document();
    index.update(game.id(), new long[0], e.dependencies());
    byte[] state =
        GameStateCodec.encode(
            new GameState(
                game, game.updatedAt(), doc.contentHash(), e.fieldHashes(), e.dependencies()),
            !e.complete());
    GameChangeEvent event =
        GameChangeEvent.of(
            game.id(),
            Operation.CREATED,
            ContentFingerprint.nonEmptyFields(e.fieldHashes()),
            doc.updatedAt(),
            doc.contentHash(),
            null);
    return state.length
        + EnrichedGameWriter.write(doc).length
        + GameChangeEventWriter.write(event).length;
  }
}
