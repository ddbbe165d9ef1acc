package io.gamedata.producer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.kafka.local.EmbeddedKafkaBroker;
import io.gamedata.producer.ProducerContext;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.fetch.FetchSummary;
import io.gamedata.producer.publish.TopicIds;
import io.gamedata.producer.testing.Configs;
import io.gamedata.producer.testing.ItSupport;
import io.gamedata.simulator.IgdbSimulator;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import io.gamedata.simulator.fault.Faults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker restart in the middle of a fetch loses nothing: the idempotent producer waits. */
class BrokerRestartIT {

  @Test
  void brokerRestartDuringTheFetchLosesNothing(@TempDir Path data) throws Exception {
    int games = 5000;
    try (IgdbSimulator igdb =
            ItSupport.simulator(SyntheticCatalog.generate(games, 5))
                .faults(Faults.none().withLatency(Faults.Latency.parse("fixed:30")))
                .build()
                .start();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(data).build().start()) {
      ProducerConfig c =
          Configs.fast(igdb, IgdbEndpoint.GAMES)
              .kafkaBootstrapServers(broker.bootstrapServers())
              .requestsPerSecond(12)
              .build();
      try (ProducerContext p = ProducerContext.open(c)) {
        CompletableFuture<FetchSummary> run = CompletableFuture.supplyAsync(p::fetch);
        await().atMost(Duration.ofSeconds(60)).until(() -> p.fetcherStats().totalRecords() >= 800);
        assertThat(run).isNotDone();
        broker.restart();
        FetchSummary s = run.get(4, TimeUnit.MINUTES);
        assertThat(s.records().get(IgdbEndpoint.GAMES)).isEqualTo(games);
      }
      TopicIds.Result ids =
          TopicIds.read(
              broker.bootstrapServers(), c.topicFor(IgdbEndpoint.GAMES), Duration.ofSeconds(60));
      assertThat(ids.count()).isEqualTo(games);
      BitSet expected = new BitSet();
      ItSupport.ids(igdb, IgdbEndpoint.GAMES).forEach(id -> expected.set(id.intValue()));
      assertThat(ids.live()).isEqualTo(expected);
    }
  }
}
