package io.gamedata.streams.store;

import io.gamedata.streams.codec.IdKeys;
import io.gamedata.streams.names.StoreNames;
import io.gamedata.streams.processor.ReferenceGlobalWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/**
 * The global reference store ({@link StoreNames#REFERENCE_GLOBAL}): packed reference -> stored
 * value, in memory, a copy of the router's changelog. The global thread writes it ({@link
 * ReferenceGlobalWriter}), every game task reads it, lock-free.
 *
 * <p>A plain {@link StateStore} rather than a {@code KeyValueStore}: Kafka Streams then hands it to
 * the processors as it is, without the metering and read-only wrappers, and its values are decoded
 * once, as they are written, instead of at every read. A key-value store in memory (a synchronized
 * {@code TreeMap} of byte keys) cost the game threads ~13% of their time in a 350k-game load: every
 * cover, involved company and name memo miss went through the wrappers, the byte-wise key
 * comparisons of the tree, and a UTF-8 decode.
 *
 * <p>It is not persistent: every start rebuilds it from the changelog (~125 bytes of heap per
 * reference). Interactive queries reach it through {@link #QUERY_TYPE}.
 */
public final class ReferenceTable implements StateStore {

  /** Finds the table among a {@code KafkaStreams} instance's global stores. */
  public static final QueryableStoreType<ReferenceTable> QUERY_TYPE =
      new QueryableStoreType<>() {
        @Override
        public boolean accepts(StateStore store) {
          return store instanceof ReferenceTable;
        }

        @Override
        public ReferenceTable create(StateStoreProvider provider, String storeName) {
          List<ReferenceTable> stores = provider.stores(storeName, this);
          if (stores.isEmpty()) {
            throw new InvalidStateStoreException("no reference table named " + storeName);
          }
          return stores.get(0);
        }
      };

  private final String name;
  private final ConcurrentHashMap<Long, String> values = new ConcurrentHashMap<>(1 << 16);
  private volatile boolean open;

  ReferenceTable(String name) {
    this.name = name;
  }

  /** Builds a table named {@code name}; never logged (its source topic is its changelog). */
  public static StoreBuilder<ReferenceTable> builder(String name) {
    return new StoreBuilder<>() {
      @Override
      public StoreBuilder<ReferenceTable> withCachingEnabled() {
        throw new UnsupportedOperationException("the reference table has no record cache");
      }

      @Override
      public StoreBuilder<ReferenceTable> withCachingDisabled() {
        return this;
      }

      @Override
      public StoreBuilder<ReferenceTable> withLoggingEnabled(Map<String, String> config) {
        throw new UnsupportedOperationException(
            "the reference table is global: its source topic is its changelog");
      }

      @Override
      public StoreBuilder<ReferenceTable> withLoggingDisabled() {
        return this;
      }

      @Override
      public ReferenceTable build() {
        return new ReferenceTable(name);
      }

      @Override
      public Map<String, String> logConfig() {
        return Map.of();
      }

      @Override
      public boolean loggingEnabled() {
        return false;
      }

      @Override
      public String name() {
        return name;
      }
    };
  }

  /**
   * Applies one record of the router's changelog: key the packed reference as 8 big-endian bytes
   * (the router's {@code LongSerde}), value the stored value as UTF-8, no value a delete. A key of
   * another length is ignored: the router writes none, and no lookup could find it.
   */
  public void apply(byte[] key, byte[] value) {
    if (key == null || key.length != Long.BYTES) {
      return;
    }
    long packed = IdKeys.packed(key);
    if (value == null) {
      values.remove(packed);
    } else {
      values.put(packed, new String(value, StandardCharsets.UTF_8));
    }
  }

  /** The stored value of a packed reference, or null when it is not known. */
  public String get(long packed) {
    return values.get(packed);
  }

  /**
   * True when the table shows the changelog record {@code key -> value} (no value: the key is
   * absent); a key it would ignore counts as shown.
   */
  public boolean shows(byte[] key, byte[] value) {
    if (key == null || key.length != Long.BYTES) {
      return true;
    }
    String held = values.get(IdKeys.packed(key));
    return value == null ? held == null : new String(value, StandardCharsets.UTF_8).equals(held);
  }

  /** References held. */
  public int size() {
    return values.size();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    values.clear();
    // a global store's processor also replays the topic on restore; the callback covers the rest
    context.register(root, this::apply);
    open = true;
  }

  @Override
  public void flush() {
    // in memory: nothing to write
  }

  @Override
  public void close() {
    open = false;
    values.clear();
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }
}
