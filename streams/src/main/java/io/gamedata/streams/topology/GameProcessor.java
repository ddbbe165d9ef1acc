package io.gamedata.streams.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.change.GameChangeEvent.Operation;
import io.gamedata.contracts.dlq.DeadLetter;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.streams.domain.ContentFingerprint;
import io.gamedata.streams.domain.Enrichment;
import io.gamedata.streams.domain.GameEnricher;
import io.gamedata.streams.domain.GameState;
import io.gamedata.streams.domain.GameValidator;
import io.gamedata.streams.domain.GameVersions;
import io.gamedata.streams.domain.Reference;
import io.gamedata.streams.metrics.PipelineMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The heart of the application, one instance per game partition: validates raw games, drops stale
 * versions and content-identical updates (dedupe), enriches from the reference store, keeps the
 * reverse index, and re-enriches every game built from a reference when that reference arrives or
 * changes. Emits documents, tombstones, change events and dead letters.
 */
final class GameProcessor implements Processor<Long, Inbound, Long, Emit> {

  private static final LongSerializer KEYS = new LongSerializer();
  private static final long[] NONE = new long[0];

  /** How long one punctuation may spend emitting pending games (the rest waits for the next). */
  private static final long EMIT_BUDGET_NANOS = 300_000_000L;

  /**
   * The budget while input records still arrive: a thread punctuates its tasks one after the other
   * between small batches of records, so long emissions would starve the intake of the rest of a
   * bulk load (and of the reference updates that decide whether a held game is complete).
   */
  private static final long SHARED_EMIT_BUDGET_NANOS = 40_000_000L;

  /** Input counts as still arriving when a game task of this instance read some this recently. */
  private static final long INPUT_QUIET_MS = 1_000;

  private final PipelineMetrics metrics;
  private final int memoEntries;
  private final EmitPolicy policy;
  private final ReferenceProgress progress;
  private final ReferenceActivity activity;
  private final ObjectMapper mapper = Json.mapper();
  private ProcessorContext<Long, Emit> context;
  private KeyValueStore<Long, byte[]> games;
  private StoreReferenceLookup references;
  private ReverseIndex index;

  /** Legacy store of pending ids (earlier versions); drained into the game states at start. */
  private KeyValueStore<Long, byte[]> legacyPending;

  /**
   * Ids of the games whose state is marked pending, in id order: a mirror of the flag in {@code
   * game-state} (rebuilt from it at start), so that holding a game costs no extra store write.
   */
  private final java.util.TreeSet<Long> pending = new java.util.TreeSet<>();

  private long pendingSince;
  private long lastReferenceAt;
  private long lastInputAt;

  GameProcessor(
      PipelineMetrics metrics,
      int memoEntries,
      EmitPolicy policy,
      ReferenceProgress progress,
      ReferenceActivity activity) {
    this.metrics = metrics;
    this.memoEntries = memoEntries;
    this.policy = policy;
    this.progress = progress;
    this.activity = activity;
  }

  @Override
  public void init(ProcessorContext<Long, Emit> context) {
    this.context = context;
    this.games = context.getStateStore(StoreNames.GAME_STATE);
    this.references =
        new StoreReferenceLookup(context.getStateStore(StoreNames.REFERENCE_DATA), memoEntries);
    KeyValueStore<Bytes, byte[]> indexStore = context.getStateStore(StoreNames.REFERENCE_INDEX);
    this.index = new ReverseIndex(indexStore);
    this.legacyPending = context.getStateStore(StoreNames.PENDING_GAMES);
    long now = context.currentSystemTimeMs();
    this.lastReferenceAt = now; // give reference updates in flight a chance first
    this.pendingSince = now;
    pending.clear();
    try (var it = games.all()) {
      while (it.hasNext()) {
        var kv = it.next();
        if (GameStateCodec.pending(kv.value)) {
          pending.add(kv.key);
        }
      }
    }
    List<Long> legacy = new java.util.ArrayList<>();
    try (var it = legacyPending.all()) {
      while (it.hasNext()) {
        legacy.add(it.next().key);
      }
    }
    for (Long id : legacy) {
      legacyPending.delete(id);
      GameState state = load(id);
      if (state != null) {
        savePending(id, state);
      }
    }
    context.schedule(
        java.time.Duration.ofMillis(policy.punctuateEveryMs()),
        org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
        this::emitPending);
  }

