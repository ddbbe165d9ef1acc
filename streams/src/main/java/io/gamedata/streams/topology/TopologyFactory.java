package io.gamedata.streams.topology;

import io.gamedata.contracts.topic.Topics;
import io.gamedata.streams.metrics.PipelineMetrics;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the topology from its settings; {@code main}, the embedded runner and the tests all call
 * it.
 *
 * <pre>
 *  igdb.&lt;reference&gt; x14 ─► reference-router ─┬─► games.dlq
 *                                             └─► reference-updates (internal; by game, or to all)
 *                                                        │
 *  igdb.games ───────────────────────────────────────────┴─► game-processor ─┬─► games.enriched
 *                 stores: game-state, reference-data, reference-index        ├─► games.changes
 *                                                                            └─► games.dlq
 * </pre>
 *
 * One repartition (the reference updates, small) and no other: games are processed on their own
 * partition; covers and involved companies are routed to their game's partition, the other
 * references are multicast to every partition.
 */
public final class TopologyFactory {

  /** Default size of the per-task memo of named references. */
  public static final int DEFAULT_MEMO_ENTRIES = 100_000;

  private TopologyFactory() {}

  /**
   * @param gamePartitions partitions of the games topic (the reference updates get as many)
   */
  public static Topology build(TopicNames topics, int gamePartitions, PipelineMetrics metrics) {
    return build(topics, gamePartitions, metrics, DEFAULT_MEMO_ENTRIES, EmitPolicy.DEFAULT);
  }

  public static Topology build(
      TopicNames topics,
      int gamePartitions,
      PipelineMetrics metrics,
      int memoEntries,
      EmitPolicy policy) {
    return build(topics, gamePartitions, metrics, memoEntries, policy, ReferenceProgress.ALWAYS);
  }

  /**
   * @param progress whether the reference inputs are caught up (see {@link ReferenceProgress})
   */
  public static Topology build(
      TopicNames topics,
      int gamePartitions,
      PipelineMetrics metrics,
      int memoEntries,
      EmitPolicy policy,
      ReferenceProgress progress) {
    if (gamePartitions < 1) {
      throw new IllegalArgumentException("gamePartitions must be >= 1");
    }
    StreamsBuilder builder = new StreamsBuilder();
    ReferenceActivity activity = new ReferenceActivity(gamePartitions);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.GAME_STATE),
                Serdes.Long(),
                Serdes.ByteArray())
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.REFERENCE_DATA),
                Serdes.Long(),
                Serdes.String())
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.REFERENCE_INDEX),
                Serdes.Bytes(),
                Serdes.ByteArray())
            .withCachingEnabled());

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.PENDING_GAMES),
                Serdes.Long(),
                Serdes.ByteArray())
            .withCachingEnabled());

    Serde<RefUpdate> refSerde = new RefUpdateSerde();

    KStream<Long, Emit> routed =
        builder.stream(
                topics.references(),
                Consumed.with(Serdes.Long(), Serdes.ByteArray()).withName("reference-source"))
            .process(
                () -> new ReferenceRouter(topics, metrics, activity), Named.as("reference-router"));
    Map<String, KStream<Long, Emit>> refBranches =
        routed
            .split(Named.as("reference-"))
            .branch((k, v) -> v instanceof Emit.Dead, Branched.as("dead"))
            .defaultBranch(Branched.as("update"));
    toDeadLetters(refBranches.get("reference-dead"), topics, "reference");

    KStream<Long, Inbound> referenceInbound =
        refBranches
            .get("reference-update")
            .mapValues(v -> ((Emit.Reference) v).update(), Named.as("reference-unwrap"))
            .repartition(
                Repartitioned.<Long, RefUpdate>as(StoreNames.REFERENCE_UPDATES)
                    .withKeySerde(Serdes.Long())
                    .withValueSerde(refSerde)
                    .withNumberOfPartitions(gamePartitions)
                    .withStreamPartitioner(new ReferencePartitioner()))
            .mapValues(Inbound::reference, Named.as("reference-inbound"));

    KStream<Long, Inbound> gameInbound =
        builder.stream(
                topics.games(),
                Consumed.with(Serdes.Long(), Serdes.ByteArray()).withName("game-source"))
            .mapValues(Inbound::game, Named.as("game-inbound"));

    KStream<Long, Emit> out =
        gameInbound
            .merge(referenceInbound, Named.as("game-reference-merge"))
            .process(
                () -> new GameProcessor(metrics, memoEntries, policy, progress, activity),
                Named.as("game-processor"),
                StoreNames.GAME_STATE,
                StoreNames.PENDING_GAMES,
                StoreNames.REFERENCE_DATA,
                StoreNames.REFERENCE_INDEX);

    Map<String, KStream<Long, Emit>> outBranches =
        out.split(Named.as("output-"))
            .branch((k, v) -> v instanceof Emit.Enriched, Branched.as("enriched"))
            .branch((k, v) -> v instanceof Emit.Change, Branched.as("change"))
            .defaultBranch(Branched.as("dead"));
    outBranches
        .get("output-enriched")
        .mapValues(v -> ((Emit.Enriched) v).document(), Named.as("enriched-unwrap"))
        .to(
            topics.enriched(),
            Produced.with(Serdes.Long(), Topics.GAMES_ENRICHED.valueSerde())
                .withName("enriched-sink"));
    outBranches
        .get("output-change")
        .mapValues(v -> ((Emit.Change) v).event(), Named.as("change-unwrap"))
        .to(
            topics.changes(),
            Produced.with(Serdes.Long(), Topics.GAMES_CHANGES.valueSerde())
                .withName("change-sink"));
    toDeadLetters(outBranches.get("output-dead"), topics, "game");
    return builder.build();
  }

  private static void toDeadLetters(KStream<Long, Emit> dead, TopicNames topics, String prefix) {
    dead.map(
            (k, v) -> KeyValue.pair(((Emit.Dead) v).key(), ((Emit.Dead) v).value()),
            Named.as(prefix + "-dead-unwrap"))
        .to(
            topics.deadLetters(),
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(prefix + "-dead-sink"));
  }
}
