package io.gamedata.producer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import io.gamedata.producer.ProducerContext;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.sync.SyncService;
import io.gamedata.producer.testing.ItSupport;
import io.gamedata.simulator.IgdbSimulator;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import io.gamedata.simulator.live.LiveFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Incremental sync against the simulator's changing catalogue. */
@ExtendWith(KafkaExtension.class)
class SyncIT {

  static IgdbGame renamed(IgdbGame g, String name, long updatedAt) {
    ObjectNode n = Json.mapper().valueToTree(g);
    n.put("name", name);
    n.put("updated_at", updatedAt);
    return Json.mapper().convertValue(n, IgdbGame.class);
  }

  @Test
  void syncPicksUpCreatesUpdatesDeletesAndSameSecondUpdates(KafkaCluster cluster) {
    try (IgdbSimulator igdb =
        ItSupport.simulator(SyntheticCatalog.generate(400, 9)).build().start()) {
      ProducerConfig c =
          ItSupport.config(cluster, igdb, IgdbEndpoint.GAMES)
              .syncOverlap(Duration.ofSeconds(2))
              .build();
      List<IgdbGame> games = igdb.catalog().games();
      IgdbGame a = games.get(6);
      IgdbGame b = games.get(7);
      long t = Instant.now().getEpochSecond() + 5; // later than anything the fetch saw
      long created;
      long deleted;
      try (ProducerContext p = ProducerContext.open(c)) {
        p.fetch(); // writes the sync cursor: the fetch's start time
        SyncService sync = p.syncService();
        assertThat(sync.poll(IgdbEndpoint.GAMES).published()).as("nothing changed").isZero();

        igdb.catalog().put(IgdbEndpoint.GAMES, renamed(a, "A v2", t)); // update
        LiveFeed.Applied applied = igdb.live().apply(1, 0, 1, 0); // a new game, a delete
        created = applied.created().get(0);
        deleted = applied.deleted().get(0);
        SyncService.PollResult first = sync.poll(IgdbEndpoint.GAMES);
        assertThat(first.published()).isEqualTo(2);
        assertThat(first.cursor()).isEqualTo(t);

        // after the poll, still within the cursor's second: another game, and A changed again
        igdb.catalog().put(IgdbEndpoint.GAMES, renamed(b, "B v2", t));
        igdb.catalog().put(IgdbEndpoint.GAMES, renamed(a, "A v3", t));
        assertThat(sync.poll(IgdbEndpoint.GAMES).published()).isEqualTo(2);
        // re-reading the overlap publishes nothing again
        assertThat(sync.poll(IgdbEndpoint.GAMES).published()).isZero();
        assertThat(sync.diffDeletes(IgdbEndpoint.GAMES)).containsExactly(deleted);
      }
      Map<Long, Object> latest = ItSupport.latest(cluster, c, IgdbEndpoint.GAMES);
      assertThat(((IgdbGame) latest.get(a.id())).name()).isEqualTo("A v3");
      assertThat(((IgdbGame) latest.get(b.id())).name()).isEqualTo("B v2");
      assertThat(latest.get(created)).isEqualTo(igdb.catalog().game(created).orElseThrow());
      assertThat(latest).containsEntry(deleted, null);
      assertThat(latest.keySet()).hasSize(400 + 1);
      // the cursor is durable in the compacted state topic: a new process starts from it
      try (ProducerContext again = ProducerContext.open(c)) {
        assertThat(again.syncService().cursor(IgdbEndpoint.GAMES)).isEqualTo(t);
      }
    }
  }
}
