package io.gamedata.bench;

import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.contracts.json.JsonSerde;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.TopicCreator;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.local.EmbeddedKafkaBroker;
import io.gamedata.streams.config.StreamsAppConfig;
import io.gamedata.streams.runtime.StreamsApp;
import io.gamedata.streams.topology.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * {@code bench/run streams-throughput [--games N] [--threads T] [--seed S]}: loads a synthetic
 * catalogue (games and every reference endpoint) into the raw topics of an embedded broker, then
 * measures (a) a plain consume-transform-produce passthrough of the same records (one consumer, one
 * producer; transform = parse the record into its contract model and write it back) and (b) the
 * streams topology until games.enriched holds every game fully enriched (no missing reference).
 * Prints {@code BENCH streams-throughput games=<n> seconds=<s> records_per_s=<r>
 * passthrough_records_per_s=<p> ratio=<r/p>}.
 */
public final class StreamsThroughputBench {

  private StreamsThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int games = intArg(args, "--games", 350_000);
    int threads = intArg(args, "--threads", 2);
    long seed = intArg(args, "--seed", 42);
    Path work = Files.createTempDirectory("streams-bench-");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start()) {
      String bootstrap = broker.bootstrapServers();
      List<Topic<?, ?>> topics = new ArrayList<>();
      for (Topic<Long, ? extends IgdbRecord> t : Topics.rawTopics()) {
        topics.add(t.withReplicationFactor((short) 1));
      }
      Topic<byte[], byte[]> passOut =
          new Topic<>(
              "bench.passthrough",
              org.apache.kafka.common.serialization.Serdes.ByteArray(),
              org.apache.kafka.common.serialization.Serdes.ByteArray(),
              Topics.GAME_PARTITIONS,
              java.util.Optional.of((short) 1),
              Map.of());
      topics.add(passOut);
      topics.add(Topics.GAMES_ENRICHED.withReplicationFactor((short) 1));
      topics.add(Topics.GAMES_CHANGES.withReplicationFactor((short) 1));
      topics.add(Topics.GAMES_DLQ.withReplicationFactor((short) 1));
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        new TopicCreator(admin).ensure(topics);
      }

      long t0 = System.nanoTime();
      long total = load(bootstrap, games, seed);
      System.out.printf("loaded %d records (%d games) in %.1f s%n", total, games, secondsSince(t0));

      double passSeconds = passthrough(bootstrap, total, passOut.name());
      System.out.printf("passthrough: %d records in %.1f s%n", total, passSeconds);

      double streamsSeconds = topology(bootstrap, games, threads, work);
      double r = total / streamsSeconds;
      double p = total / passSeconds;
      System.out.printf(
          "BENCH streams-throughput games=%d seconds=%.1f records_per_s=%.0f"
              + " passthrough_records_per_s=%.0f ratio=%.2f%n",
          games, streamsSeconds, r, p, r / p);
    } finally {
      deleteRecursively(work);
    }
  }

  /** Produces the catalogue, references first (as a bulk fetch does), then games. */
  static long load(String bootstrap, int games, long seed) throws Exception {
    Map<String, Object> cfg = new HashMap<>();
    cfg.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    cfg.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    cfg.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    cfg.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    long count = 0;
    try (KafkaProducer<Long, byte[]> producer =
        new KafkaProducer<>(cfg, new LongSerializer(), new ByteArraySerializer())) {
      Catalogue c = new Catalogue(games, seed);
      for (IgdbEndpoint e : IgdbEndpoint.references()) {
        count += send(producer, e, c.references(e));
      }
      count += send(producer, IgdbEndpoint.GAMES, c.games());
      producer.flush();
    }
    return count;
  }

  private static long send(
      KafkaProducer<Long, byte[]> producer, IgdbEndpoint e, Iterable<? extends IgdbRecord> rs)
      throws Exception {
    String topic = Topics.raw(e).name();
    long n = 0;
    for (IgdbRecord r : rs) {
      producer.send(new ProducerRecord<>(topic, r.id(), Json.mapper().writeValueAsBytes(r)));
      n++;
    }
    return n;
  }

  /** One consumer and one producer: read, parse into the model, write back, until all copied. */
  static double passthrough(String bootstrap, long total, String outTopic) {
    Map<String, IgdbEndpoint> byTopic = new HashMap<>();
    Map<IgdbEndpoint, JsonSerde<? extends IgdbRecord>> serdes = new EnumMap<>(IgdbEndpoint.class);
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      byTopic.put(Topics.raw(e).name(), e);
      serdes.put(e, new JsonSerde<>(e.model()));
    }
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-passthrough");
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

  /** Runs the application until every game's latest document has no missing reference. */
  static double topology(String bootstrap, int games, int threads, Path work) throws Exception {
    StreamsAppConfig config =
        StreamsAppConfig.builder(bootstrap)
            .applicationId("bench-streams")
            .stateDir(work.resolve("state"))
            .topics(TopicNames.defaults())
            .set(StreamsAppConfig.NUM_STREAM_THREADS_CONFIG, threads)
            .build();
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-enriched-reader");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    byte[] complete = "\"missing_references\":[]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    try (StreamsApp app = new StreamsApp(config).start();
        KafkaConsumer<Long, byte[]> reader =
            new KafkaConsumer<>(c, new LongDeserializer(), new ByteArrayDeserializer())) {
      reader.subscribe(List.of(Topics.GAMES_ENRICHED.name()));
      Set<Long> done = new HashSet<>();
      long emitted = 0;
      long lastReport = System.nanoTime();
      while (done.size() < games) {
        for (ConsumerRecord<Long, byte[]> r : reader.poll(Duration.ofMillis(200))) {
          emitted++;
          if (r.value() != null && contains(r.value(), complete)) {
            done.add(r.key());
          } else {
            done.remove(r.key());
          }
        }
        if (System.nanoTime() - lastReport > 5_000_000_000L) {
          lastReport = System.nanoTime();
          System.out.printf(
              "  %.0f s: %d/%d games complete, %d documents read, metrics %s%n",
              secondsSince(t0), done.size(), games, emitted, app.metrics());
        }
        if (app.streamsState() == org.apache.kafka.streams.KafkaStreams.State.ERROR) {
          throw new IllegalStateException("streams application failed");
        }
      }
      double seconds = secondsSince(t0);
      System.out.printf(
          "topology: %d games complete in %.1f s, %d documents emitted, metrics %s%n",
          games, seconds, emitted, app.metrics());
      return seconds;
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = haystack.length - needle.length; i >= 0; i--) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** A private synthetic catalogue, shaped like IGDB (until the simulator's generator lands). */
  static final class Catalogue {
    final int games;
    final long seed;
    final Map<IgdbEndpoint, Integer> sizes = new EnumMap<>(IgdbEndpoint.class);

    Catalogue(int games, long seed) {
      this.games = games;
      this.seed = seed;
      sizes.put(IgdbEndpoint.GENRES, 23);
      sizes.put(IgdbEndpoint.THEMES, 22);
      sizes.put(IgdbEndpoint.GAME_MODES, 6);
      sizes.put(IgdbEndpoint.PLAYER_PERSPECTIVES, 7);
      sizes.put(IgdbEndpoint.PLATFORMS, 220);
      sizes.put(IgdbEndpoint.GAME_TYPES, 15);
      sizes.put(IgdbEndpoint.GAME_STATUSES, 7);
      sizes.put(IgdbEndpoint.KEYWORDS, Math.max(50, games / 10));
      sizes.put(IgdbEndpoint.COMPANIES, Math.max(50, games / 6));
      sizes.put(IgdbEndpoint.FRANCHISES, Math.max(20, games / 150));
      sizes.put(IgdbEndpoint.COLLECTIONS, Math.max(20, games / 40));
      sizes.put(IgdbEndpoint.GAME_ENGINES, Math.max(10, games / 300));
    }

    List<? extends IgdbRecord> references(IgdbEndpoint e) {
      List<IgdbRecord> out = new ArrayList<>();
      Random r = new Random(seed ^ e.ordinal());
      if (e == IgdbEndpoint.COVERS) {
        for (long g = 1; g <= games; g++) {
          out.add(
              new IgdbCover(
                  coverId(g), g, "co" + Long.toString(g, 36), 264, 374, null, null, 1L, null));
        }
      } else if (e == IgdbEndpoint.INVOLVED_COMPANIES) {
        for (long g = 1; g <= games; g++) {
          int n = involvedCount(g);
          for (int i = 0; i < n; i++) {
            long company = 1 + r.nextInt(sizes.get(IgdbEndpoint.COMPANIES));
            out.add(
                new IgdbInvolvedCompany(
                    involvedId(g, i),
                    company,
                    g,
                    i == 0,
                    i == 1 || n == 1,
                    false,
                    false,
                    null,
                    null,
                    1L,
                    null));
          }
        }
      } else {
        int n = sizes.get(e);
        String label = e.path().replace('_', ' ');
        for (long id = 1; id <= n; id++) {
          out.add(
              IgdbNamed.of(id, label + " " + id + " " + Long.toString(r.nextLong() & 0xffff, 36)));
        }
      }
      return out;
    }

    static long coverId(long game) {
      return 10_000_000 + game;
    }

    static long involvedId(long game, int i) {
      return game * 4 + i;
    }

    static int involvedCount(long game) {
      return 1 + (int) (game % 3);
    }

    List<IgdbGame> games() {
      Random r = new Random(seed);
      List<IgdbGame> out = new ArrayList<>(games);
      for (long id = 1; id <= games; id++) {
        List<Long> ics = new ArrayList<>();
        for (int i = 0; i < involvedCount(id); i++) {
          ics.add(involvedId(id, i));
        }
        out.add(
            new IgdbGame(
                id,
                "Synthetic Game " + id,
                "synthetic-game-" + id,
                "A synthetic game, number " + id + ", for throughput measurements. ".repeat(3),
                r.nextInt(4) == 0 ? "Once upon a time in game " + id + "." : null,
                "https://www.igdb.com/games/synthetic-game-" + id,
                "chk-" + id,
                null,
                946_684_800L + r.nextInt(800_000_000),
                1_300_000_000L,
                1_700_000_000L + r.nextInt(1_000_000),
                r.nextDouble() * 100,
                r.nextInt(500),
                r.nextBoolean() ? r.nextDouble() * 100 : null,
                null,
                r.nextDouble() * 100,
                r.nextInt(600),
                r.nextInt(50),
                coverId(id),
                (long) (1 + r.nextInt(sizes.get(IgdbEndpoint.GAME_TYPES))),
                (long) (1 + r.nextInt(sizes.get(IgdbEndpoint.GAME_STATUSES))),
                null,
                null,
                r.nextInt(3) == 0
                    ? (long) (1 + r.nextInt(sizes.get(IgdbEndpoint.FRANCHISES)))
                    : null,
                pick(r, 1 + r.nextInt(3), IgdbEndpoint.GENRES),
                pick(r, r.nextInt(4), IgdbEndpoint.THEMES),
                pick(r, r.nextInt(10), IgdbEndpoint.KEYWORDS),
                pick(r, 1 + r.nextInt(2), IgdbEndpoint.GAME_MODES),
                pick(r, 1, IgdbEndpoint.PLAYER_PERSPECTIVES),
                pick(r, 1 + r.nextInt(4), IgdbEndpoint.PLATFORMS),
                ics,
                null,
                pick(r, r.nextInt(2), IgdbEndpoint.COLLECTIONS),
                pick(r, r.nextInt(2), IgdbEndpoint.GAME_ENGINES),
                randomIds(r, 10, games),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
      }
      return out;
    }

    private List<Long> pick(Random r, int n, IgdbEndpoint e) {
      return randomIds(r, n, sizes.get(e));
    }

    private static List<Long> randomIds(Random r, int n, int max) {
      List<Long> ids = new ArrayList<>(n);
      while (ids.size() < Math.min(n, max)) {
        long id = 1 + r.nextInt(max);
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
      return ids;
    }
  }

  private static int intArg(String[] args, String name, int def) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return def;
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
