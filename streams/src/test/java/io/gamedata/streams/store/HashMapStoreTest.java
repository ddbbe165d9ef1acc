package io.gamedata.streams.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.BatchingStateRestoreCallback;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

/** The router's store: a byte store by key, restored from its changelog, scans sorted. */
class HashMapStoreTest {

  private StateRestoreCallback registered;

  /** A context that only records the restore callback the store registers. */
  private StateStoreContext context() {
    return (StateStoreContext)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {StateStoreContext.class},
            (proxy, method, args) -> {
              if (method.getName().equals("register")) {
                registered = (StateRestoreCallback) args[1];
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private HashMapStore opened() {
    HashMapStore store = new HashMapStore("values");
    store.init(context(), store);
    return store;
  }

  private static Bytes key(String k) {
    return Bytes.wrap(k.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] value(String v) {
    return v.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> keys(KeyValueIterator<Bytes, byte[]> it) {
    List<String> keys = new ArrayList<>();
    try (it) {
      while (it.hasNext()) {
        keys.add(new String(it.next().key.get(), StandardCharsets.UTF_8));
      }
    }
    return keys;
  }

  @Test
  void keepsValuesByKey() {
    HashMapStore s = opened();
    assertThat(s.isOpen()).isTrue();
    assertThat(s.persistent()).isFalse();
    s.put(key("a"), value("1"));
    s.put(key("a"), value("2"));
    assertThat(s.get(key("a"))).isEqualTo(value("2"));
    assertThat(s.putIfAbsent(key("a"), value("3"))).isEqualTo(value("2"));
    assertThat(s.putIfAbsent(key("b"), value("4"))).isNull();
    s.putAll(List.of(KeyValue.pair(key("c"), value("5")), KeyValue.pair(key("b"), null)));
    assertThat(s.get(key("b"))).as("a null value deletes").isNull();
    assertThat(s.delete(key("c"))).isEqualTo(value("5"));
    assertThat(s.get(key("c"))).isNull();
    s.put(key("d"), null);
    assertThat(s.approximateNumEntries()).isEqualTo(1);
    s.close();
    assertThat(s.isOpen()).isFalse();
    assertThat(s.get(key("a"))).isNull();
  }

  @Test
  void restoresFromTheChangelogInOrder() {
    HashMapStore s = opened();
    assertThat(registered).isInstanceOf(BatchingStateRestoreCallback.class);
    List<KeyValue<byte[], byte[]>> changelog =
        List.of(
            KeyValue.pair(key("a").get(), value("1")),
            KeyValue.pair(key("b").get(), value("2")),
            KeyValue.pair(key("a").get(), value("3")),
            KeyValue.pair(key("b").get(), null));
    ((BatchingStateRestoreCallback) registered).restoreAll(changelog);
    assertThat(s.get(key("a"))).isEqualTo(value("3"));
    assertThat(s.get(key("b"))).as("a tombstone deletes").isNull();
    assertThat(s.approximateNumEntries()).isEqualTo(1);
  }

  @Test
  void scansInKeyOrderLikeKafkasStores() {
    HashMapStore s = opened();
    Map<Bytes, byte[]> model = new TreeMap<>();
    for (String k : List.of("b", "a", "ab", "c", "\u00ff", "ba", "0")) {
      s.put(key(k), value(k));
      model.put(key(k), value(k));
    }
    List<String> expected = new ArrayList<>();
    model.keySet().forEach(k -> expected.add(new String(k.get(), StandardCharsets.UTF_8)));
    assertThat(keys(s.all())).isEqualTo(expected);
    assertThat(keys(s.range(key("ab"), key("ba")))).containsExactly("ab", "b", "ba");
    assertThat(keys(s.range(null, key("a")))).containsExactly("0", "a");
    assertThat(keys(s.range(key("c"), null))).containsExactly("c", "\u00ff");
    assertThat(keys(s.range(key("c"), key("a")))).as("from after to").isEmpty();

    KeyValueIterator<Bytes, byte[]> it = s.range(key("c"), key("c"));
    assertThat(it.peekNextKey()).isEqualTo(key("c"));
    assertThat(it.next().value).isEqualTo(value("c"));
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
  }
}
