package io.gamedata.streams.topology;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global {@link StoreNames#REFERENCE_GLOBAL} store: the router's changelog copied as it
 * is, key and value bytes (a delete as a delete). A global table would also deserialize each
 * record, read the old value and add a timestamp: it cost the global thread about 6 µs per
 * reference, as much as half the router's own work, while a bulk load streams hundreds of thousands
 * of references in.
 */
final class ReferenceGlobalWriter implements Processor<Bytes, byte[], Void, Void> {

  private KeyValueStore<Bytes, byte[]> store;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(StoreNames.REFERENCE_GLOBAL);
  }

  @Override
  public void process(Record<Bytes, byte[]> record) {
    if (record.key() != null) {
      store.put(record.key(), record.value()); // null value: delete
    }
  }
}
