package io.gamedata.streams.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class PositionLightStoreTest {

  private static Bytes key(int i) {
    return Bytes.wrap(new byte[] {0, 0, 0, (byte) i});
  }

  private static PositionLightStore open(Properties config) {
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>(config);
    context.setRecordMetadata("igdb.games", 3, 42);
    PositionLightStore store =
        (PositionLightStore)
            PositionLightStore.wrapping(Stores.inMemoryKeyValueStore("game-state")).get();
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  @Test
  void behavesAsTheWrappedStore() {
    PositionLightStore store = open(new Properties());
    store.put(key(1), new byte[] {1});
    store.putAll(List.of(KeyValue.pair(key(2), new byte[] {2}), KeyValue.pair(key(3), null)));
    assertThat(store.putIfAbsent(key(1), new byte[] {9})).containsExactly(1);
    assertThat(store.putIfAbsent(key(4), new byte[] {4})).isNull();
    assertThat(store.get(key(4))).containsExactly(4);
    assertThat(store.delete(key(2))).containsExactly(2);
    assertThat(store.get(key(2))).isNull();
    assertThat(store.approximateNumEntries()).isEqualTo(2);
    try (var it = store.all()) {
      assertThat(it.next().key).isEqualTo(key(1));
      assertThat(it.next().key).isEqualTo(key(4));
      assertThat(it.hasNext()).isFalse();
    }
    try (var it = store.reverseRange(key(0), key(9))) {
      assertThat(it.next().key).isEqualTo(key(4));
    }
    assertThat(store.name()).isEqualTo("game-state");
    assertThat(store.persistent()).isFalse();
    assertThat(store.isOpen()).isTrue();
    store.close();
    assertThat(store.isOpen()).isFalse();
  }

  @Test
  void handsOutAnEmptyPositionUnlessConsistencyVectorsAreOn() {
    PositionLightStore light = open(new Properties());
    light.put(key(1), new byte[] {1});
    assertThat(light.getPosition()).isEqualTo(Position.emptyPosition());

    Properties on = new Properties();
    on.put(StreamsConfig.InternalConfig.IQ_CONSISTENCY_OFFSET_VECTOR_ENABLED, true);
    PositionLightStore exact = open(on);
    exact.put(key(1), new byte[] {1});
    // the wrapped store's own position: where the record it wrote came from
    assertThat(exact.getPosition())
        .isEqualTo(Position.emptyPosition().withComponent("igdb.games", 3, 42));
  }

  @Test
  void overridesEveryMethodOfAKeyValueStore() throws Exception {
    // a default method a later Kafka version adds would otherwise skip the wrapped store
    for (Method m : KeyValueStore.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Method own = PositionLightStore.class.getMethod(m.getName(), m.getParameterTypes());
      assertThat(own.getDeclaringClass()).as(m.toString()).isEqualTo(PositionLightStore.class);
    }
  }
}
