package io.gamedata.streams.runtime;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * An unexpected exception while processing one record (a bug, unreadable state) sends the source
 * record to the dead-letter topic instead of stopping the application.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  private final DeadLetterRouting routing = new DeadLetterRouting();

  @Override
  public void configure(Map<String, ?> configs) {
    routing.configure(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception e) {
    return Response.resume(
        routing.deadLetter(
            context,
            context.sourceRawKey(),
            context.sourceRawValue(),
            "processing failed in " + context.processorNodeId() + ": " + e,
            e));
  }
}
