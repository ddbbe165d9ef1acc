package io.gamedata.streams.testing;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.streams.config.StreamsAppConfig;
import io.gamedata.streams.metrics.PipelineMetrics;
import io.gamedata.streams.names.TopicNames;
import io.gamedata.streams.processor.EmitPolicy;
import io.gamedata.streams.runtime.StreamsPropertiesFactory;
import io.gamedata.streams.store.GameStateStore;
import io.gamedata.streams.topology.TopologyFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The topology in a {@link TopologyTestDriver}, with the same properties the application uses. */
public final class TopologyHarness implements AutoCloseable {

  public final PipelineMetrics metrics = new PipelineMetrics();
  public final TopicNames topics = TopicNames.defaults();
  public final TopologyTestDriver driver;
  private final Map<IgdbEndpoint, TestInputTopic<Long, byte[]>> inputs =
      new EnumMap<>(IgdbEndpoint.class);
  public final TestOutputTopic<Long, EnrichedGame> enriched;
  public final TestOutputTopic<Long, GameChangeEvent> changes;
  public final TestOutputTopic<byte[], byte[]> dlq;

  /** With the application's defaults. */
  public TopologyHarness(Path stateDir) {
    this(stateDir, Map.of());
  }

  public TopologyHarness(Path stateDir, GameStateStore store) {
    this(stateDir, Map.of(StreamsAppConfig.GAME_STATE_STORE_CONFIG, store.configValue()));
  }

  /** With application settings on top of the defaults. */
  public TopologyHarness(Path stateDir, Map<String, Object> settings) {
    StreamsAppConfig.Builder builder =
        StreamsAppConfig.builder("dummy:9092").applicationId("topology-test").stateDir(stateDir);
    settings.forEach(builder::set);
    StreamsAppConfig config = builder.build();
    Properties props = StreamsPropertiesFactory.build(config, metrics);
    driver =
        new TopologyTestDriver(
            TopologyFactory.combined(
                topics,
                "topology-test",
                1,
                metrics,
                1000,
                new EmitPolicy(1000, 30_000),
                config.gameStateStore()),
            props);
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      inputs.put(
          e,
          driver.createInputTopic(topics.raw(e), new LongSerializer(), new ByteArraySerializer()));
    }
    enriched =
        driver.createOutputTopic(
            topics.enriched(),
            new LongDeserializer(),
            Topics.GAMES_ENRICHED.valueSerde().deserializer());
    changes =
        driver.createOutputTopic(
            topics.changes(),
            new LongDeserializer(),
            Topics.GAMES_CHANGES.valueSerde().deserializer());
    dlq =
        driver.createOutputTopic(
            topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** Pipes a record as JSON; null = tombstone. */
  public void send(IgdbEndpoint endpoint, long key, IgdbRecord value) {
    inputs.get(endpoint).pipeInput(key, value == null ? null : json(value));
    quiet();
  }

  /** Lets the wall clock pass the emit policy's quiet time: pending games are emitted. */
  public void quiet() {
    if (!streaming) {
      driver.advanceWallClockTime(java.time.Duration.ofMillis(1001));
    }
  }

  /** While true, sends do not let the quiet time pass (references "streaming in"). */
  public boolean streaming;

  /** Advances the wall clock by {@code ms} without piping anything. */
  public void advance(long ms) {
    driver.advanceWallClockTime(java.time.Duration.ofMillis(ms));
  }

  public void sendRaw(IgdbEndpoint endpoint, Long key, String value) {
    inputs
        .get(endpoint)
        .pipeInput(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    quiet();
  }

  /** Pipes raw key and value bytes. */
  public void sendBytes(IgdbEndpoint endpoint, byte[] key, byte[] value) {
    driver
        .createInputTopic(
            topics.raw(endpoint), new ByteArraySerializer(), new ByteArraySerializer())
        .pipeInput(key, value);
    quiet();
  }

  public static byte[] json(Object value) {
    try {
      return Json.mapper().writeValueAsBytes(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Latest document per game id of what was emitted so far (tombstones remove). */
  public Map<Long, EnrichedGame> drainEnriched(Map<Long, EnrichedGame> into) {
    for (TestRecord<Long, EnrichedGame> r : enriched.readRecordsToList()) {
      if (r.value() == null) {
        into.remove(r.key());
      } else {
        into.put(r.key(), r.value());
      }
    }
    return into;
  }

  public List<TestRecord<Long, EnrichedGame>> enrichedRecords() {
    return enriched.readRecordsToList();
  }

  public List<GameChangeEvent> changeEvents() {
    return changes.readValuesToList();
  }

  public Map<Long, EnrichedGame> latest() {
    return drainEnriched(new LinkedHashMap<>());
  }

  @Override
  public void close() {
    driver.close();
  }
}
