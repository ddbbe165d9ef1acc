package io.gamedata.kafka.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaExtensionIT {

  static String firstTopic;
  static String firstBootstrap;

  @Test
  @Order(1)
  void givesABrokerAndUniqueTopicsThatRoundTripTypedRecords(KafkaCluster kafka) {
    Topic<Long, GameChangeEvent> topic = kafka.createTopic(Topics.GAMES_CHANGES);
    assertThat(topic.name()).startsWith("games.changes-").isNotEqualTo("games.changes");
    Map<Long, GameChangeEvent> events = new LinkedHashMap<>();
    for (long id = 1; id <= 50; id++) {
      events.put(
          id,
          GameChangeEvent.of(id, GameChangeEvent.Operation.CREATED, null, null, "h" + id, null));
    }
    kafka.produce(topic, events);
    Map<Long, GameChangeEvent> back = new LinkedHashMap<>();
    for (ConsumerRecord<Long, GameChangeEvent> r : kafka.readAll(topic, Duration.ofSeconds(30))) {
      back.put(r.key(), r.value());
    }
    assertThat(back).isEqualTo(events);
    firstTopic = topic.name();
    firstBootstrap = kafka.bootstrapServers();
  }

  @Test
  @Order(2)
  void sameBrokerForTheWholeJvmAndTopicsOfEarlierTestsAreGone(KafkaCluster kafka) throws Exception {
    assertThat(kafka.bootstrapServers()).isEqualTo(firstBootstrap);
    assertThat(kafka.admin().listTopics().names().get(30, TimeUnit.SECONDS))
        .doesNotContain(firstTopic);
  }
}
