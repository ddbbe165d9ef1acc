package io.gamedata.streams.topology;

import io.gamedata.contracts.topic.Topics;
import io.gamedata.streams.codec.RefUpdateSerde;
import io.gamedata.streams.metrics.PipelineMetrics;
import io.gamedata.streams.names.StoreNames;
import io.gamedata.streams.names.TopicNames;
import io.gamedata.streams.processor.Emit;
import io.gamedata.streams.processor.EmitPolicy;
import io.gamedata.streams.processor.GameKeyDecoder;
import io.gamedata.streams.processor.GameProcessor;
import io.gamedata.streams.processor.Inbound;
import io.gamedata.streams.processor.ReferenceActivity;
import io.gamedata.streams.processor.ReferenceGlobalWriter;
import io.gamedata.streams.processor.ReferenceRouter;
import io.gamedata.streams.store.GameStateStore;
import io.gamedata.streams.store.HashMapStore;
import io.gamedata.streams.store.ReferenceTable;
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
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the topology from its settings; {@code main}, the embedded runner and the tests all call
 * it.
 *
 * <pre>
 *  igdb.&lt;reference&gt; x14 ─► reference-router ─┬─► games.dlq
 *        store reference-values (changelog) ──┐  └─► reference-updates (internal: changes of
 *                                             ▼       known references, to every partition)
 *                     global store reference-global-v2        │
 *                                             │ (read)        ▼
 *  igdb.games ────────────────────────────────┴──────► game-processor ─┬─► games.enriched
 *                 store game-state (+ reverse index in memory)         ├─► games.changes
 *                                                                      └─► games.dlq
 * </pre>
 *
 * The router keeps every valid reference in {@code reference-values}; that store's changelog is the
 * source of the global store, so every instance holds all references, a fresh start reads them all
 * before the first game, and a game is enriched and written once, when it arrives. Only the change
 * of a reference already known travels to the game partitions, whose reverse index finds the games
 * to enrich again.
 */
public final class TopologyFactory {

  /** Default size of the per-task memo of named references. */
  public static final int DEFAULT_MEMO_ENTRIES = 100_000;

  private TopologyFactory() {}

  /**
   * Both parts in one topology, as one application (the tests; the application runs them as two,
   * see {@link #references} and {@link #games}).
   *
   * @param applicationId the application id (names the internal topics)
   * @param gamePartitions partitions of the games topic (the reference updates get as many)
   */
  public static Topology combined(
      TopicNames topics,
      String applicationId,
      int gamePartitions,
      PipelineMetrics metrics,
      int memoEntries,
      EmitPolicy policy,
      GameStateStore store) {
    StreamsBuilder builder = new StreamsBuilder();
    String updates = StoreNames.referenceUpdatesTopic(applicationId);
    ReferenceActivity activity = new ReferenceActivity();
    addRouter(builder, topics, updates, metrics, activity);
    addGames(
        builder,
        topics,
        StoreNames.referenceValuesTopic(applicationId),
        updates,
        gamePartitions,
        metrics,
        memoEntries,
        policy,
        activity,
        store);
    return builder.build();
  }

  /**
   * The reference part: the router, its {@code reference-values} store, the dead letters of the
   * reference topics and the announced changes to {@code updatesTopic}.
   */
  public static Topology references(
      TopicNames topics, String updatesTopic, PipelineMetrics metrics, ReferenceActivity activity) {
    StreamsBuilder builder = new StreamsBuilder();
    addRouter(builder, topics, updatesTopic, metrics, activity);
    return builder.build();
  }

  /**
   * The game part: the global reference store read from {@code valuesTopic} (the changelog of the
   * router's store), the game processor and its outputs.
   */
  public static Topology games(
      TopicNames topics,
      String valuesTopic,
      String updatesTopic,
      int gamePartitions,
      PipelineMetrics metrics,
      int memoEntries,
      EmitPolicy policy,
      ReferenceActivity activity,
      GameStateStore store) {
    StreamsBuilder builder = new StreamsBuilder();
    addGames(
        builder,
        topics,
        valuesTopic,
        updatesTopic,
        gamePartitions,
        metrics,
        memoEntries,
        policy,
        activity,
        store);
    return builder.build();
  }

