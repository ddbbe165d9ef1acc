package io.gamedata.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.change.GameChangeEvent.Operation;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import io.gamedata.streams.config.StreamsAppConfig;
import io.gamedata.streams.names.StoreNames;
import io.gamedata.streams.names.TopicNames;
import io.gamedata.streams.runtime.StreamsApp;
import io.gamedata.streams.store.GameStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code game.state.store} switched at a restart, on the embedded broker: a catalogue loaded with
 * RocksDB, then the same state directory run with the in-memory store, then with RocksDB again.
 * After each switch, every game is sent again with only {@code updated_at} moved and one game is
 * renamed: the touches are dedupe hits and the rename is one UPDATED event, which holds only when
 * the new store holds every game's state (an empty one would make every game CREATED again). A
 * closed instance has left its consumer groups, so each restart starts at once (the session timeout
 * is left at its 45-s default).
 */
@ExtendWith(KafkaExtension.class)
class GameStateStoreSwitchIT {

  static final int GAMES = 300;

  @TempDir Path dir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void switchingTheGameStateStoreAtARestartKeepsEveryGame(KafkaCluster kafka) throws Exception {
    ItTopics topics = ItTopics.create(kafka);
    Map<IgdbEndpoint, Topic<Long, ? extends IgdbRecord>> raw = topics.raw();
    Topic<Long, GameChangeEvent> changes = topics.changes();
    TopicNames names = topics.names();
    String appId = KafkaCluster.unique("streams-store-switch-it");
    Path state = dir.resolve("state");
    SmallCatalog catalog = new SmallCatalog(GAMES, 11);
    for (IgdbEndpoint e : IgdbEndpoint.references()) {
      produce(kafka, raw.get(e), catalog.records.get(e));
    }
    Topic<Long, ? extends IgdbRecord> games = raw.get(IgdbEndpoint.GAMES);
    Map<Long, IgdbRecord> current = new LinkedHashMap<>(catalog.records.get(IgdbEndpoint.GAMES));
    produce(kafka, games, current);

    try {
      // 1. the catalogue, into RocksDB
      try (StreamsApp app = start(kafka, names, appId, state, GameStateStore.ROCKSDB)) {
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> count(kafka, changes, Operation.CREATED) == GAMES);
      }
      // a closed instance left both groups: the next start does not wait for its session to end
      for (String group : List.of(appId, appId + StreamsApp.REFERENCES_SUFFIX)) {
        assertThat(
                kafka
                    .admin()
                    .describeConsumerGroups(List.of(group))
                    .describedGroups()
                    .get(group)
                    .get(30, TimeUnit.SECONDS)
                    .members())
            .as("members of %s after the close", group)
            .isEmpty();
      }
      try (Stream<Path> files = Files.walk(state)) {
        assertThat(files.anyMatch(p -> p.endsWith(Path.of("rocksdb", StoreNames.GAME_STATE))))
            .as("game-state was in RocksDB")
            .isTrue();
      }

      // 2. in memory, same state directory: every game touched, game 1 renamed
      touchAllAndRename(kafka, topics, current, appId, state, GameStateStore.MEMORY, 1);
      // 3. RocksDB again: every game touched again, game 2 renamed
      touchAllAndRename(kafka, topics, current, appId, state, GameStateStore.ROCKSDB, 2);

      List<GameChangeEvent> events =
          kafka.readAll(changes, Duration.ofSeconds(30)).stream()
              .map(ConsumerRecord::value)
              .toList();
      assertThat(events).hasSize(GAMES + 2);
      assertThat(events.stream().filter(e -> e.op() == Operation.CREATED).count()).isEqualTo(GAMES);
      assertThat(updates(kafka, changes))
          .extracting(GameChangeEvent::gameId, GameChangeEvent::changedFields)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(1L, List.of("name")),
              org.assertj.core.groups.Tuple.tuple(2L, List.of("name")));
      Map<Long, String> latest = new LinkedHashMap<>();
      kafka
          .readAll(topics.enriched(), Duration.ofSeconds(30))
          .forEach(r -> latest.put(r.key(), r.value().name()));
      assertThat(latest)
          .hasSize(GAMES)
          .containsEntry(1L, "Renamed 1")
          .containsEntry(2L, "Renamed 2");
    } finally {
      // the applications' internal topics go with the test's own
      for (String t : kafka.admin().listTopics().names().get(30, TimeUnit.SECONDS)) {
        if (t.startsWith(appId)) {
          kafka.deleteAfterTest(t);
        }
      }
    }
  }

  /**
   * Sends every game of {@code current} again with only {@code updated_at} moved and game {@code
   * renamed} renamed, runs the application on {@code store} until the touches are dedupe hits and
   * the rename is the {@code renamed}-th UPDATED event, and closes it.
   */
  private static void touchAllAndRename(
      KafkaCluster kafka,
      ItTopics topics,
      Map<Long, IgdbRecord> current,
      String appId,
      Path state,
      GameStateStore store,
      long renamed)
      throws Exception {
    resend(
        kafka,
        topics.raw().get(IgdbEndpoint.GAMES),
        current,
        1_700_000_000L + 100 * renamed,
        renamed);
    try (StreamsApp app = start(kafka, topics.names(), appId, state, store)) {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                assertThat(app.metrics()).containsEntry("dedupe_hits", (long) GAMES - 1);
                assertThat(updates(kafka, topics.changes())).hasSize((int) renamed);
              });
    }
  }

  private static StreamsApp start(
      KafkaCluster kafka, TopicNames names, String appId, Path state, GameStateStore store)
      throws Exception {
    StreamsApp app =
        new StreamsApp(
                StreamsAppConfig.builder(kafka.bootstrapServers())
                    .applicationId(appId)
                    .stateDir(state)
                    .topics(names)
                    .set(StreamsAppConfig.GAME_STATE_STORE_CONFIG, store.configValue())
                    .set(StreamsAppConfig.COMMIT_INTERVAL_MS_CONFIG, 200)
                    .set(StreamsAppConfig.NUM_STREAM_THREADS_CONFIG, 1)
                    .build())
            .start();
    app.awaitRunning(Duration.ofSeconds(60));
    return app;
  }

  /**
   * Every game of {@code current} again with {@code updatedAt}, game {@code renamed} with a new
   * name; {@code current} follows.
   */
  private static void resend(
      KafkaCluster kafka,
      Topic<Long, ? extends IgdbRecord> games,
      Map<Long, IgdbRecord> current,
      long updatedAt,
      long renamed) {
    current.replaceAll((id, g) -> ((IgdbGame) g).withUpdatedAt(updatedAt));
    // the same game with only its name (and updated_at) changed
    ObjectNode json = Json.mapper().valueToTree(current.get(renamed));
    json.put("name", "Renamed " + renamed);
    try {
      current.put(renamed, Json.mapper().treeToValue(json, IgdbGame.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    produce(kafka, games, current);
  }

  private static long count(
      KafkaCluster kafka, Topic<Long, GameChangeEvent> changes, Operation op) {
    return kafka.readAll(changes, Duration.ofSeconds(30)).stream()
        .filter(r -> r.value().op() == op)
        .count();
  }

  private static List<GameChangeEvent> updates(
      KafkaCluster kafka, Topic<Long, GameChangeEvent> changes) {
    return kafka.readAll(changes, Duration.ofSeconds(30)).stream()
        .map(ConsumerRecord::value)
        .filter(e -> e.op() == Operation.UPDATED)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static <V extends IgdbRecord> void produce(
      KafkaCluster kafka, Topic<Long, V> topic, Map<Long, ? extends IgdbRecord> records) {
    kafka.produce(topic, (Map<Long, V>) records);
  }
}
