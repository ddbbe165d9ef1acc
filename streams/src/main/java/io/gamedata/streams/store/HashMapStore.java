package io.gamedata.streams.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.BatchingStateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An in-memory byte store on a hash map, for the stores that are only ever read and written by key:
 * the router's {@code reference-values} and, with {@code game.state.store=memory} (the default),
 * the game tasks' {@code game-state} (see {@link GameStateStore}). Kafka Streams' in-memory store
 * keeps a sorted tree (for range queries) and updates its query position at every write: in a bulk
 * load of 440k references the tree's lookups and inserts were ~10% of the router's samples and the
 * position updates ~4%.
 *
 * <p>Logged and restored like any store: Kafka Streams wraps it in its changelog layer, and the
 * restore callback replays the changelog into the map. Range scans, which nothing here uses, work
 * on a sorted copy. The store keeps no query position (it answers with an empty one): positions
 * matter only to interactive queries with position bounds, which nothing runs against this store;
 * {@link #query} answers every query as unknown.
 */
public final class HashMapStore implements KeyValueStore<Bytes, byte[]> {

  private final String name;
  private final Map<Bytes, byte[]> map = new ConcurrentHashMap<>();
  private final Position position = Position.emptyPosition();
  private volatile boolean open;

  HashMapStore(String name) {
    this.name = name;
  }

  /** Stores named {@code name}, for {@code Stores.keyValueStoreBuilder}. */
  public static KeyValueBytesStoreSupplier supplier(String name) {
    return new KeyValueBytesStoreSupplier() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public KeyValueStore<Bytes, byte[]> get() {
        return new HashMapStore(name);
      }

      @Override
      public String metricsScope() {
        return "in-memory";
      }
    };
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    context.register(root, (BatchingStateRestoreCallback) this::restore);
    open = true;
  }

  /** Replays changelog records in their order (a null value deletes). */
  private void restore(Collection<KeyValue<byte[], byte[]>> records) {
    for (KeyValue<byte[], byte[]> r : records) {
      put(Bytes.wrap(r.key), r.value);
    }
  }

  @Override
  public void flush() {
    // nothing buffered: the changelog layer above has already sent every write
  }

  @Override
  public void close() {
    map.clear();
    open = false;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public <R> QueryResult<R> query(Query<R> query, PositionBound bound, QueryConfig config) {
    return QueryResult.forUnknownQueryType(query, this);
  }

  @Override
  public Position getPosition() {
    return position;
  }

  @Override
  public void put(Bytes key, byte[] value) {
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  @Override
  public byte[] putIfAbsent(Bytes key, byte[] value) {
    byte[] old = map.get(key);
    if (old == null) {
      put(key, value);
    }
    return old;
  }

  @Override
  public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
    for (KeyValue<Bytes, byte[]> e : entries) {
      put(e.key, e.value);
    }
  }

  @Override
  public byte[] delete(Bytes key) {
    return map.remove(key);
  }

  @Override
  public byte[] get(Bytes key) {
    return map.get(key);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
    NavigableMap<Bytes, byte[]> sorted = new TreeMap<>(map);
    if (from != null && to != null && from.compareTo(to) > 0) {
      return iterator(List.of());
    }
    if (from != null) {
      sorted = sorted.tailMap(from, true);
    }
    if (to != null) {
      sorted = sorted.headMap(to, true);
    }
    return iterator(new ArrayList<>(sorted.entrySet()));
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> all() {
    return range(null, null);
  }

  @Override
  public long approximateNumEntries() {
    return map.size();
  }

  private static KeyValueIterator<Bytes, byte[]> iterator(List<Map.Entry<Bytes, byte[]>> entries) {
    Iterator<Map.Entry<Bytes, byte[]>> it = entries.iterator();
    return new KeyValueIterator<>() {
      private Map.Entry<Bytes, byte[]> next = it.hasNext() ? it.next() : null;

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public KeyValue<Bytes, byte[]> next() {
        if (next == null) {
          throw new java.util.NoSuchElementException();
        }
        KeyValue<Bytes, byte[]> kv = KeyValue.pair(next.getKey(), next.getValue());
        next = it.hasNext() ? it.next() : null;
        return kv;
      }

      @Override
      public Bytes peekNextKey() {
        if (next == null) {
          throw new java.util.NoSuchElementException();
        }
        return next.getKey();
      }

      @Override
      public void close() {
        // a copy: nothing to release
      }
    };
  }
}
