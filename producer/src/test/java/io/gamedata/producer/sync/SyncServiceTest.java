package io.gamedata.producer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.client.IgdbClient;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.testing.Configs;
import io.gamedata.producer.testing.FakeIgdb;
import io.gamedata.producer.testing.MemorySink;
import io.gamedata.producer.testing.MemoryState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncServiceTest {

  FakeIgdb igdb;
  MemorySink sink = new MemorySink();
  MemoryState state = new MemoryState();
  IgdbClient client;
  SyncService sync;
  BitSet kafka = new BitSet();

  @BeforeEach
  void start() throws Exception {
    igdb = new FakeIgdb();
    igdb.add("games", LongStream.rangeClosed(1, 300).boxed().toList(), 1000);
    ProducerConfig config =
        Configs.fast(igdb, IgdbEndpoint.GAMES)
            .pageSize(50)
            .syncOverlap(Duration.ofSeconds(5))
            .build();
    client = new IgdbClient(config);
    state.put("sync/games", "{\"cursor\":1000}");
    sync =
        new SyncService(
            config,
            client,
            sink,
            state,
            e -> kafka,
            Clock.fixed(Instant.ofEpochSecond(2000), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    igdb.close();
  }

  @Test
  void picksUpUpdatesAndCreatesAndMovesTheCursor() {
    sync.poll(IgdbEndpoint.GAMES); // the 300 records at the cursor second itself
    sink.published.clear();
    igdb.put("games", 7, 1010);
    igdb.put("games", 301, 1011);
    SyncService.PollResult r = sync.poll(IgdbEndpoint.GAMES);
    assertThat(sink.ids(IgdbEndpoint.GAMES)).containsExactlyInAnyOrder(7L, 301L);
    assertThat(r.cursor()).isEqualTo(1011);
    assertThat(state.map.get("sync/games")).isEqualTo("{\"cursor\":1011}");
  }

  @Test
  void sameSecondUpdatesAreNotMissedAndUnchangedRecordsNotRepublished() {
    igdb.put("games", 10, 1500);
    sync.poll(IgdbEndpoint.GAMES);
    sink.published.clear();
    // another record updated in the very second of the cursor, after the poll
    igdb.put("games", 11, 1500);
    sync.poll(IgdbEndpoint.GAMES);
    assertThat(sink.ids(IgdbEndpoint.GAMES)).containsExactly(11L);
    sink.published.clear();
    // polled again with nothing changed: the overlap re-reads, nothing is published twice
    sync.poll(IgdbEndpoint.GAMES);
    assertThat(sink.ids(IgdbEndpoint.GAMES)).isEmpty();
    // the same record changed again within that second: same updated_at, new content
    igdb.putNamed("games", 11, 1500, "renamed");
    sync.poll(IgdbEndpoint.GAMES);
    assertThat(sink.ids(IgdbEndpoint.GAMES)).containsExactly(11L);
  }

  @Test
  void afullPageWithinOneSecondIsPagedById() {
    // 300 records share updated_at 1000, pages hold 50: keyset on updated_at alone would loop
    state.put("sync/games", "{\"cursor\":990}");
    SyncService.PollResult r = sync.poll(IgdbEndpoint.GAMES);
    assertThat(sink.ids(IgdbEndpoint.GAMES)).hasSize(300).doesNotHaveDuplicates();
    assertThat(r.cursor()).isEqualTo(1000);
  }

  @Test
  void deletesFoundByIdDiffBecomeTombstones() {
    kafka.set(1, 301); // ids 1..300 live in Kafka
    igdb.remove("games", 42);
    igdb.remove("games", 299);
    assertThat(sync.diffDeletes(IgdbEndpoint.GAMES)).containsExactly(42L, 299L);
    assertThat(sink.deleted.get(IgdbEndpoint.GAMES)).containsExactly(42L, 299L);
  }

  @Test
  void idZeroIsARecordLikeAnyOther() {
    // game_types and game_statuses start at id 0 ("Main Game", "Released")
    igdb.add("game_types", LongStream.rangeClosed(0, 14).boxed().toList(), 1000);
    kafka.set(0, 15);
    assertThat(sync.diffDeletes(IgdbEndpoint.GAME_TYPES)).isEmpty();
    assertThat(sink.deleted.getOrDefault(IgdbEndpoint.GAME_TYPES, java.util.List.of())).isEmpty();
    igdb.remove("game_types", 0);
    assertThat(sync.diffDeletes(IgdbEndpoint.GAME_TYPES)).containsExactly(0L);

    // a same-second page starts before id 0
    igdb.add("game_statuses", LongStream.rangeClosed(0, 7).boxed().toList(), 1000);
    state.put("sync/game_statuses", "{\"cursor\":1000}");
    sync.poll(IgdbEndpoint.GAME_STATUSES);
    assertThat(sink.ids(IgdbEndpoint.GAME_STATUSES)).contains(0L).hasSize(8);
  }
}
