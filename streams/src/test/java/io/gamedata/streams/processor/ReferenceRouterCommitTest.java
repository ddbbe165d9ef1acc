package io.gamedata.streams.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.streams.metrics.PipelineMetrics;
import io.gamedata.streams.names.StoreNames;
import io.gamedata.streams.names.TopicNames;
import io.gamedata.streams.store.HashMapStore;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The router asks for a commit when its input goes quiet and every 100 ms while references trickle
 * in; a bulk load commits at Kafka Streams' interval (no request) until it stops.
 */
class ReferenceRouterCommitTest {

  private final MockProcessorContext<Long, Emit> context = new MockProcessorContext<>();
  private final TopicNames topics = TopicNames.defaults();
  private ReferenceRouter router;
  private Punctuator punctuator;
  private long id;

  @BeforeEach
  void start() {
    KeyValueStore<Long, String> values =
        Stores.keyValueStoreBuilder(
                HashMapStore.supplier(StoreNames.REFERENCE_VALUES), Serdes.Long(), Serdes.String())
            .withLoggingDisabled()
            .build();
    values.init(context.getStateStoreContext(), values);
    context.addStateStore(values);
    context.setCurrentSystemTimeMs(1_000);
    router = new ReferenceRouter(topics, new PipelineMetrics(), new ReferenceActivity());
    router.init(context);
    punctuator = context.scheduledPunctuators().get(0).getPunctuator();
    assertThat(context.scheduledPunctuators().get(0).getInterval().toMillis())
        .isEqualTo(ReferenceRouter.COMMIT_CHECK_MS);
  }

  private void readAt(long now) {
    context.setCurrentSystemTimeMs(now);
    context.setRecordMetadata(topics.raw(IgdbEndpoint.GENRES), 0, id);
    id++;
    byte[] key = new LongSerializer().serialize("", id);
    byte[] value =
        ("{\"id\":" + id + ",\"name\":\"Genre " + id + "\"}").getBytes(StandardCharsets.UTF_8);
    router.process(new Record<>(key, value, now));
  }

  /** Punctuates at {@code now}; returns whether the router asked for a commit (and resets). */
  private boolean commitAt(long now) {
    context.setCurrentSystemTimeMs(now);
    punctuator.punctuate(now);
    boolean committed = context.committed();
    context.resetCommit();
    return committed;
  }

  @Test
  void commitsOnceTheInputGoesQuiet() {
    assertThat(commitAt(1_020)).as("nothing read").isFalse();
    readAt(1_030);
    assertThat(commitAt(1_040)).as("input 10 ms ago").isFalse();
    assertThat(commitAt(1_050)).as("quiet for 20 ms").isTrue();
    assertThat(commitAt(1_070)).as("nothing new").isFalse();
  }

  @Test
  void commitsEvery100MsWhileReferencesTrickleIn() {
    int commits = 0;
    for (long t = 1_010; t <= 1_500; t += 10) {
      readAt(t); // one every 10 ms: never quiet for 20 ms
      if (t % 20 == 0 && commitAt(t)) {
        commits++;
      }
    }
    assertThat(commits).isBetween(4, 5);
  }

  @Test
  void aBulkLoadLeavesTheCommitsToKafkaStreamsUntilItStops() {
    int commits = 0;
    for (long t = 1_010; t <= 2_000; t += 10) {
      for (int i = 0; i < 50; i++) {
        readAt(t); // 5,000 a second
      }
      if (t % 20 == 0 && commitAt(t)) {
        commits++;
      }
    }
    assertThat(commits).as("no request while the load streams in").isZero();
    assertThat(commitAt(2_010)).as("input 10 ms ago").isFalse();
    assertThat(commitAt(2_020)).as("the load stopped").isTrue();
  }
}
