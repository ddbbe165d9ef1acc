package io.gamedata.producer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import io.gamedata.producer.ProducerContext;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.fetch.BadId;
import io.gamedata.producer.fetch.FetchSummary;
import io.gamedata.producer.fetch.Verification;
import io.gamedata.producer.testing.FakeIgdb;
import io.gamedata.producer.testing.ItSupport;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class FetchIT {

  FakeIgdb igdb;

  @BeforeEach
  void start() throws Exception {
    igdb = new FakeIgdb();
    igdb.add("genres", LongStream.rangeClosed(1, 23).boxed().toList(), 1000);
    igdb.add("covers", LongStream.rangeClosed(1, 1500).map(i -> i * 3).boxed().toList(), 1000);
    igdb.add("games", LongStream.rangeClosed(1, 4000).boxed().toList(), 1000);
  }

  @AfterEach
  void stop() throws Exception {
    igdb.close();
  }

  @Test
  void completeFetchHasEveryIdExactlyOncePerTopicAndVerifies(KafkaCluster cluster) {
    ProducerConfig c =
        ItSupport.config(
                cluster, igdb, IgdbEndpoint.GENRES, IgdbEndpoint.COVERS, IgdbEndpoint.GAMES)
            .build();
    try (ProducerContext p = ProducerContext.open(c)) {
      FetchSummary s = p.fetch();
      assertThat(s.totalRecords()).isEqualTo(23 + 1500 + 4000);
      List<Verification.Row> rows = p.verify(c.endpoints(), s);
      assertThat(rows).allMatch(Verification.Row::ok);
    }
    assertExactlyOnce(
        ItSupport.keyCounts(cluster, c, IgdbEndpoint.GENRES), LongStream.rangeClosed(1, 23));
    assertExactlyOnce(
        ItSupport.keyCounts(cluster, c, IgdbEndpoint.COVERS),
        LongStream.rangeClosed(1, 1500).map(i -> i * 3));
    assertExactlyOnce(
        ItSupport.keyCounts(cluster, c, IgdbEndpoint.GAMES), LongStream.rangeClosed(1, 4000));
  }

  @Test
  void stormsOf429ServerErrorsBadIdsAndADyingTokenAreSurvivedAndReported(KafkaCluster cluster) {
    igdb.badIds.add(1234L);
    igdb.badIds.add(3999L);
    igdb.failStatus = 429;
    igdb.failNext.set(12);
    igdb.tokenLifetimeRequests = 15;
    ProducerConfig c = ItSupport.config(cluster, igdb, IgdbEndpoint.GAMES).maxAttempts(6).build();
    FetchSummary s;
    try (ProducerContext p = ProducerContext.open(c)) {
      s = p.fetch();
      igdb.failStatus = 503;
      igdb.failNext.set(3);
      assertThat(p.verify(c.endpoints(), s)).allMatch(Verification.Row::ok);
    }
    assertThat(s.throttled()).isGreaterThanOrEqualTo(12);
    assertThat(s.retries()).isGreaterThanOrEqualTo(12);
    assertThat(s.tokenRenewals()).isGreaterThanOrEqualTo(1);
    assertThat(igdb.tokensMinted.get()).isGreaterThanOrEqualTo(2);
    assertThat(s.badIds()).extracting(BadId::id).containsExactlyInAnyOrder(1234L, 3999L);
    assertThat(s.render()).contains("BAD ID games/1234", "BAD ID games/3999");
    assertExactlyOnce(
        ItSupport.keyCounts(cluster, c, IgdbEndpoint.GAMES),
        LongStream.rangeClosed(1, 4000).filter(i -> i != 1234 && i != 3999));
  }

  static void assertExactlyOnce(Map<Long, Integer> counts, LongStream expected) {
    assertThat(counts.keySet()).isEqualTo(expected.boxed().collect(Collectors.toSet()));
    assertThat(counts.values()).allMatch(n -> n == 1);
  }
}
