package io.gamedata.producer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.client.IgdbClient;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.publish.RawCopyWriter;
import io.gamedata.producer.testing.Configs;
import io.gamedata.producer.testing.FakeIgdb;
import io.gamedata.producer.testing.MemorySink;
import io.gamedata.producer.testing.MemoryState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkFetcherTest {

  FakeIgdb igdb;
  MemorySink sink = new MemorySink();
  MemoryState state = new MemoryState();

  @BeforeEach
  void start() throws Exception {
    igdb = new FakeIgdb();
    igdb.add("genres", LongStream.rangeClosed(1, 23).boxed().toList(), 1000);
    igdb.add("games", LongStream.rangeClosed(1, 2345).boxed().toList(), 1000);
    // sparse ids with a gap
    igdb.add("covers", LongStream.rangeClosed(1, 900).map(i -> i * 7).boxed().toList(), 1000);
  }

  @AfterEach
  void stop() throws Exception {
    igdb.close();
  }

  private FetchSummary fetch(ProducerConfig config) {
    try (IgdbClient client = new IgdbClient(config)) {
      return new BulkFetcher(config, client, sink, state, Optional.empty(), Clock.systemUTC())
          .run();
    }
  }

  private static void assertExactlyOnce(List<Long> ids, LongStream expected) {
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids)).isEqualTo(new HashSet<>(expected.boxed().toList()));
  }

  @Test
  void completeFetchPublishesEveryIdExactlyOnceWithFewRequests() {
    FetchSummary s =
        fetch(
            Configs.fast(igdb, IgdbEndpoint.GENRES, IgdbEndpoint.COVERS, IgdbEndpoint.GAMES)
                .build());
    assertExactlyOnce(sink.ids(IgdbEndpoint.GENRES), LongStream.rangeClosed(1, 23));
    assertExactlyOnce(sink.ids(IgdbEndpoint.GAMES), LongStream.rangeClosed(1, 2345));
    assertExactlyOnce(
        sink.ids(IgdbEndpoint.COVERS), LongStream.rangeClosed(1, 900).map(i -> i * 7));
    assertThat(s.totalRecords()).isEqualTo(23 + 2345 + 900);
    assertThat(s.badIds()).isEmpty();
    // pages needed at 100 per page: 1 + 24 + 9 = 34, plus one max-id query per large endpoint
    // and at most one short page per range
    assertThat(s.requests()).isLessThanOrEqualTo(34 + 2 + 8);
    assertThat(igdb.userAgents).allMatch(ua -> ua.startsWith("gamedata-producer/"));
  }

  @Test
  void multiqueryFetchIsComplete() {
    FetchSummary s =
        fetch(Configs.fast(igdb, IgdbEndpoint.GENRES, IgdbEndpoint.GAMES).multiquery(true).build());
    assertExactlyOnce(sink.ids(IgdbEndpoint.GAMES), LongStream.rangeClosed(1, 2345));
    assertExactlyOnce(sink.ids(IgdbEndpoint.GENRES), LongStream.rangeClosed(1, 23));
    assertThat(s.requests()).isLessThan(24);
  }

  @Test
  void badIdsAreBisectedRecordedAndTheRestIsFetched() {
    igdb.badIds.add(777L);
    igdb.badIds.add(2345L); // in the open-ended last range
    FetchSummary s = fetch(Configs.fast(igdb, IgdbEndpoint.GAMES).build());
    assertExactlyOnce(
        sink.ids(IgdbEndpoint.GAMES),
        LongStream.rangeClosed(1, 2345).filter(i -> i != 777 && i != 2345));
    assertThat(s.badIds()).extracting(BadId::id).containsExactlyInAnyOrder(777L, 2345L);
    assertThat(s.badIds()).allMatch(b -> b.status() == 500 && b.endpoint().equals("games"));
    assertThat(state.map.get("fetch/games")).contains("777");
  }

  @Test
  void badIdsInMultiqueryModeAreIsolatedToo() {
    igdb.badIds.add(1500L);
    FetchSummary s = fetch(Configs.fast(igdb, IgdbEndpoint.GAMES).multiquery(true).build());
    assertThat(s.badIds()).extracting(BadId::id).containsExactly(1500L);
    assertThat(new HashSet<>(sink.ids(IgdbEndpoint.GAMES))).hasSize(2344);
  }

  @Test
  void throttlingAndServerErrorsAreRetried() {
    igdb.failStatus = 429;
    igdb.failNext.set(3);
    FetchSummary s = fetch(Configs.fast(igdb, IgdbEndpoint.GAMES).build());
    assertExactlyOnce(sink.ids(IgdbEndpoint.GAMES), LongStream.rangeClosed(1, 2345));
    assertThat(s.throttled()).isEqualTo(3);
    assertThat(s.retries()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void anInterruptedRunResumesFromItsCheckpoints(@TempDir Path raw) {
    ProducerConfig config = Configs.fast(igdb, IgdbEndpoint.GAMES).maxInFlight(2).build();
    AtomicInteger calls = new AtomicInteger();
    MemorySink failing =
        new MemorySink() {
          @Override
          public CompletableFuture<Void> publish(IgdbEndpoint e, long id, byte[] json) {
            if (calls.incrementAndGet() > 1000) {
              return CompletableFuture.failedFuture(new IllegalStateException("broker gone"));
            }
            return super.publish(e, id, json);
          }
        };
    try (IgdbClient client = new IgdbClient(config)) {
      BulkFetcher f =
          new BulkFetcher(
              config,
              client,
              failing,
              state,
              Optional.of(new RawCopyWriter(raw)),
              Clock.systemUTC());
      assertThatThrownBy(f::run).hasMessageContaining("did not acknowledge");
    }
    int firstRun = failing.ids(IgdbEndpoint.GAMES).size();
    assertThat(firstRun).isBetween(100, 1000);
    FetchSummary s = fetch(config);
    assertThat(s.resumed()).isTrue();
    HashSet<Long> all = new HashSet<>(failing.ids(IgdbEndpoint.GAMES));
    all.addAll(sink.ids(IgdbEndpoint.GAMES));
    assertThat(all).hasSize(2345);
    // only pages after the last checkpoint are fetched again
    assertThat(sink.ids(IgdbEndpoint.GAMES).size()).isLessThan(2345 - firstRun + 8 * 100);
    // a finished run is not resumed again: the next fetch starts over
    FetchSummary again = fetch(config);
    assertThat(again.resumed()).isFalse();
  }
}
