package io.gamedata.streams.runtime;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Records whose key or value a source cannot deserialize go to the dead-letter topic with their
 * original bytes; processing goes on. The raw topics are read as bytes and decoded by the
 * processors (a handler's dead letter can be committed before the record's offset, see the
 * topology's {@code IdKeys}), so this covers the internal topics.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private final DeadLetterRouting routing = new DeadLetterRouting();

  @Override
  public void configure(Map<String, ?> configs) {
    routing.configure(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    return Response.resume(
        routing.deadLetter(
            context,
            record.key(),
            record.value(),
            "cannot deserialize: " + exception.getMessage(),
            exception));
  }
}
