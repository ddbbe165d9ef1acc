package io.gamedata.recommender.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChangeFeedTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  static List<Long> seqs(List<Change> changes) {
    return changes.stream().map(Change::seq).toList();
  }

  @Test
  void keepsTheNewestChangesNumberedInOrder() {
    ChangeFeed feed = new ChangeFeed(3, CLOCK);
    assertThat(feed.lastSeq()).isZero();
    assertThat(feed.since(0, 10)).isEmpty();
    for (int i = 1; i <= 5; i++) {
      feed.add(Change.Kind.NEW, 100 + i, "Game " + i, i);
    }
    assertThat(feed.lastSeq()).isEqualTo(5);
    // the ring holds the last three; older ones are gone
    assertThat(seqs(feed.since(0, 10))).containsExactly(3L, 4L, 5L);
    assertThat(seqs(feed.since(3, 10))).containsExactly(4L, 5L);
    assertThat(seqs(feed.since(5, 10))).isEmpty();
    assertThat(seqs(feed.since(0, 2))).containsExactly(4L, 5L);
    Change c = feed.since(4, 1).get(0);
    assertThat(c).isEqualTo(new Change(5, Change.Kind.NEW, 105, "Game 5", CLOCK.millis(), 5));
  }

  @Test
  void aReaderWaitsForTheNextChange() throws Exception {
    ChangeFeed feed = new ChangeFeed(10, CLOCK);
    assertThat(feed.awaitAfter(0, 1)).isZero(); // times out
    CompletableFuture<Long> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return feed.awaitAfter(0, 60_000);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    feed.add(Change.Kind.CHANGED, 7, "Seven", 1);
    assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(1);
  }
}
