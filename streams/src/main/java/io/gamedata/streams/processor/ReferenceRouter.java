package io.gamedata.streams.processor;

import com.fasterxml.jackson.databind.ObjectReader;
import io.gamedata.contracts.dlq.DeadLetter;
import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.streams.codec.IdKeys;
import io.gamedata.streams.codec.ReferenceReader;
import io.gamedata.streams.domain.RefUpdate;
import io.gamedata.streams.domain.Reference;
import io.gamedata.streams.domain.ReferenceValidator;
import io.gamedata.streams.metrics.PipelineMetrics;
import io.gamedata.streams.names.StoreNames;
import io.gamedata.streams.names.TopicNames;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Reads every reference topic, validates each record and keeps what enrichment needs of it in the
 * {@code reference-values} store (packed reference -> stored value). That store's changelog is the
 * source of the global {@code reference-global} store every game task reads, so the game tasks see
 * a reference once this router's transaction commits it, and a fresh start bootstraps every
 * reference before the first game is processed.
 *
 * <p>A reference seen for the first time needs no message to the game tasks: a game that missed it
 * waits for it in its task ({@link GameProcessor}) and finds it in the global store. A reference
 * that <em>changed</em> (a rename, a new cover image, a delete) is forwarded as a {@link RefUpdate}
 * to every game partition, whose reverse index finds the games built from it. A record whose value
 * did not change (a touch, a replay) forwards nothing. Invalid or unreadable records go to the
 * dead-letter topic and leave the stored value as it was.
 */
public final class ReferenceRouter implements Processor<byte[], byte[], Long, Emit> {

  private final Map<String, IgdbEndpoint> endpointsByTopic = new HashMap<>();
  private final PipelineMetrics metrics;

  /** A reader per endpoint, bound once (readValue(bytes, type) resolves the type every call). */
  private final Map<IgdbEndpoint, ObjectReader> readers = new EnumMap<>(IgdbEndpoint.class);

  private final ReferenceActivity activity;
  private ProcessorContext<Long, Emit> context;
  private KeyValueStore<Long, String> values;

  /**
   * How often the router looks whether to ask for a commit (wall clock). A reference reaches the
   * game tasks when the router's transaction commits it.
   */
  static final long COMMIT_CHECK_MS = 20;

  /** Input quiet this long: commit now (the end of a bulk load, or a single live change). */
  static final long QUIET_MS = 20;

  /** Commit at least this often while references trickle in (live changes)... */
  static final long TRICKLE_COMMIT_MS = 100;

  /**
   * ...that is, while fewer than this many arrive per {@link #TRICKLE_COMMIT_MS}. More is a bulk
   * load, which commits at {@code commit.interval.ms} (1 s by default) or when it stops: a commit
   * every 100 ms during a 440k-reference load (transaction markers, read-committed fetches) cost
   * the broker 0.3-0.9 CPU-s more in six alternating runs, and the references phase 0-3.7 s.
   */
  static final int TRICKLE_READS = 200;

  private long lastInputAt = Long.MIN_VALUE / 2;

  /** Input read since the router last asked for a commit. */
  private boolean readSinceCommitRequest;

  /** The current 100 ms window and the references read in it. */
  private long windowStart;

  private int readsInWindow;

  public ReferenceRouter(TopicNames topics, PipelineMetrics metrics, ReferenceActivity activity) {
    this.activity = activity;
    for (IgdbEndpoint e : IgdbEndpoint.references()) {
      endpointsByTopic.put(topics.raw(e), e);
      readers.put(e, Json.mapper().readerFor(e.model()));
    }
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<Long, Emit> context) {
    this.context = context;
    this.values = context.getStateStore(StoreNames.REFERENCE_VALUES);
    windowStart = context.currentSystemTimeMs();
    readsInWindow = 0;
    readSinceCommitRequest = false;
    context.schedule(
        Duration.ofMillis(COMMIT_CHECK_MS), PunctuationType.WALL_CLOCK_TIME, this::maybeCommit);
  }

  /** Asks for a commit when the input went quiet, or every 100 ms while it only trickles. */
  private void maybeCommit(long now) {
    boolean quiet = now - lastInputAt >= QUIET_MS;
    boolean windowOver = now - windowStart >= TRICKLE_COMMIT_MS;
    if (readSinceCommitRequest && (quiet || (windowOver && readsInWindow < TRICKLE_READS))) {
      readSinceCommitRequest = false;
      context.commit(); // a bulk load is left to Kafka Streams' interval
    }
    if (quiet || windowOver) {
      windowStart = now;
      readsInWindow = 0;
    }
  }

  @Override
  public void process(Record<byte[], byte[]> raw) {
    metrics.referenceIn();
    long now = context.currentSystemTimeMs();
    activity.read(now);
    lastInputAt = now;
    readSinceCommitRequest = true;
    readsInWindow++;
    RecordMetadata source = context.recordMetadata().orElse(null);
    IgdbEndpoint endpoint = source == null ? null : endpointsByTopic.get(source.topic());
    if (endpoint == null) {
      throw new IllegalStateException("record from an unexpected topic: " + source);
    }
    Record<Long, byte[]> record;
    try {
      // decoded here, not in the source: see IdKeys
      record = raw.withKey(IdKeys.decode(source.topic(), raw.key()));
    } catch (SerializationException e) {
      dead(raw.withKey(null), raw.key(), source, IdKeys.reason(e), e.getClass().getName());
      return;
    }
    if (record.key() == null) {
      dead(record, raw.key(), source, "missing key", DeadLetter.VALIDATION);
      return;
    }
    if (record.value() == null) {
      store(record, RefUpdate.deleted(endpoint, record.key()));
      return;
    }
    // the fields the router uses, read from the tokens; databind for any other shape
    IgdbRecord parsed = ReferenceReader.read(endpoint, record.value());
    if (parsed == null) {
      try {
        parsed = readers.get(endpoint).readValue(record.value());
      } catch (IOException e) {
        dead(
            record,
            raw.key(),
            source,
            "cannot deserialize " + endpoint.model().getSimpleName() + ": " + e.getMessage(),
            e.getClass().getName());
        return;
      }
      if (parsed == null) {
        dead(
            record,
            raw.key(),
            source,
            "value is the JSON literal null (a delete is an empty value)",
            DeadLetter.VALIDATION);
        return;
      }
    }
    Optional<String> violation = ReferenceValidator.violation(record.key(), parsed);
    if (violation.isPresent()) {
      dead(record, raw.key(), source, violation.get(), DeadLetter.VALIDATION);
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
    store(record, update);
  }

  /** Stores the new value; forwards a change of a value already known to the game partitions. */
  private void store(Record<Long, byte[]> record, RefUpdate update) {
    long packed = Reference.of(update.endpoint(), update.id()).packed();
    String value = update.storedValue();
    String old = values.get(packed);
    if (Objects.equals(old, value)) {
      return; // a touch, a replay, or the delete of something never known
    }
    if (value == null) {
      values.delete(packed);
    } else {
      values.put(packed, value);
    }
    if (old != null) {
      context.forward(
          new Record<>(
              record.key(), new Emit.Reference(update), record.timestamp(), new RecordHeaders()));
    }
  }

  private void dead(
      Record<Long, byte[]> record,
      byte[] rawKey,
      RecordMetadata source,
      String reason,
      String exceptionClass) {
    metrics.deadLetter();
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
