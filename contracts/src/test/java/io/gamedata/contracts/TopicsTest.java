package io.gamedata.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.dlq.DeadLetter;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import java.util.HashSet;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void everyEndpointHasACompactedRawTopicNamedAfterIt() {
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      Topic<Long, ?> t = Topics.raw(e);
      assertThat(t.name()).isEqualTo("igdb." + e.path());
      assertThat(t.compacted()).as(t.name()).isTrue();
    }
    assertThat(Topics.rawTopics()).hasSize(IgdbEndpoint.values().length);
  }

  @Test
  void topicNamesAreUniqueAndPoliciesMatchTheArchitecture() {
    List<Topic<?, ?>> all = Topics.all();
    assertThat(new HashSet<>(all.stream().map(Topic::name).toList())).hasSize(all.size());
    assertThat(Topics.GAMES_ENRICHED.compacted()).isTrue();
    assertThat(Topics.GAMES_SIMILAR.compacted()).isTrue();
    assertThat(Topics.GAMES_CHANGES.compacted()).isFalse();
    assertThat(Topics.GAMES_DLQ.compacted()).isFalse();
    assertThat(Topics.IGDB_GAMES.partitions()).isEqualTo(Topics.GAMES_ENRICHED.partitions());
    assertThat(Topics.GAMES_ENRICHED.toNewTopic().configs())
        .containsEntry("cleanup.policy", "compact");
  }

  @Test
  void withNameKeepsTheContract() {
    Topic<Long, ?> t = Topics.GAMES_ENRICHED.withName("games.enriched-test-1");
    assertThat(t.name()).isEqualTo("games.enriched-test-1");
    assertThat(t.configs()).isEqualTo(Topics.GAMES_ENRICHED.configs());
    assertThat(t.valueSerde()).isSameAs(Topics.GAMES_ENRICHED.valueSerde());
  }

  @Test
  void deadLetterHeadersCarryReasonAndCoordinates() {
    Headers h =
        DeadLetter.headers(
            "missing required field: name", "igdb.games", 3, 1234L, "validation", "streams");
    assertThat(DeadLetter.get(h, DeadLetter.REASON)).isEqualTo("missing required field: name");
    assertThat(DeadLetter.get(h, DeadLetter.SOURCE_TOPIC)).isEqualTo("igdb.games");
    assertThat(DeadLetter.get(h, DeadLetter.SOURCE_PARTITION)).isEqualTo("3");
    assertThat(DeadLetter.get(h, DeadLetter.SOURCE_OFFSET)).isEqualTo("1234");
    assertThat(DeadLetter.get(h, DeadLetter.EXCEPTION_CLASS)).isEqualTo("validation");
    assertThat(DeadLetter.get(h, DeadLetter.STAGE)).isEqualTo("streams");
    DeadLetter.put(h, DeadLetter.REASON, "other");
    assertThat(DeadLetter.get(h, DeadLetter.REASON)).isEqualTo("other");
    assertThat(h.headers(DeadLetter.REASON)).hasSize(1);
  }
}
