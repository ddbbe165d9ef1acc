package io.gamedata.streams.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.streams.metrics.PipelineMetrics;
import io.gamedata.streams.testing.Fixtures;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The game processor knows which games have a state without looking each one up: it reads the
 * store's keys at start (a restart, or a task revived after an aborted transaction, on a store
 * restored from its changelog) and must then find every stored game again.
 */
class GameProcessorRestartTest {

  private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
  private final PipelineMetrics metrics = new PipelineMetrics();
  private KeyValueStore<Long, byte[]> states;

  @BeforeEach
  void stores() {
    context.setCurrentSystemTimeMs(1_000);
    states = Fixtures.gameProcessorStores(context);
  }

  /** Emits at once, references found or not (none are loaded here). */
  private GameProcessor started() {
    GameProcessor p =
        new GameProcessor(metrics, 100, new EmitPolicy(0, 0), new ReferenceActivity());
    p.init(context);
    return p;
  }

  private static void send(GameProcessor p, IgdbGame game) throws Exception {
    byte[] raw = Json.mapper().writeValueAsBytes(game);
    p.process(new Record<>(game.id(), Inbound.game(new byte[8], raw), 0L));
  }

  private List<String> events() {
    List<String> events =
        context.forwarded().stream()
            .map(f -> f.record().value())
            .filter(GameChangeEvent.class::isInstance)
            .map(v -> (GameChangeEvent) v)
            .map(e -> e.gameId() + " " + e.op())
            .toList();
    context.resetForwards();
    return events;
  }

  @Test
  void aNewProcessorFindsTheGamesStoredBeforeIt() throws Exception {
    GameProcessor first = started();
    send(first, Fixtures.fullGame(1, 1_700_000_000L));
    send(first, Fixtures.game(2, "Second", 1_700_000_000L));
    assertThat(events()).containsExactly("1 CREATED", "2 CREATED");
    assertThat(states.approximateNumEntries()).isEqualTo(2);

    GameProcessor second = started(); // the same store, as after a restart
    send(second, Fixtures.fullGame(1, 1_700_000_000L));
    send(second, Fixtures.game(2, "Renamed", 1_700_000_100L));
    send(second, Fixtures.game(3, "Third", 1_700_000_000L));
    assertThat(events()).containsExactly("2 UPDATED", "3 CREATED");
    assertThat(metrics.dedupeHits()).isEqualTo(1);
  }

  @Test
  void aProcessorStartedAgainSeesTheStoreAsItIsNow() throws Exception {
    GameProcessor p = started();
    send(p, Fixtures.game(1, "First", 1_700_000_000L));
    assertThat(events()).containsExactly("1 CREATED");

    // a revived task: the store was wiped and restored without it, then the same processor starts
    states.delete(1L);
    p.init(context);
    send(p, Fixtures.game(1, "First", 1_700_000_000L));
    assertThat(events()).containsExactly("1 CREATED");

    // and a state restored from the changelog that this processor never wrote is found
    GameProcessor other = started();
    send(other, Fixtures.game(7, "Seventh", 1_700_000_000L));
    events();
    p.init(context);
    send(p, Fixtures.game(7, "Seventh", 1_700_000_000L));
    assertThat(events()).isEmpty();
  }
}
