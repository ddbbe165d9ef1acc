package io.gamedata.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.dlq.DeadLetter;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import io.gamedata.streams.config.StreamsAppConfig;
import io.gamedata.streams.names.TopicNames;
import io.gamedata.streams.runtime.StreamsApp;
import io.gamedata.streams.runtime.StreamsMain;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the application in a child JVM on a few thousand games, kills it with {@code
 * destroyForcibly()} mid-way (no close, no commit, an open transaction), restarts it with the same
 * application id and a fresh state directory, and checks that games.enriched ends with exactly one
 * current document per game and games.changes has no duplicate event.
 */
@ExtendWith(KafkaExtension.class)
class StreamsCrashRecoveryIT {

  static final int GAMES = 2000;

  @TempDir Path dir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void crashMidWayThenRestartLeavesOneCurrentDocumentPerGameAndNoDuplicateEvent(KafkaCluster kafka)
      throws Exception {
    ItTopics topics = ItTopics.create(kafka);
    Map<IgdbEndpoint, Topic<Long, ? extends IgdbRecord>> raw = topics.raw();
    Topic<Long, EnrichedGame> enriched = topics.enriched();
    Topic<Long, GameChangeEvent> changes = topics.changes();
    Topic<byte[], byte[]> dlq = topics.dlq();
    TopicNames names = topics.names();
    String appId = KafkaCluster.unique("streams-crash-it");

    SmallCatalog catalog = new SmallCatalog(GAMES, 7);
    for (IgdbEndpoint e : IgdbEndpoint.references()) {
      produce(kafka, raw.get(e), catalog.records.get(e));
    }
    produce(kafka, raw.get(IgdbEndpoint.GAMES), catalog.records.get(IgdbEndpoint.GAMES));
    // two bad records: an invalid game and a key that is not an 8-byte id
    produceBytes(kafka, names.games(), longBytes(GAMES + 1), "{\"id\":" + (GAMES + 1) + "}");
    produceBytes(kafka, names.games(), new byte[] {1, 2, 3}, "{}");

    // 1. the application in a child JVM, killed once it has emitted part of the catalogue
    Path config = writeConfig(kafka, names, appId, dir.resolve("state-a"));
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                StreamsMain.class.getName(),
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> endOffsets(kafka, enriched.name()) >= GAMES / 4);
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    long atCrash = endOffsets(kafka, enriched.name());
    assertThat(atCrash).as("killed mid-way").isLessThan(GAMES * 4L);

    // 2. more changes while it is down: renames, touches, a company rename
    Map<Long, String> expectedNames = new HashMap<>();
    catalog
        .records
        .get(IgdbEndpoint.GAMES)
        .forEach((id, g) -> expectedNames.put(id, ((IgdbGame) g).name()));
    Map<Long, IgdbRecord> updates = new LinkedHashMap<>();
    for (long id = 1; id <= GAMES; id += 10) {
      IgdbGame g = (IgdbGame) catalog.records.get(IgdbEndpoint.GAMES).get(id);
      IgdbGame renamed =
          SmallCatalog.game(id, "Renamed " + id, 1_700_000_100L, new java.util.Random(id));
      updates.put(id, id % 20 == 1 ? renamed : g.withUpdatedAt(1_700_000_050L));
      if (id % 20 == 1) {
        expectedNames.put(id, "Renamed " + id);
      }
    }
    produce(kafka, raw.get(IgdbEndpoint.GAMES), updates);
    produce(
        kafka,
        raw.get(IgdbEndpoint.COMPANIES),
        Map.of(3L, IgdbNamed.of(3, "Company Three Renamed")));

