package io.gamedata.streams.processor;

import io.gamedata.streams.codec.IdKeys;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The first step after the games source: decodes the id key (see {@link IdKeys}) and wraps the raw
 * value for the game processor; a key that is not an id reaches the processor with a null key and
 * the reason, and is dead-lettered there with its original bytes.
 */
public final class GameKeyDecoder implements Processor<byte[], byte[], Long, Inbound> {

  private ProcessorContext<Long, Inbound> context;

  @Override
  public void init(ProcessorContext<Long, Inbound> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
    Long id;
    Inbound value;
    try {
      id = IdKeys.decode(topic, record.key());
      value = Inbound.game(record.key(), record.value());
    } catch (SerializationException e) {
      id = null;
      value = Inbound.badKey(record.key(), record.value(), IdKeys.reason(e));
    }
    context.forward(record.withKey(id).withValue(value));
  }
}
