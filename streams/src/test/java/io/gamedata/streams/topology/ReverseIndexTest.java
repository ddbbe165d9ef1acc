package io.gamedata.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReverseIndexTest {

  private KeyValueStore<Bytes, byte[]> store;
  private ReverseIndex index;

  @BeforeEach
  void open() {
    store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("index"), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    index = new ReverseIndex(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void findsTheGamesOfAReferenceAcrossBuckets() {
    index.update(1, new long[0], new long[] {10, 20});
    index.update(255, new long[0], new long[] {10});
    index.update(256, new long[0], new long[] {10});
    index.update(1_000_000, new long[0], new long[] {10, 30});
    assertThat(index.games(10)).containsExactlyInAnyOrder(1L, 255L, 256L, 1_000_000L);
    assertThat(index.games(20)).containsExactly(1L);
    assertThat(index.games(30)).containsExactly(1_000_000L);
    assertThat(index.games(11)).isEmpty();
    // games 1 and 255 share a bucket: one entry
    assertThat(count()).isEqualTo(5);
  }

  @Test
  void writesOnlyTheDifferenceAndDropsEmptyBuckets() {
    index.update(7, new long[0], new long[] {10, 20});
    index.update(7, new long[] {10, 20}, new long[] {20, 30});
    assertThat(index.games(10)).isEmpty();
    assertThat(index.games(20)).containsExactly(7L);
    assertThat(index.games(30)).containsExactly(7L);
    index.update(7, new long[] {20, 30}, new long[0]);
    assertThat(count()).isZero();
  }

  @Test
  void aBatchWritesEachBucketOnceAndMatchesUnbatchedUpdates() {
    store.put(ReverseIndex.key(10, 0), bitmapOf(2)); // game 2 indexed before the batch
    index.beginBatch();
    index.update(1, new long[0], new long[] {10, 20});
    index.update(3, new long[0], new long[] {10});
    index.update(2, new long[] {10}, new long[0]);
    index.update(4, new long[0], new long[] {20});
    index.update(4, new long[] {20}, new long[0]);
    // nothing written while the batch is open
    assertThat(store.get(ReverseIndex.key(10, 0))).isEqualTo(bitmapOf(2));
    assertThat(store.get(ReverseIndex.key(20, 0))).isNull();
    index.endBatch();
    assertThat(index.games(10)).containsExactlyInAnyOrder(1L, 3L);
    assertThat(index.games(20)).containsExactly(1L);

    index.beginBatch();
    index.update(1, new long[] {10, 20}, new long[0]);
    assertThat(index.games(20)).isEmpty(); // a scan sees the buffered changes
    index.update(3, new long[] {10}, new long[0]);
    index.endBatch();
    assertThat(count()).isZero();
  }

  private static byte[] bitmapOf(int bit) {
    byte[] b = new byte[ReverseIndex.BUCKET / 8];
    b[bit >>> 3] = (byte) (1 << (bit & 7));
    return b;
  }

  @Test
  void readsAndRemovesEntriesOfTheEarlierLayout() {
    store.put(ReverseIndex.legacyKey(10, 300), new byte[0]);
    index.update(301, new long[0], new long[] {10});
    assertThat(index.games(10)).containsExactlyInAnyOrder(300L, 301L);
    index.update(300, new long[] {10}, new long[0]);
    assertThat(index.games(10)).containsExactly(301L);
  }

  private int count() {
    int n = 0;
    try (var it = store.all()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }
}
