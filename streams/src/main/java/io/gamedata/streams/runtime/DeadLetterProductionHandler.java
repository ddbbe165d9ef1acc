package io.gamedata.streams.runtime;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * An output record that cannot be serialized, or that the broker rejects for good (e.g. too large),
 * sends its source record to the dead-letter topic; retriable errors are retried; a failure to
 * write the dead-letter topic itself stops the application (nothing is dropped silently).
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

  private final DeadLetterRouting routing = new DeadLetterRouting();

  @Override
  public void configure(Map<String, ?> configs) {
    routing.configure(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RetriableException) {
      return Response.retry();
    }
    if (routing.topic().equals(record.topic())) {
      return Response.fail();
    }
    return Response.resume(
        routing.deadLetter(
            context,
            context.sourceRawKey(),
            context.sourceRawValue(),
            "cannot write to " + record.topic() + ": " + exception.getMessage(),
            exception));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    return Response.resume(
        routing.deadLetter(
            context,
            context.sourceRawKey(),
            context.sourceRawValue(),
            "cannot serialize the "
                + origin.name().toLowerCase(java.util.Locale.ROOT)
                + " for "
                + record.topic()
                + ": "
                + exception.getMessage(),
            exception));
  }
}
