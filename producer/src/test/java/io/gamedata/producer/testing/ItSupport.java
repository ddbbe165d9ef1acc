package io.gamedata.producer.testing;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.simulator.IgdbSimulator;
import io.gamedata.simulator.catalog.Catalog;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Shared wiring of the integration tests: the IGDB simulator, unique topic names per test (deleted
 * afterwards), reads of what landed in Kafka.
 */
public final class ItSupport {
  private ItSupport() {}

  /** A simulator over {@code catalog} without rate limits (a test sets the limits it needs). */
  public static IgdbSimulator.Builder simulator(Catalog catalog) {
    return IgdbSimulator.builder().catalog(catalog).rateLimit(0).maxOpenRequests(0);
  }

  /** A config against the simulator and the cluster, with a unique topic suffix. */
  public static ProducerConfig.Builder config(
      KafkaCluster cluster, IgdbSimulator igdb, IgdbEndpoint... endpoints) {
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

  /** The ids the simulator serves for an endpoint now. */
  public static Set<Long> ids(IgdbSimulator igdb, IgdbEndpoint e) {
    return igdb.catalog().records(e).stream().map(IgdbRecord::id).collect(Collectors.toSet());
  }

  /** How many times each key occurs in the topic. */
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
