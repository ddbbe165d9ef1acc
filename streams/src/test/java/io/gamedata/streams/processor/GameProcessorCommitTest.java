package io.gamedata.streams.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.json.Json;
import io.gamedata.streams.metrics.PipelineMetrics;
import io.gamedata.streams.testing.Fixtures;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** The game processor asks for a commit once its input stops, not at every punctuation. */
class GameProcessorCommitTest {

  private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();

  @Test
  void asksForACommitOnceTheInputHasBeenQuietForAWhile() throws Exception {
    Fixtures.gameProcessorStores(context);
    GameProcessor processor =
        new GameProcessor(new PipelineMetrics(), 100, EmitPolicy.DEFAULT, new ReferenceActivity());
    context.setCurrentSystemTimeMs(1_000);
    processor.init(context);
    Punctuator punctuator = context.scheduledPunctuators().get(0).getPunctuator();

    punctuator.punctuate(1_050);
    assertThat(context.committed()).as("nothing read: nothing to commit").isFalse();

    byte[] game = Json.mapper().writeValueAsBytes(Fixtures.fullGame(1, 1_700_000_000L));
    context.setCurrentSystemTimeMs(2_000);
    processor.process(new Record<>(1L, Inbound.game(new byte[8], game), 0L));
    assertThat(context.forwarded()).as("held: its references are unknown").isEmpty();

    context.setCurrentSystemTimeMs(2_000 + GameProcessor.DRAINED_MS - 1);
    punctuator.punctuate(2_000 + GameProcessor.DRAINED_MS - 1);
    assertThat(context.committed()).as("input may still be coming").isFalse();

    context.setCurrentSystemTimeMs(2_000 + GameProcessor.DRAINED_MS);
    punctuator.punctuate(2_000 + GameProcessor.DRAINED_MS);
    assertThat(context.committed()).isTrue();

    context.resetCommit();
    context.setCurrentSystemTimeMs(5_000);
    punctuator.punctuate(5_000);
    assertThat(context.committed()).as("asked once per quiet spell").isFalse();
  }
}
