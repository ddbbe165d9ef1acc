package io.gamedata.streams.it;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.streams.names.TopicNames;
import java.util.EnumMap;
import java.util.Map;

/**
 * An integration test's raw, output and dead-letter topics, created (uniquely named) on its broker.
 */
record ItTopics(
    Map<IgdbEndpoint, Topic<Long, ? extends IgdbRecord>> raw,
    Topic<Long, EnrichedGame> enriched,
    Topic<Long, GameChangeEvent> changes,
    Topic<byte[], byte[]> dlq) {

  static ItTopics create(KafkaCluster kafka) {
    Map<IgdbEndpoint, Topic<Long, ? extends IgdbRecord>> raw = new EnumMap<>(IgdbEndpoint.class);
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      raw.put(e, kafka.createTopic(Topics.raw(e)));
    }
    return new ItTopics(
        raw,
        kafka.createTopic(Topics.GAMES_ENRICHED),
        kafka.createTopic(Topics.GAMES_CHANGES),
        kafka.createTopic(Topics.GAMES_DLQ));
  }

  /** The names, for the application's settings. */
  TopicNames names() {
    Map<IgdbEndpoint, String> rawNames = new EnumMap<>(IgdbEndpoint.class);
    raw.forEach((e, t) -> rawNames.put(e, t.name()));
    return new TopicNames(rawNames, enriched.name(), changes.name(), dlq.name());
  }
}