    // 3. restart: same application id, fresh state directory, in this JVM
    StreamsAppConfig restartConfig =
        StreamsAppConfig.builder(kafka.bootstrapServers())
            .applicationId(appId)
            .stateDir(dir.resolve("state-b"))
            .topics(names)
            .set(StreamsAppConfig.COMMIT_INTERVAL_MS_CONFIG, 200)
            .set(StreamsAppConfig.NUM_STREAM_THREADS_CONFIG, 1)
            .set("kafka.streams.session.timeout.ms", 6000)
            .build();
    Map<Long, EnrichedGame> latest = new HashMap<>();
    try (StreamsApp app = new StreamsApp(restartConfig).start()) {
      app.awaitRunning(Duration.ofSeconds(60));
      await()
          .atMost(Duration.ofSeconds(150))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                latest.clear();
                latest.putAll(latestDocuments(kafka, enriched));
                return latest.size() == GAMES
                    && latest.values().stream()
                        .allMatch(
                            d ->
                                d.missingReferences().isEmpty()
                                    && d.name().equals(expectedNames.get(d.id()))
                                    && !d.developers().contains("Company 3")
                                    && !d.publishers().contains("Company 3"));
              });
    }

    // the applications' internal topics go with the test's own
    for (String t : kafka.admin().listTopics().names().get(30, TimeUnit.SECONDS)) {
      if (t.startsWith(appId)) {
        kafka.deleteAfterTest(t);
      }
    }

    // exactly one current document per game, all of them current
    assertThat(latest).hasSize(GAMES);
    assertThat(latest.values())
        .anySatisfy(d -> assertThat(d.developers()).contains("Company Three Renamed"));
    // no duplicate change event, and one CREATED per game
    List<GameChangeEvent> events = new ArrayList<>();
    kafka.readAll(changes, Duration.ofSeconds(30)).forEach(r -> events.add(r.value()));
    Set<String> ids = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (GameChangeEvent ev : events) {
      if (!ids.add(ev.eventId())) {
        duplicates.add(ev.eventId());
      }
    }
    assertThat(duplicates).isEmpty();
    assertThat(events.stream().filter(e -> e.op() == GameChangeEvent.Operation.CREATED).count())
        .isEqualTo(GAMES);
    // both bad records are in the dead-letter topic, once each
    List<ConsumerRecord<byte[], byte[]>> dead = kafka.readAll(dlq, Duration.ofSeconds(30));
    assertThat(dead)
        .extracting(r -> DeadLetter.get(r.headers(), DeadLetter.REASON))
        .hasSize(2)
        .anyMatch(reason -> reason.contains("missing required field: name"))
        .anyMatch(reason -> reason.contains("LongDeserializer"));
  }

  private static Map<Long, EnrichedGame> latestDocuments(
      KafkaCluster kafka, Topic<Long, EnrichedGame> topic) {
    Map<Long, EnrichedGame> latest = new HashMap<>();
    for (ConsumerRecord<Long, EnrichedGame> r : kafka.readAll(topic, Duration.ofSeconds(30))) {
      if (r.value() == null) {
        latest.remove(r.key());
      } else {
        latest.put(r.key(), r.value());
      }
    }
    return latest;
  }

  private static long endOffsets(KafkaCluster kafka, String topic) {
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(
            kafka.consumerConfig(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return c.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  @SuppressWarnings("unchecked")
  private static <V extends IgdbRecord> void produce(
      KafkaCluster kafka, Topic<Long, V> topic, Map<Long, ? extends IgdbRecord> records) {
    kafka.produce(topic, (Map<Long, V>) records);
  }

  private static void produceBytes(KafkaCluster kafka, String topic, byte[] key, String value) {
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(
            kafka.producerConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
      p.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8))).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] longBytes(long v) {
    return new LongSerializer().serialize("", v);
  }

  private static Path writeConfig(KafkaCluster kafka, TopicNames names, String appId, Path state)
      throws Exception {
    Properties p = new Properties();
    p.put(StreamsAppConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(StreamsAppConfig.APPLICATION_ID_CONFIG, appId);
    p.put(StreamsAppConfig.STATE_DIR_CONFIG, state.toString());
    p.put(StreamsAppConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    p.put(StreamsAppConfig.NUM_STREAM_THREADS_CONFIG, "1");
    p.put(StreamsAppConfig.HTTP_PORT_CONFIG, "-1");
    p.put("kafka.streams.session.timeout.ms", "6000");
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      p.put(StreamsAppConfig.topicKey(e), names.raw(e));
    }
    p.put(StreamsAppConfig.TOPIC_ENRICHED_CONFIG, names.enriched());
    p.put(StreamsAppConfig.TOPIC_CHANGES_CONFIG, names.changes());
    p.put(StreamsAppConfig.TOPIC_DLQ_CONFIG, names.deadLetters());
    Path file = Files.createDirectories(state.getParent()).resolve("streams.properties");
    try (OutputStream out = Files.newOutputStream(file)) {
      p.store(out, "child streams application");
    }
    return file;
  }
}
