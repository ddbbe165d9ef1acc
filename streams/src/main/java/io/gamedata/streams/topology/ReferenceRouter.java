package io.gamedata.streams.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamedata.contracts.dlq.DeadLetter;
import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.streams.domain.ReferenceValidator;
import io.gamedata.streams.metrics.PipelineMetrics;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Reads every reference topic, validates each record and turns it into a {@link RefUpdate}: keyed
 * by its game for covers and involved companies that name one (they go to that game's partition),
 * broadcast otherwise. Invalid or unreadable records go to the dead-letter topic.
 */
final class ReferenceRouter implements Processor<Long, byte[], Long, Emit> {

  private static final LongSerializer KEYS = new LongSerializer();

  private final Map<String, IgdbEndpoint> endpointsByTopic = new HashMap<>();
  private final PipelineMetrics metrics;
  private final ReferenceActivity activity;
  private final ObjectMapper mapper = Json.mapper();
  private ProcessorContext<Long, Emit> context;

  ReferenceRouter(TopicNames topics, PipelineMetrics metrics, ReferenceActivity activity) {
    this.activity = activity;
    for (IgdbEndpoint e : IgdbEndpoint.references()) {
      endpointsByTopic.put(topics.raw(e), e);
    }
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<Long, Emit> context) {
    this.context = context;
  }

  @Override
  public void process(Record<Long, byte[]> record) {
    metrics.referenceIn();
    activity.read(context.currentSystemTimeMs());
    RecordMetadata source = context.recordMetadata().orElse(null);
    IgdbEndpoint endpoint = source == null ? null : endpointsByTopic.get(source.topic());
    if (endpoint == null) {
      throw new IllegalStateException("record from an unexpected topic: " + source);
    }
    if (record.key() == null) {
      dead(record, source, "missing key", DeadLetter.VALIDATION);
      return;
    }
    if (record.value() == null) {
      forward(record, record.key(), RefUpdate.deleted(endpoint, record.key()));
      return;
    }
    IgdbRecord parsed;
    try {
      parsed = mapper.readValue(record.value(), endpoint.model());
    } catch (IOException e) {
      dead(
          record,
          source,
          "cannot deserialize " + endpoint.model().getSimpleName() + ": " + e.getMessage(),
          e.getClass().getName());
      return;
    }
    Optional<String> violation = ReferenceValidator.violation(record.key(), parsed);
    if (violation.isPresent()) {
      dead(record, source, violation.get(), DeadLetter.VALIDATION);
      return;
    }
    RefUpdate update;
    if (parsed instanceof IgdbCover cover) {
      update = RefUpdate.cover(cover.id(), cover.imageId(), cover.game());
    } else if (parsed instanceof IgdbInvolvedCompany ic) {
      update =
          RefUpdate.involvedCompany(
              ic.id(), ic.company(), ic.isDeveloper(), ic.isPublisher(), ic.game());
    } else {
      update = RefUpdate.named(endpoint, parsed.id(), ((IgdbNamed) parsed).displayName());
    }
    forward(record, update.game() != null ? update.game() : record.key(), update);
  }

  private void forward(Record<Long, byte[]> record, Long key, RefUpdate update) {
    activity.routed(key, update);
    context.forward(
        new Record<>(key, new Emit.Reference(update), record.timestamp(), new RecordHeaders()));
  }

  private void dead(
      Record<Long, byte[]> record, RecordMetadata source, String reason, String exceptionClass) {
    metrics.deadLetter();
    byte[] rawKey = record.key() == null ? null : KEYS.serialize(source.topic(), record.key());
    context.forward(
        DeadLetters.record(
            record.key(),
            rawKey,
            record.value(),
            reason,
            exceptionClass,
            source,
            record.timestamp()));
  }
}
