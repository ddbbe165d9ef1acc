package io.gamedata.producer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import io.gamedata.producer.ProducerContext;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.fetch.BadId;
import io.gamedata.producer.fetch.FetchSummary;
import io.gamedata.producer.fetch.Verification;
import io.gamedata.producer.testing.ItSupport;
import io.gamedata.simulator.IgdbSimulator;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import io.gamedata.simulator.fault.Faults;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bulk fetches from the IGDB simulator into the embedded broker. */
@ExtendWith(KafkaExtension.class)
class FetchIT {

  static final Catalog CATALOG = SyntheticCatalog.generate(2_500, 7);

  @Test
  void completeFetchHasEveryIdExactlyOncePerTopicAndVerifies(KafkaCluster cluster) {
    try (IgdbSimulator igdb = ItSupport.simulator(CATALOG).build().start()) {
      ProducerConfig c = ItSupport.config(cluster, igdb, IgdbEndpoint.values()).build();
      FetchSummary s;
      try (ProducerContext p = ProducerContext.open(c)) {
        s = p.fetch();
        List<Verification.Row> rows = p.verify(c.endpoints(), s);
        assertThat(rows).hasSize(IgdbEndpoint.values().length).allMatch(Verification.Row::ok);
      }
      assertThat(s.badIds()).isEmpty();
      long total = 0;
      for (IgdbEndpoint e : IgdbEndpoint.values()) {
        Set<Long> expected = ItSupport.ids(igdb, e);
        assertThat(expected).as(e.path()).isNotEmpty();
        assertExactlyOnce(e, ItSupport.keyCounts(cluster, c, e), expected);
        assertThat(s.records().get(e)).as(e.path()).isEqualTo(expected.size());
        total += expected.size();
      }
      assertThat(s.totalRecords()).isEqualTo(total);
    }
  }

  @Test
  void stormsOf429ServerErrorsBadIdsAndADyingTokenAreSurvivedAndReported(KafkaCluster cluster)
      throws Exception {
    List<IgdbGame> games = CATALOG.games();
    long bad1 = games.get(games.size() / 3).id();
    long bad2 = games.get(games.size() - 2).id();
    try (IgdbSimulator igdb =
        ItSupport.simulator(CATALOG)
            .rateLimit(25) // the simulator's own limit: real 429s when the client's jitters
            .maxOpenRequests(8)
            .faults(
                Faults.none()
                    .withFailingIds(Set.of(bad1, bad2))
                    .withLatency(Faults.Latency.parse("uniform:5-40")))
            .build()
            .start()) {
      ProducerConfig c =
          ItSupport.config(cluster, igdb, IgdbEndpoint.GAMES)
              .requestsPerSecond(25)
              .maxAttempts(6)
              .build();
      igdb.failNext(12, 429); // a storm of throttling right at the start
      FetchSummary s;
      try (ProducerContext p = ProducerContext.open(c)) {
        CompletableFuture<FetchSummary> run = CompletableFuture.supplyAsync(p::fetch);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> p.fetcherStats().totalRecords() >= 600 || run.isDone());
        assertThat(run).as("still fetching when the token dies").isNotDone();
        long unauthorized = igdb.stats().unauthorized.get();
        igdb.expireTokens(); // the token dies early, mid-run
        igdb.failNext(4, 503); // and IGDB answers a few 5xx
        s = run.get(2, TimeUnit.MINUTES);
        assertThat(igdb.stats().unauthorized.get()).isGreaterThan(unauthorized);
        igdb.failNext(2, 502); // verification survives 5xx too
        assertThat(p.verify(c.endpoints(), s)).allMatch(Verification.Row::ok);
      }
      assertThat(igdb.injectedAnswers()).isEqualTo(12 + 4 + 2);
      assertThat(s.throttled()).isGreaterThanOrEqualTo(12);
      assertThat(s.serverErrors()).isGreaterThanOrEqualTo(4);
      assertThat(s.retries()).isGreaterThanOrEqualTo(4);
      assertThat(s.tokenRenewals()).isGreaterThanOrEqualTo(1);
      assertThat(s.badIds()).extracting(BadId::id).containsExactlyInAnyOrder(bad1, bad2);
      assertThat(s.render()).contains("BAD ID games/" + bad1, "BAD ID games/" + bad2);
      Set<Long> expected = new HashSet<>(ItSupport.ids(igdb, IgdbEndpoint.GAMES));
      expected.remove(bad1);
      expected.remove(bad2);
      assertExactlyOnce(
          IgdbEndpoint.GAMES, ItSupport.keyCounts(cluster, c, IgdbEndpoint.GAMES), expected);
    }
  }

  static void assertExactlyOnce(IgdbEndpoint e, Map<Long, Integer> counts, Set<Long> expected) {
    assertThat(counts.keySet()).as(e.path()).isEqualTo(expected);
    assertThat(counts.values()).as(e.path() + " duplicates").allMatch(n -> n == 1);
  }
}
