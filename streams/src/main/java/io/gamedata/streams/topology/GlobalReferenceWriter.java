package io.gamedata.streams.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global {@code reference-global} store equal to the router's {@code reference-values}
 * store: reads its changelog (committed records only, under exactly-once) and writes each value, or
 * deletes on a tombstone. Runs on the global thread, also when the store is rebuilt from the topic.
 */
final class GlobalReferenceWriter implements Processor<Long, String, Void, Void> {

  private KeyValueStore<Long, String> store;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(StoreNames.REFERENCE_GLOBAL);
  }

  @Override
  public void process(Record<Long, String> record) {
    if (record.key() == null) {
      return; // never written by the router
    }
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value());
    }
  }
}