  private static void addRouter(
      StreamsBuilder builder,
      TopicNames topics,
      String updatesTopic,
      PipelineMetrics metrics,
      ReferenceActivity activity) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                // in memory (~120 bytes per reference, restored from its changelog at each start):
                // RocksDB copies its Position for every logged write (one entry per partition of
                // the 14 source topics), ~10% of the router's time in a bulk load; on a hash map,
                // which the router's lookups by key need (see HashMapStore)
                HashMapStore.supplier(StoreNames.REFERENCE_VALUES), Serdes.Long(), Serdes.String())
            // no record cache: a bulk load writes each reference once, and the cache's lookups,
            // flushes and position copies took about a third of the router's time
            .withCachingDisabled());
    KStream<Long, Emit> routed =
        builder.stream(
                topics.references(),
                // keys decoded by the router, not the source: see IdKeys
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("reference-source"))
            .process(
                () -> new ReferenceRouter(topics, metrics, activity),
                Named.as("reference-router"),
                StoreNames.REFERENCE_VALUES);
    Map<String, KStream<Long, Emit>> refBranches =
        routed
            .split(Named.as("reference-"))
            .branch((k, v) -> v instanceof Emit.Dead, Branched.as("dead"))
            .defaultBranch(Branched.as("update"));
    toDeadLetters(refBranches.get("reference-dead"), topics, "reference");
    refBranches
        .get("reference-update")
        .mapValues(v -> ((Emit.Reference) v).update(), Named.as("reference-unwrap"))
        .to(
            updatesTopic,
            Produced.with(Serdes.Long(), new RefUpdateSerde())
                .withStreamPartitioner(new ReferencePartitioner())
                .withName("reference-updates-sink"));
  }

  private static void addGames(
      StreamsBuilder builder,
      TopicNames topics,
      String valuesTopic,
      String updatesTopic,
      int gamePartitions,
      PipelineMetrics metrics,
      int memoEntries,
      EmitPolicy policy,
      ReferenceActivity activity,
      GameStateStore store) {
    if (gamePartitions < 1) {
      throw new IllegalArgumentException("gamePartitions must be >= 1");
    }
    builder.addStateStore(
        Stores.keyValueStoreBuilder(store.gameState(), Serdes.Long(), Serdes.ByteArray())
            .withCachingEnabled());
    // the router's changelog copied into a table in memory (see ReferenceTable): the game tasks
    // read it for every cover and involved company (each read once, so past the memo) and every
    // memo miss; ~125 bytes per reference (~55 MB at 440k), rebuilt from the topic at every start
    builder.addGlobalStore(
        ReferenceTable.builder(StoreNames.REFERENCE_GLOBAL),
        valuesTopic,
        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("reference-global-source"),
        ReferenceGlobalWriter::new);

    KStream<Long, Inbound> referenceInbound =
        builder.stream(
                updatesTopic,
                Consumed.with(Serdes.Long(), new RefUpdateSerde())
                    .withName("reference-updates-source"))
            .mapValues(Inbound::reference, Named.as("reference-inbound"));

    KStream<Long, Inbound> gameInbound =
        builder.stream(
                topics.games(),
                // keys decoded in the topology, not the source: see IdKeys
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("game-source"))
            .process(GameKeyDecoder::new, Named.as("game-inbound"));

    KStream<Object, Object> out =
        gameInbound
            .merge(referenceInbound, Named.as("game-reference-merge"))
            .process(
                () -> new GameProcessor(metrics, memoEntries, policy, activity),
                Named.as("game-processor"),
                StoreNames.GAME_STATE);
    // the processor forwards each output to its sink by name: no branch and unwrap nodes per
    // record (their forwarding was ~3% of the game threads' time in a 350k-game load)
    out.to(
        topics.enriched(),
        Produced.with(any(Serdes.Long()), any(Topics.GAMES_ENRICHED.valueSerde()))
            .withName(GameProcessor.ENRICHED_SINK));
    out.to(
        topics.changes(),
        Produced.with(any(Serdes.Long()), any(Topics.GAMES_CHANGES.valueSerde()))
            .withName(GameProcessor.CHANGE_SINK));
    out.to(
        topics.deadLetters(),
        Produced.with(any(Serdes.ByteArray()), any(Serdes.ByteArray()))
            .withName(GameProcessor.DEAD_SINK));
  }

  /** A serde for a sink fed by a processor that forwards values of several types by sink name. */
  @SuppressWarnings("unchecked")
  private static Serde<Object> any(Serde<?> serde) {
    return (Serde<Object>) serde;
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
