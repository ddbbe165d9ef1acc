package io.gamedata.producer.testing;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.producer.config.ProducerConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Shared wiring of the integration tests: unique topic names per test, deleted afterwards. */
public final class ItSupport {
  private ItSupport() {}

  /** A config against {@code igdb} and the cluster, with a unique topic suffix. */
  public static ProducerConfig.Builder config(
      KafkaCluster cluster, FakeIgdb igdb, IgdbEndpoint... endpoints) {
    String suffix = "-" + KafkaCluster.unique("t");
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      cluster.deleteAfterTest(Topics.raw(e).name() + suffix);
    }
    cluster.deleteAfterTest(Topics.SYNC_CURSORS.name() + suffix);
    return Configs.fast(igdb, endpoints)
        .kafkaBootstrapServers(cluster.bootstrapServers())
        .topicSuffix(suffix);
  }

  public static Topic<Long, ?> topic(ProducerConfig c, IgdbEndpoint e) {
    return Topics.raw(e).withName(c.topicFor(e));
  }

  /** How many times each key occurs in the topic, and which keys' latest value is a tombstone. */
  public static Map<Long, Integer> keyCounts(
      KafkaCluster cluster, ProducerConfig c, IgdbEndpoint e) {
    Map<Long, Integer> counts = new HashMap<>();
    List<? extends ConsumerRecord<Long, ?>> all =
        cluster.readAll(topic(c, e), Duration.ofSeconds(60));
    for (ConsumerRecord<Long, ?> r : all) {
      counts.merge(r.key(), 1, Integer::sum);
    }
    return counts;
  }

  /** Latest value per key (null = tombstone). */
  public static Map<Long, Object> latest(KafkaCluster cluster, ProducerConfig c, IgdbEndpoint e) {
    Map<Long, Object> m = new HashMap<>();
    for (ConsumerRecord<Long, ?> r : cluster.readAll(topic(c, e), Duration.ofSeconds(60))) {
      m.put(r.key(), r.value());
    }
    return m;
  }
}