  @Override
  public void process(Record<Long, Inbound> record) {
    long now = context.currentSystemTimeMs();
    if (now != lastInputAt) {
      lastInputAt = now;
      activity.input(now);
    }
    if (record.value().isGame()) {
      metrics.gameIn();
      processGame(record);
    } else {
      processReference(record);
    }
  }

  private void processGame(Record<Long, Inbound> record) {
    Long id = record.key();
    byte[] bytes = record.value().game();
    if (id == null) {
      dead(record, "missing key", DeadLetter.VALIDATION);
      return;
    }
    if (bytes == null) {
      delete(id, record);
      return;
    }
    IgdbGame game;
    try {
      game = mapper.readValue(bytes, IgdbGame.class);
    } catch (IOException e) {
      dead(record, "cannot deserialize IgdbGame: " + e.getMessage(), e.getClass().getName());
      return;
    }
    Optional<String> violation = GameValidator.violation(id, game);
    if (violation.isPresent()) {
      dead(record, violation.get(), DeadLetter.VALIDATION);
      return;
    }
    GameState state = load(id);
    if (GameVersions.isOlder(game, state)) {
      metrics.staleVersion();
      return;
    }
    IgdbGame source = GameVersions.trimmed(game);
    Long updatedAt = newest(state, game.updatedAt());
    if (GameEnricher.complete(source, references)) {
      // nothing a later reference could add: emit now (a rename in flight re-emits it)
      apply(id, state, source, updatedAt, record.timestamp());
      return;
    }
    // references missing (maybe still on their way): hold it until the reference inputs are
    // caught up and quiet, so that it is emitted once, complete, not once per late reference
    savePending(
        id,
        state == null
            ? new GameState(source, updatedAt, null, null, NONE)
            : new GameState(
                source, updatedAt, state.contentHash(), state.fieldHashes(), state.dependencies()));
  }

  private void processReference(Record<Long, Inbound> record) {
    RefUpdate update = record.value().reference();
    activity.processed(context.taskId().partition());
    long packed = Reference.of(update.endpoint(), update.id()).packed();
    if (!references.put(packed, update.storedValue())) {
      return; // unchanged (a replay, a touch, or a broadcast copy of something known)
    }
    lastReferenceAt = context.currentSystemTimeMs();
    for (long gameId : index.games(packed)) {
      metrics.reEnrichment();
      if (!pending.contains(gameId)) {
        GameState state = load(gameId);
        if (state != null) {
          savePending(gameId, state);
        }
      }
    }
  }

  /** The punctuator: emits pending games once references are quiet (or waited long enough). */
  private void emitPending(long now) {
    if (pending.isEmpty()) {
      return;
    }
    // quiet: no reference changed here, and none was read by this instance's router (its output
    // reaches the game tasks only after its next commit)
    long lastReference = Math.max(lastReferenceAt, activity.lastReadMs());
    boolean settled =
        now - lastReference >= policy.quietMs()
            && !activity.inFlight(context.taskId().partition())
            && progress.caughtUp();
    // the maximum wait is for references that never go quiet (a steady trickle); a backlog of
    // updates routed here and not processed yet (a bulk load) extends it, up to 4 times
    long waited = now - pendingSince;
    boolean forced =
        waited >= policy.maxWaitMs()
            && (!activity.inFlight(context.taskId().partition())
                || waited >= 4 * policy.maxWaitMs());
    if (!settled && !forced) {
      return;
    }
    // a bounded time per punctuation keeps transactions short; the rest goes at the next
    // punctuation, same conditions
    long started = System.nanoTime();
    // input still arriving at any game task of this instance: emit a little at a time
    long budget =
        now - activity.lastInputMs() < INPUT_QUIET_MS
            ? SHARED_EMIT_BUDGET_NANOS
            : EMIT_BUDGET_NANOS;
    int n = 0;
    index.beginBatch(); // games emitted together share their index buckets
    try {
      while (!pending.isEmpty() && ((++n & 15) != 0 || System.nanoTime() - started < budget)) {
        emitCurrent(pending.first(), now);
      }
    } finally {
      index.endBatch();
    }
  }

  /** Brings games.enriched in line with the state of one pending game; clears its flag. */
  private void emitCurrent(long id, long timestamp) {
    GameState state = load(id);
    if (state == null) {
      pending.remove(id);
      return;
    }
    if (state.deleted()) {
      delete(id, state, timestamp);
    } else {
      apply(id, state, state.source(), state.updatedAt(), timestamp);
    }
    if (pending.contains(id)) {
      save(id, state); // nothing changed: only the flag
    }
  }

