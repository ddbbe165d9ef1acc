package io.gamedata.producer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import io.gamedata.producer.ProducerContext;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.sync.SyncService;
import io.gamedata.producer.testing.FakeIgdb;
import io.gamedata.producer.testing.ItSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class SyncIT {

  @Test
  void syncPicksUpCreatesUpdatesDeletesAndSameSecondUpdates(KafkaCluster cluster) throws Exception {
    long t = Instant.now().getEpochSecond();
    try (FakeIgdb igdb = new FakeIgdb()) {
      igdb.add("games", LongStream.rangeClosed(1, 500).boxed().toList(), t - 1000);
      ProducerConfig c =
          ItSupport.config(cluster, igdb, IgdbEndpoint.GAMES)
              .syncOverlap(Duration.ofSeconds(2))
              .build();
      try (ProducerContext p = ProducerContext.open(c)) {
        p.fetch(); // writes the sync cursor: the fetch's start time
        SyncService sync = p.syncService();
        igdb.putNamed("games", 7, t + 5, "seven v2"); // update
        igdb.putNamed("games", 501, t + 5, "new game"); // create
        igdb.remove("games", 42); // delete
        assertThat(sync.poll(IgdbEndpoint.GAMES).published()).isEqualTo(2);
        igdb.putNamed("games", 8, t + 5, "eight v2"); // same second as the cursor, after the poll
        assertThat(sync.poll(IgdbEndpoint.GAMES).published()).isEqualTo(1);
        assertThat(sync.diffDeletes(IgdbEndpoint.GAMES)).containsExactly(42L);
      }
      Map<Long, Object> latest = ItSupport.latest(cluster, c, IgdbEndpoint.GAMES);
      assertThat(((IgdbGame) latest.get(7L)).name()).isEqualTo("seven v2");
      assertThat(((IgdbGame) latest.get(8L)).name()).isEqualTo("eight v2");
      assertThat(((IgdbGame) latest.get(501L)).name()).isEqualTo("new game");
      assertThat(latest).containsEntry(42L, null);
      // the cursor is durable in the compacted state topic: a new process starts from it
      try (ProducerContext again = ProducerContext.open(c)) {
        assertThat(again.syncService().cursor(IgdbEndpoint.GAMES)).isEqualTo(t + 5);
      }
    }
  }
}
