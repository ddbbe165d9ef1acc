package io.gamedata.streams.store;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
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
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A byte store that hands out its position without copying it, for the logged {@code game-state}
 * store; everything else goes to the wrapped store as it is.
 *
 * <p>Kafka Streams asks the store under its changelog layer for its {@link Position} at every
 * write, and uses it only when offset-vector consistency is enabled (an internal setting, off by
 * default), to add it to the changelog record's headers. A RocksDB store answers with a deep copy
 * (new concurrent maps): ~3% of the game threads' time in a 350k-game load. With consistency off,
 * this store answers with one empty position instead; with it on, with the wrapped store's copy.
 * Interactive queries are unaffected: {@link #query} goes to the wrapped store, which checks
 * position bounds against its own position.
 */
final class PositionLightStore implements KeyValueStore<Bytes, byte[]> {

  private final KeyValueStore<Bytes, byte[]> inner;
  private final Position unused = Position.emptyPosition();
  private boolean consistency = true;

  PositionLightStore(KeyValueStore<Bytes, byte[]> inner) {
    this.inner = inner;
  }

  /** The wrapped store. */
  KeyValueStore<Bytes, byte[]> inner() {
    return inner;
  }

  /** {@code supplier}'s stores, wrapped. */
  static KeyValueBytesStoreSupplier wrapping(KeyValueBytesStoreSupplier supplier) {
    return new KeyValueBytesStoreSupplier() {
      @Override
      public String name() {
        return supplier.name();
      }

      @Override
      public KeyValueStore<Bytes, byte[]> get() {
        return new PositionLightStore(supplier.get());
      }

      @Override
      public String metricsScope() {
        return supplier.metricsScope();
      }
    };
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    Object enabled =
        context.appConfigs().get(StreamsConfig.InternalConfig.IQ_CONSISTENCY_OFFSET_VECTOR_ENABLED);
    consistency = enabled != null && Boolean.parseBoolean(enabled.toString());
    inner.init(context, root);
  }

  @Override
  public Position getPosition() {
    return consistency ? inner.getPosition() : unused;
  }

  // everything below: the wrapped store's own behaviour

  @Override
  public void put(Bytes key, byte[] value) {
    inner.put(key, value);
  }

  @Override
  public byte[] putIfAbsent(Bytes key, byte[] value) {
    return inner.putIfAbsent(key, value);
  }

  @Override
  public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
    inner.putAll(entries);
  }

  @Override
  public byte[] delete(Bytes key) {
    return inner.delete(key);
  }

  @Override
  public byte[] get(Bytes key) {
    return inner.get(key);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
    return inner.range(from, to);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
    return inner.reverseRange(from, to);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> all() {
    return inner.all();
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseAll() {
    return inner.reverseAll();
  }

  @Override
  public <S extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(
      P prefix, S prefixKeySerializer) {
    return inner.prefixScan(prefix, prefixKeySerializer);
  }

  @Override
  public long approximateNumEntries() {
    return inner.approximateNumEntries();
  }

  @Override
  public ReadOnlyKeyValueStore<Bytes, byte[]> readOnly(IsolationLevel isolationLevel) {
    return inner.readOnly(isolationLevel);
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void flush() {
    inner.flush();
  }

  @Override
  public void commit(Map<TopicPartition, Long> changelogOffsets) {
    inner.commit(changelogOffsets);
  }

  @Override
  public Long committedOffset(TopicPartition partition) {
    return inner.committedOffset(partition);
  }

  @Override
  public boolean managesOffsets() {
    return inner.managesOffsets();
  }

  @Override
  public void close() {
    inner.close();
  }

  @Override
  public boolean persistent() {
    return inner.persistent();
  }

  @Override
  public boolean isOpen() {
    return inner.isOpen();
  }

  @Override
  public <R> QueryResult<R> query(Query<R> query, PositionBound bound, QueryConfig config) {
    return inner.query(query, bound, config);
  }

  @Override
  public long approximateNumUncommittedBytes() {
    return inner.approximateNumUncommittedBytes();
  }
}
