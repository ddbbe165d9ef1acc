package io.gamedata.bench;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.contracts.json.JsonSerde;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.TopicCreator;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.local.EmbeddedKafkaBroker;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import io.gamedata.streams.config.StreamsAppConfig;
import io.gamedata.streams.names.TopicNames;
import io.gamedata.streams.runtime.StreamsApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * {@code bench/run streams-throughput [--games N] [--threads T] [--seed S] [--warmup W] [--restart]
 * [--set key=value]...}: loads a synthetic catalogue (games and every reference endpoint) into the
 * raw topics of an embedded broker, then measures (a) a plain consume-transform-produce passthrough
 * of the same records (one consumer, one producer; transform = parse the record into its contract
 * model and write it back; until its output is flushed and its offsets committed) and (b) the
 * streams topology until it has committed every game (under exactly-once its outputs commit with
 * its input offsets); off the clock, a reader then checks that games.enriched holds a document
 * without missing references for every game. Prints {@code BENCH streams-throughput games=<n>
 * seconds=<s> records_per_s=<r> passthrough_records_per_s=<p> ratio=<r/p>}. With {@code --warmup
 * W}, both first run once on a W-game catalogue in their own topics (prefix {@code warmup.}), so
 * that the measured round compares JIT-compiled code on both sides; the line then ends with {@code
 * warmup_games=W}. Without it (the default) both sides start cold. With {@code --restart}, the
 * application is then closed and started again on its state (see {@link #restart}), and the line
 * ends with {@code restart_seconds=<s>}.
 */
public final class StreamsThroughputBench {

  private StreamsThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int games = intArg(args, "--games", 350_000);
    int threads = intArg(args, "--threads", 2);
    long seed = intArg(args, "--seed", 42);
    int warmup = intArg(args, "--warmup", 0);
    boolean restart = java.util.Arrays.asList(args).contains("--restart");
    Path work = Files.createTempDirectory("streams-bench-");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
      String bootstrap = broker.bootstrapServers();
      if (warmup > 0) {
        // the same code paths once on a smaller catalogue in their own topics and application:
        // the measured round then compares warm code with warm code (JIT compiled)
        System.out.printf("warm-up round: %d games%n", warmup);
        round(bootstrap, "warmup.", warmup, seed + 1, threads, settings(args), work, false);
      }
      double[] f = round(bootstrap, "", games, seed, threads, settings(args), work, restart);
      double r = f[0] / f[2];
      double p = f[0] / f[1];
      System.out.printf(
          "BENCH streams-throughput games=%d seconds=%.1f records_per_s=%.0f"
              + " passthrough_records_per_s=%.0f ratio=%.2f%s%s%n",
          games,
          f[2],
          r,
          p,
          r / p,
          warmup > 0 ? " warmup_games=" + warmup : "",
          restart ? String.format(" restart_seconds=%.1f", f[3]) : "");
    } finally {
      deleteRecursively(work);
    }
  }

  /**
   * Loads a catalogue into topics named with {@code prefix}, runs the passthrough and then the
   * application on them. Returns {records, passthrough seconds, topology seconds, restart seconds
   * (NaN without {@code restart})}.
   */
  static double[] round(
      String bootstrap,
      String prefix,
      int games,
      long seed,
      int threads,
      Map<String, String> settings,
      Path work,
      boolean restart)
      throws Exception {
    List<Topic<?, ?>> topics = new ArrayList<>();
    Map<IgdbEndpoint, String> rawNames = new EnumMap<>(IgdbEndpoint.class);
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      Topic<Long, ? extends IgdbRecord> t = Topics.raw(e);
      rawNames.put(e, prefix + t.name());
      topics.add(t.withName(prefix + t.name()).withReplicationFactor((short) 1));
    }
    Topic<byte[], byte[]> passOut =
        new Topic<>(
            prefix + "bench.passthrough",
            org.apache.kafka.common.serialization.Serdes.ByteArray(),
            org.apache.kafka.common.serialization.Serdes.ByteArray(),
            Topics.GAME_PARTITIONS,
            java.util.Optional.of((short) 1),
            Map.of());
    topics.add(passOut);
    for (Topic<?, ?> t : List.of(Topics.GAMES_ENRICHED, Topics.GAMES_CHANGES, Topics.GAMES_DLQ)) {
      topics.add(t.withName(prefix + t.name()).withReplicationFactor((short) 1));
    }
    TopicNames names =
        new TopicNames(
            rawNames,
            prefix + Topics.GAMES_ENRICHED.name(),
            prefix + Topics.GAMES_CHANGES.name(),
            prefix + Topics.GAMES_DLQ.name());
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      new TopicCreator(admin).ensure(topics);
    }

    long t0 = System.nanoTime();
    long total = load(bootstrap, names, games, seed);
    System.out.printf("loaded %d records (%d games) in %.1f s%n", total, games, secondsSince(t0));

    double passSeconds = passthrough(bootstrap, names, total, passOut.name());
    System.out.printf("passthrough: %d records in %.1f s%n", total, passSeconds);

    long cpu0 = processCpuNanos();
    Map<Long, Long> threads0 = threadCpu();
    double[] streamsSeconds =
        topology(
            bootstrap,
            names,
            prefix.isEmpty() ? "bench-streams" : prefix.replace(".", "") + "-bench-streams",
            games,
            threads,
            settings,
            work.resolve(prefix + "state"),
            restart ? seed : -1);
    // CPU of the whole JVM (topology, embedded broker, reader) while the topology ran: less
    // sensitive than seconds to other work on a shared machine
    System.out.printf("topology cpu: %.1f s%n", (processCpuNanos() - cpu0) / 1e9);
    printThreadCpu(threads0);
    return new double[] {total, passSeconds, streamsSeconds[0], streamsSeconds[1]};
  }

  /** Produces the catalogue, references first (as a bulk fetch does), then games. */
  static long load(String bootstrap, TopicNames names, int games, long seed) throws Exception {
    Map<String, Object> cfg = new HashMap<>();
    cfg.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    cfg.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    cfg.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    cfg.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    long count = 0;
    Catalog c = SyntheticCatalog.generate(games, seed);
    try (KafkaProducer<Long, byte[]> producer =
        new KafkaProducer<>(cfg, new LongSerializer(), new ByteArraySerializer())) {
      for (IgdbEndpoint e : IgdbEndpoint.references()) {
        count += send(producer, names.raw(e), c.records(e));
      }
      count += send(producer, names.games(), c.games());
      producer.flush();
    }
    return count;
  }

  private static long send(
      KafkaProducer<Long, byte[]> producer, String topic, Iterable<? extends IgdbRecord> rs)
      throws Exception {
    long n = 0;
    for (IgdbRecord r : rs) {
      producer.send(new ProducerRecord<>(topic, r.id(), Json.mapper().writeValueAsBytes(r)));
      n++;
    }
    return n;
  }

  /** One consumer and one producer: read, parse into the model, write back, until all copied. */
  static double passthrough(String bootstrap, TopicNames names, long total, String outTopic) {
    Map<String, IgdbEndpoint> byTopic = new HashMap<>();
    Map<IgdbEndpoint, JsonSerde<? extends IgdbRecord>> serdes = new EnumMap<>(IgdbEndpoint.class);
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      byTopic.put(names.raw(e), e);
      serdes.put(e, new JsonSerde<>(e.model()));
    }
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-passthrough-" + outTopic);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    long t0 = System.nanoTime();
    try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      consumer.subscribe(byTopic.keySet());
      long copied = 0;
      while (copied < total) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          copy(serdes.get(byTopic.get(r.topic())), producer, outTopic, r);
          copied++;
        }
        consumer.commitAsync();
      }
      producer.flush();
      consumer.commitSync();
    }
    return secondsSince(t0);
  }

  private static <T extends IgdbRecord> void copy(
      JsonSerde<T> serde,
      KafkaProducer<byte[], byte[]> producer,
      String topic,
      ConsumerRecord<byte[], byte[]> r) {
    producer.send(new ProducerRecord<>(topic, r.key(), serde.toBytes(serde.fromBytes(r.value()))));
  }

  /**
   * Runs the application until it has committed every game it read (under exactly-once its outputs
   * commit with its input offsets), then, off the clock, checks that games.enriched holds a
   * document without missing references for every game. Returns the seconds until that commit (or,
   * should the check fail, until a reader saw the last document it needed) and, with a {@code
   * restartSeed} >= 0 (the catalogue's), the seconds of a restart (see {@link #restart}; else NaN).
   */
  static double[] topology(
      String bootstrap,
      TopicNames names,
      String applicationId,
      int games,
      int threads,
      Map<String, String> settings,
      Path stateDir,
      long restartSeed)
      throws Exception {
    StreamsAppConfig.Builder builder =
        StreamsAppConfig.builder(bootstrap)
            .applicationId(applicationId)
            .stateDir(stateDir)
            .topics(names)
            .set(StreamsAppConfig.NUM_STREAM_THREADS_CONFIG, threads);
    for (Map.Entry<String, String> e : settings.entrySet()) {
      builder.set(e.getKey(), e.getValue());
    }
    StreamsAppConfig config = builder.build();
    double topologySeconds;
    long t0 = System.nanoTime();
    try (StreamsApp app = new StreamsApp(config).start();
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, Long> gamesEnd = endOffsets(admin, names.games());
      long lastReport = System.nanoTime();
      String lastState = "";
      NativeThreadCpu phaseCpu = new NativeThreadCpu();
      Map<Long, Long> appThreads = threadCpu();
      long committedAt;
      while (true) {
        String state = app.state();
        if (!state.equals(lastState)) {
          System.out.printf(
              "  %.1f s: state %s (cpu of the phase before:%s; application threads:%s)%n",
              secondsSince(t0), state, phaseCpu.sinceLast(6), appThreadCpu(appThreads));
          appThreads = threadCpu();
          lastState = state;
        }
        if (state.contains("ERROR")) {
          throw new IllegalStateException("streams application failed");
        }
        if (committedAll(admin, applicationId, gamesEnd)) {
          committedAt = System.nanoTime();
          break;
        }
        if (System.nanoTime() - lastReport > 10_000_000_000L) {
          lastReport = System.nanoTime();
          System.out.printf("  %.0f s: metrics %s%n", secondsSince(t0), app.metrics());
        }
        Thread.sleep(50);
      }
      double seconds = (committedAt - t0) / 1e9;
      System.out.printf(
          "  cpu of the last phase:%s; application threads:%s%n",
          phaseCpu.sinceLast(8), appThreadCpu(appThreads));
      System.out.printf("stream threads cpu: %.1f s%n", streamThreadsCpuNanos() / 1e9);
      System.out.printf(
          "topology: %d games committed after %.1f s, metrics %s%n", games, seconds, app.metrics());
      // off the clock: every game has its document, complete, in what was committed by then
      Map<TopicPartition, Long> enrichedAtCommit =
          endOffsets(admin, names.enriched(), IsolationLevel.READ_COMMITTED);
      long completeAt =
          awaitComplete(bootstrap, names.enriched(), applicationId, games, enrichedAtCommit);
      if (completeAt > 0) {
        seconds = (completeAt - t0) / 1e9;
        System.out.printf(
            "  documents were incomplete at the commit; complete after %.1f s (when read)%n",
            seconds);
      }
      topologySeconds = seconds;
    }
    double restartSeconds =
        restartSeed < 0 ? Double.NaN : restart(bootstrap, names, config, games, restartSeed);
    return new double[] {topologySeconds, restartSeconds};
  }

  /** Games renamed after a restart: enough to land on every partition. */
  static final int RESTART_PROBES = 60;

  /**
   * After a clean close: starts the application again on the same state directory, renames {@link
   * #RESTART_PROBES} games and returns the seconds from the start until all their UPDATED events
   * are committed. A task processes only once its state is restored, and an UPDATED event (not
   * CREATED) shows the game's state was there: the figure is the restart's restore plus a commit.
   */
  static double restart(
      String bootstrap, TopicNames names, StreamsAppConfig config, int games, long seed)
      throws Exception {
    Map<Long, byte[]> renamed = new HashMap<>();
    for (IgdbRecord g : SyntheticCatalog.generate(games, seed).games()) {
      if (renamed.size() == RESTART_PROBES) {
        break;
      }
      com.fasterxml.jackson.databind.node.ObjectNode json = Json.mapper().valueToTree(g);
      json.put("name", json.get("name").asText() + " (renamed)");
      json.put("updated_at", json.get("updated_at").asLong() + 1);
      renamed.put(g.id(), Json.mapper().writeValueAsBytes(json));
    }
    Map<TopicPartition, Long> changesEnd;
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      changesEnd = endOffsets(admin, names.changes());
    }
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (KafkaProducer<Long, byte[]> producer =
        new KafkaProducer<>(p, new LongSerializer(), new ByteArraySerializer())) {
      for (Map.Entry<Long, byte[]> e : renamed.entrySet()) {
        producer.send(new ProducerRecord<>(names.games(), e.getKey(), e.getValue()));
      }
      producer.flush();
    }
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var events = Topics.GAMES_CHANGES.valueSerde().deserializer();
    long t0 = System.nanoTime();
    try (StreamsApp app = new StreamsApp(config).start();
        KafkaConsumer<Long, byte[]> reader =
            new KafkaConsumer<>(c, new LongDeserializer(), new ByteArrayDeserializer())) {
      reader.assign(changesEnd.keySet());
      changesEnd.forEach(reader::seek);
      Set<Long> updated = new HashSet<>();
      Set<Integer> partitions = new HashSet<>();
      long deadline = t0 + 300_000_000_000L;
      while (updated.size() < renamed.size()) {
        if (System.nanoTime() > deadline || app.state().contains("ERROR")) {
          throw new IllegalStateException(
              "restart: " + updated.size() + " of " + renamed.size() + " renames seen");
        }
        for (ConsumerRecord<Long, byte[]> r : reader.poll(Duration.ofMillis(20))) {
          GameChangeEvent e = events.deserialize(names.changes(), r.value());
          if (!renamed.containsKey(e.gameId())) {
            continue;
          }
          if (e.op() != GameChangeEvent.Operation.UPDATED) {
            throw new IllegalStateException("restart: game " + e.gameId() + " was " + e.op());
          }
          updated.add(e.gameId());
          partitions.add(r.partition());
        }
      }
      double seconds = secondsSince(t0);
      System.out.printf(
          "restart: %d renamed games UPDATED (on %d partitions) %.1f s after the start (%s)%n",
          updated.size(), partitions.size(), seconds, app.metrics());
      long withApp = heapAfterGc();
      app.close();
      // the heap the application held: its stores (the game state with game.state.store=memory,
      // the router's references, the global reference table), indexes, memos and client buffers
      System.out.printf(
          "application heap after the restart: %.0f MB (used after a full GC, running minus"
              + " closed)%n",
          (withApp - heapAfterGc()) / 1e6);
      return seconds;
    }
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
    return endOffsets(admin, topic, IsolationLevel.READ_UNCOMMITTED);
  }

  private static Map<TopicPartition, Long> endOffsets(
      Admin admin, String topic, IsolationLevel isolation) throws Exception {
    int partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> end = new HashMap<>();
    admin
        .listOffsets(latest, new ListOffsetsOptions(isolation))
        .all()
        .get()
        .forEach((tp, info) -> end.put(tp, info.offset()));
    return end;
  }

  /** Whether the group's committed offsets reach {@code end} on every partition. */
  private static boolean committedAll(Admin admin, String groupId, Map<TopicPartition, Long> end)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      OffsetAndMetadata c = committed.get(e.getKey());
      if (e.getValue() > 0 && (c == null || c.offset() < e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads games.enriched (read committed) until every game's latest document has no missing
   * reference. Returns 0 when that holds within {@code atCommit} (the offsets committed when the
   * clock stopped), else when (nanoTime) the reader saw the last document it needed. Fails after
   * 120 s.
   */
  private static long awaitComplete(
      String bootstrap,
      String topic,
      String applicationId,
      int games,
      Map<TopicPartition, Long> atCommit) {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-enriched-reader-" + applicationId);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    var documents = Topics.GAMES_ENRICHED.valueSerde().deserializer();
    Set<Long> complete = new HashSet<>();
    boolean pastCommit = false;
    long deadline = System.nanoTime() + 120_000_000_000L;
    try (KafkaConsumer<Long, byte[]> reader =
        new KafkaConsumer<>(c, new LongDeserializer(), new ByteArrayDeserializer())) {
      reader.subscribe(List.of(topic));
      while (true) {
        if (complete.size() == games && !pastCommit) {
          boolean all = true;
          for (TopicPartition tp : reader.assignment()) {
            all &= reader.position(tp) >= atCommit.getOrDefault(tp, 0L);
          }
          if (all && reader.assignment().size() == atCommit.size()) {
            System.out.printf("checked: %d games with a complete document%n", games);
            return 0;
          }
        }
        if (complete.size() == games && pastCommit) {
          return System.nanoTime();
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "only " + complete.size() + " of " + games + " games have a complete document");
        }
        for (ConsumerRecord<Long, byte[]> r : reader.poll(Duration.ofMillis(200))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          pastCommit |= r.offset() >= atCommit.getOrDefault(tp, 0L);
          EnrichedGame doc = r.value() == null ? null : documents.deserialize(topic, r.value());
          if (doc != null && doc.missingReferences().isEmpty()) {
            complete.add(r.key());
          } else {
            complete.remove(r.key());
          }
        }
      }
    }
  }

  /** {@code --set key=value} (repeatable): application settings on top of the defaults. */
  private static Map<String, String> settings(String[] args) {
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--set")) {
        String[] kv = args[i + 1].split("=", 2);
        settings.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    if (!settings.isEmpty()) {
      System.out.println("settings: " + settings);
    }
    return settings;
  }

  private static int intArg(String[] args, String name, int def) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return def;
  }

  private static long streamThreadsCpuNanos() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (java.lang.management.ThreadInfo t : mx.dumpAllThreads(false, false)) {
      if (t.getThreadName().contains("StreamThread-")) {
        sum += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
      }
    }
    return sum;
  }

  private static Map<Long, Long> threadCpu() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : mx.getAllThreadIds()) {
      cpu.put(id, mx.getThreadCpuTime(id));
    }
    return cpu;
  }

  /**
   * CPU seconds of the application's threads since {@code before}, by part and role (e.g. {@code
   * games/StreamThread}, {@code games/GlobalStreamThread}, {@code references/producer}).
   */
  private static String appThreadCpu(Map<Long, Long> before) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> groups = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo t : mx.dumpAllThreads(false, false)) {
      String name = t.getThreadName();
      if (!name.contains("bench-streams")) {
        continue;
      }
      String part = name.contains("-references-") ? "references" : "games";
      String role =
          name.contains("GlobalStreamThread")
              ? "GlobalStreamThread"
              : name.startsWith("kafka-producer")
                  ? "producer"
                  : name.startsWith("kafka-") ? "client" : "StreamThread";
      long delta = mx.getThreadCpuTime(t.getThreadId()) - before.getOrDefault(t.getThreadId(), 0L);
      groups.merge(part + "/" + role, delta, Long::sum);
    }
    StringBuilder b = new StringBuilder();
    groups.forEach((k, v) -> b.append(String.format(" [%s]=%.1f", k, v / 1e9)));
    return b.toString();
  }

  /** CPU seconds per thread group (names without numbers) since {@code before}. */
  private static void printThreadCpu(Map<Long, Long> before) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> groups = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo t : mx.dumpAllThreads(false, false)) {
      long now = mx.getThreadCpuTime(t.getThreadId());
      long delta = now - before.getOrDefault(t.getThreadId(), 0L);
      String name = t.getThreadName().replaceAll("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "*");
      groups.merge(name.replaceAll("[0-9]+", "N"), delta, Long::sum);
    }
    StringBuilder b = new StringBuilder("thread cpu:");
    groups.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(12)
        .forEach(e -> b.append(String.format(" [%s]=%.1f", e.getKey(), e.getValue() / 1e9)));
    System.out.println(b);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }
}