  /** Enriches {@code source}; emits and remembers the document when its content changed. */
  private void apply(long id, GameState state, IgdbGame source, Long updatedAt, long timestamp) {
    apply(id, state, source, updatedAt, GameEnricher.enrich(source, references), timestamp);
  }

  private void apply(
      long id, GameState state, IgdbGame source, Long updatedAt, Enrichment e, long timestamp) {
    boolean existed = state != null && state.contentHash() != null;
    long[] before = state == null || state.dependencies() == null ? NONE : state.dependencies();
    index.update(id, before, e.dependencies());
    if (existed && e.contentHash().equals(state.contentHash())) {
      metrics.dedupeHit();
      if (source.equals(state.source())
          && java.util.Objects.equals(updatedAt, state.updatedAt())
          && java.util.Arrays.equals(e.dependencies(), state.dependencies())) {
        return; // a re-enrichment that changed nothing: nothing to write either
      }
      save(
          id,
          new GameState(
              source, updatedAt, state.contentHash(), state.fieldHashes(), e.dependencies()));
      return;
    }
    EnrichedGame doc = e.document();
    GameChangeEvent event =
        existed
            ? GameChangeEvent.of(
                id,
                Operation.UPDATED,
                ContentFingerprint.changedFields(state.fieldHashes(), e.fieldHashes()),
                doc.updatedAt(),
                doc.contentHash(),
                state.contentHash())
            : GameChangeEvent.of(
                id,
                Operation.CREATED,
                ContentFingerprint.nonEmptyFields(doc),
                doc.updatedAt(),
                doc.contentHash(),
                null);
    save(
        id, new GameState(source, updatedAt, doc.contentHash(), e.fieldHashes(), e.dependencies()));
    emit(id, new Emit.Enriched(doc), timestamp);
    emit(id, new Emit.Change(event), timestamp);
    metrics.enrichedOut();
    metrics.changeOut();
  }

  private void delete(long id, Record<Long, Inbound> record) {
    GameState state = load(id);
    if (state == null || state.deleted()) {
      return; // unknown or already deleted
    }
    savePending(
        id,
        new GameState(
            null,
            state.updatedAt(),
            state.contentHash(),
            state.fieldHashes(),
            state.dependencies()));
  }

  private void delete(long id, GameState state, long timestamp) {
    index.update(id, state.dependencies() == null ? NONE : state.dependencies(), NONE);
    save(id, GameState.deletedAt(state.updatedAt()));
    if (state.contentHash() == null) {
      return; // never emitted: nothing to retract
    }
    emit(id, new Emit.Enriched(null), timestamp);
    emit(
        id,
        new Emit.Change(
            GameChangeEvent.of(id, Operation.DELETED, List.of(), null, null, state.contentHash())),
        timestamp);
    metrics.tombstoneOut();
    metrics.changeOut();
  }

  private void emit(long id, Emit value, long timestamp) {
    context.forward(new Record<>(id, value, timestamp, new RecordHeaders()));
  }

  private void dead(Record<Long, Inbound> record, String reason, String exceptionClass) {
    metrics.deadLetter();
    RecordMetadata source = context.recordMetadata().orElse(null);
    byte[] rawKey =
        record.key() == null
            ? null
            : KEYS.serialize(source == null ? "" : source.topic(), record.key());
    context.forward(
        DeadLetters.record(
            record.key(),
            rawKey,
            record.value().game(),
            reason,
            exceptionClass,
            source,
            record.timestamp()));
  }

  private static Long newest(GameState state, Long incoming) {
    if (state == null || state.updatedAt() == null) {
      return incoming;
    }
    if (incoming == null) {
      return state.updatedAt();
    }
    return Math.max(incoming, state.updatedAt());
  }

  private GameState load(long id) {
    byte[] bytes = games.get(id);
    if (bytes == null) {
      return null;
    }
    try {
      return GameStateCodec.decode(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable state of game " + id, e);
    }
  }

  private void save(long id, GameState state) {
    games.put(id, GameStateCodec.encode(state));
    pending.remove(id);
  }

  /** Saves a state marked pending: the punctuator emits it (see {@link EmitPolicy}). */
  private void savePending(long id, GameState state) {
    if (pending.isEmpty()) {
      pendingSince = context.currentSystemTimeMs();
    }
    games.put(id, GameStateCodec.encode(state, true));
    pending.add(id);
  }
}
