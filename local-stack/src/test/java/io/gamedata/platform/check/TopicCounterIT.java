package io.gamedata.platform.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class TopicCounterIT {

  @Test
  void countsLiveKeysIncrementallyAcrossReads(KafkaCluster cluster) {
    Topic<Long, IgdbGame> topic = cluster.createTopic(Topics.IGDB_GAMES);
    Map<Long, IgdbGame> first = new HashMap<>();
    for (long id = 1; id <= 100; id++) {
      first.put(id, game(id));
    }
    cluster.produce(topic, first);

    try (TopicCounter counter = new TopicCounter(cluster.bootstrapServers())) {
      assertThat(counter.liveKeys(topic.name(), Duration.ofSeconds(30))).isEqualTo(100);

      Map<Long, IgdbGame> second = new HashMap<>();
      second.put(5L, null); // tombstone: no longer live
      second.put(6L, null);
      second.put(7L, game(7)); // an update: still one key
      second.put(101L, game(101)); // new
      cluster.produce(topic, second);
      assertThat(counter.liveKeys(topic.name(), Duration.ofSeconds(30))).isEqualTo(99);

      cluster.produce(topic, Map.of(5L, game(5))); // re-created
      assertThat(counter.liveKeys(topic.name(), Duration.ofSeconds(30))).isEqualTo(100);
      assertThat(counter.totalRecords(topic.name())).isEqualTo(105);
    }
    // a fresh counter, reading from the beginning, agrees with the incremental one
    try (TopicCounter fresh = new TopicCounter(cluster.bootstrapServers())) {
      assertThat(fresh.liveKeys(topic.name(), Duration.ofSeconds(30))).isEqualTo(100);
    }
  }

  private static IgdbGame game(long id) {
    try {
      return Json.mapper()
          .readValue("{\"id\":" + id + ",\"name\":\"Game " + id + "\"}", IgdbGame.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
