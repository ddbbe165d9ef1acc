package io.gamedata.streams.processor;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.change.GameChangeEvent.Operation;
import io.gamedata.contracts.dlq.DeadLetter;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.IgdbGameReader;
import io.gamedata.streams.codec.GameStateCodec;
import io.gamedata.streams.domain.ContentFingerprint;
import io.gamedata.streams.domain.Enrichment;
import io.gamedata.streams.domain.GameEnricher;
import io.gamedata.streams.domain.GameState;
import io.gamedata.streams.domain.GameValidator;
import io.gamedata.streams.domain.GameVersions;
import io.gamedata.streams.domain.RefUpdate;
import io.gamedata.streams.domain.Reference;
import io.gamedata.streams.metrics.PipelineMetrics;
import io.gamedata.streams.names.StoreNames;
import io.gamedata.streams.store.LongMap;
import io.gamedata.streams.store.ReferenceTable;
import io.gamedata.streams.store.ReverseIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The heart of the application, one instance per game partition: validates raw games, drops stale
 * versions and content-identical updates (dedupe), enriches from the global reference store, keeps
 * the reverse index, and re-enriches every game built from a reference when the router announces
 * that the reference changed. Emits documents, tombstones, change events and dead letters.
 *
 * <p>A game is <em>pending</em> while it needs another look: held because a reference is not found
 * yet, emitted with {@code missing_references} and waiting for them, or built from a reference that
 * changed. The flag lives in the game's state (so it survives a restart, and holding a game costs
 * no extra store) and is mirrored in memory, with the references each game waits for; a wall-clock
 * punctuator looks at them (see {@link EmitPolicy}).
 */
public final class GameProcessor implements Processor<Long, Inbound, Object, Object> {

  /** The sink of documents and tombstones, a child of this processor. */
  public static final String ENRICHED_SINK = "enriched-sink";

  /** The sink of change events. */
  public static final String CHANGE_SINK = "change-sink";

  /** The sink of dead letters (original key and value bytes, reasons in headers). */
  public static final String DEAD_SINK = "game-dead-sink";

  private static final long[] NONE = new long[0];

  /** How long one punctuation may spend re-enriching pending games (the rest waits). */
  private static final long EMIT_BUDGET_NANOS = 300_000_000L;

  /**
   * The budget while this task still reads input: Kafka Streams punctuates between small batches of
   * records, so long punctuations would starve the intake.
   */
  private static final long SHARED_EMIT_BUDGET_NANOS = 40_000_000L;

  /**
   * Missing references looked up per punctuation (each a read of the global store, whose RocksDB
   * reads and the global thread's writes share one lock): a few thousand lookups a second per task,
   * however many games wait. A bulk load whose references and games arrive together can leave tens
   * of thousands waiting; a round over all of them then takes a few seconds, within the hold.
   */
  private static final int ARRIVAL_CHECKS = 128;

  /** Input counts as still arriving when this task read some this recently. */
  private static final long INPUT_QUIET_MS = 1_000;

  /**
   * A task that read nothing for this long asks for a commit: the commit interval bounds how long
   * output waits while input keeps coming; once it stops (the end of a bulk load, a quiet moment of
   * the live feed), the output is committed, and so visible to read-committed consumers, at once.
   */
  static final long DRAINED_MS = 100;

  private final PipelineMetrics metrics;
  private final int memoEntries;
  private final EmitPolicy policy;
  private final ReferenceActivity activity;

  /** {time, references read} at each punctuation of the last second or so, oldest first. */
  private final ArrayDeque<long[]> readSamples = new ArrayDeque<>();

  private ProcessorContext<Object, Object> context;
  private KeyValueStore<Long, byte[]> games;
  private ReferenceLookups references;
  private final ReverseIndex index = new ReverseIndex();

  /**
   * Ids of the games that have a state in {@link #games} (a mirror of its keys, read at start and
   * kept by {@link #write}): a game not in it is new, and its state is not looked up. A RocksDB
   * lookup of a missing key (through JNI, the memtables, then every file's bloom filter) took ~12%
   * of the processor's time in a 350k-game load, where every game is new (timed around each call).
   * 16-32 bytes per game.
   */
  private final LongMap<Boolean> stored = new LongMap<>();

  /** Ids of the games whose state carries the pending flag (a mirror of the store). */
  private final Set<Long> pending = new HashSet<>();

  /** Pending games to look at in the next punctuation, in id order. */
  private final TreeSet<Long> dirty = new TreeSet<>();

  /** Held games (not emitted at their current version) -> since when (wall clock). */
  private final Map<Long, Long> held = new java.util.LinkedHashMap<>(); // oldest first

  /** Reference not found yet -> the pending games that miss it. */
  private final Map<Long, Set<Long>> waiting = new HashMap<>();

  /**
   * The references of {@link #waiting} in the order the punctuator looks them up (round robin, a
   * bounded number per punctuation: a bulk load can leave tens of thousands waiting).
   */
  private final java.util.LinkedHashSet<Long> toCheck = new java.util.LinkedHashSet<>();

  /** Pending game -> the references it misses (the keys under which {@link #waiting} has it). */
  private final Map<Long, long[]> missingOf = new HashMap<>();

  private long lastInputAt = Long.MIN_VALUE / 2;

  /** This task read input since it last asked for a commit. */
  private boolean readSinceCommitRequest;

  public GameProcessor(
      PipelineMetrics metrics, int memoEntries, EmitPolicy policy, ReferenceActivity activity) {
    this.metrics = metrics;
    this.memoEntries = memoEntries;
    this.policy = policy;
    this.activity = activity;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.games = context.getStateStore(StoreNames.GAME_STATE);
    ReferenceTable global = context.getStateStore(StoreNames.REFERENCE_GLOBAL);
    this.references = new ReferenceLookups(global::get, memoEntries);
    long now = context.currentSystemTimeMs();
    pending.clear();
    dirty.clear();
    held.clear();
    waiting.clear();
    toCheck.clear();
    missingOf.clear();
    index.clear();
    stored.clear();
    try (var it = games.all()) {
      while (it.hasNext()) {
        var kv = it.next();
        stored.put(kv.key, Boolean.TRUE);
        if (GameStateCodec.pending(kv.value)) {
          pending.add(kv.key);
        }
        index.update(kv.key, NONE, dependencies(kv.key, kv.value));
      }
    }
    // look at every pending game again; the held ones get their hold time again
    for (Long id : pending) {
      dirty.add(id);
      held.put(id, now);
    }
    context.schedule(
        java.time.Duration.ofMillis(policy.punctuateEveryMs()),
        org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
        this::punctuate);
  }

  @Override
  public void process(Record<Long, Inbound> record) {
    lastInputAt = context.currentSystemTimeMs();
    readSinceCommitRequest = true;
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
    if (record.value().keyProblem() != null) {
      dead(record, record.value().keyProblem(), SerializationException.class.getName());
      return;
    }
    if (id == null) {
      dead(record, "missing key", DeadLetter.VALIDATION);
      return;
    }
    if (bytes == null) {
      GameState state = load(id);
      if (state != null && !state.deleted()) {
        delete(id, state, record.timestamp());
      }
      return; // unknown or already deleted otherwise
    }
    IgdbGame game;
    try {
      // trimmed as it is read (the fields a document is built from; see GameVersions#trimmed),
      // by a hand-written reader that gives databind's result, or databind's exception
      game = IgdbGameReader.readTrimmed(bytes);
    } catch (IOException e) {
      dead(record, "cannot deserialize IgdbGame: " + e.getMessage(), e.getClass().getName());
      return;
    }
    if (game == null) {
      dead(
          record,
          "value is the JSON literal null (a delete is an empty value)",
          DeadLetter.VALIDATION);
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
    Long updatedAt = newest(state, game.updatedAt());
    Enrichment e = GameEnricher.enrich(game, references);
    if (e.complete() || policy.holdMs() == 0) {
      if (!held.isEmpty()) {
        held.remove(id);
      }
      apply(id, state, game, updatedAt, e, record.timestamp());
      return;
    }
    // a reference is not found yet (a new cover a moment behind its game): hold the game, so that
    // it is emitted once, complete, when the reference arrives (or incomplete after the hold time)
    GameState heldState =
        state == null
            ? new GameState(game, updatedAt, null, null, NONE)
            : new GameState(
                game, updatedAt, state.contentHash(), state.fieldHashes(), state.dependencies());
    Long since = held.get(id);
    write(id, heldState, true, e.missing());
    held.put(id, since != null ? since : context.currentSystemTimeMs());
  }

  private void processReference(Record<Long, Inbound> record) {
    RefUpdate update = record.value().reference();
    long packed = Reference.of(update.endpoint(), update.id()).packed();
    references.announced(packed, update.storedValue());
    for (long gameId : index.games(packed)) {
      metrics.reEnrichment();
      markDirty(gameId);
    }
    // games waiting for it find it at the next punctuation
  }

  /** Flags a game for another look at the next punctuation. */
  private void markDirty(long id) {
    if (!pending.contains(id)) {
      byte[] bytes = stored(id) ? games.get(id) : null;
      if (bytes == null) {
        return;
      }
      GameState state = decode(id, bytes);
      if (state.deleted()) {
        return;
      }
      games.put(id, GameStateCodec.encode(state, true));
      pending.add(id);
    }
    unwait(id);
    dirty.add(id);
  }

  /**
   * The punctuator: games whose missing references arrived, held games that waited long enough, and
   * games flagged by a reference change are enriched again and emitted when they changed.
   */
  private void punctuate(long now) {
    if (readSinceCommitRequest && now - lastInputAt >= DRAINED_MS) {
      readSinceCommitRequest = false;
      context.commit(); // after this punctuation, so its output goes too
    }
    boolean bulk = bulkLoad(now);
    if (references.overlaid() > 0) {
      references.prune(256);
    }
    if (pending.isEmpty()) {
      return;
    }
    // missing references that arrived: a bounded number of lookups per punctuation, round robin
    int checks = Math.min(toCheck.size(), ARRIVAL_CHECKS);
    for (int i = 0; i < checks; i++) {
      var it = toCheck.iterator();
      long ref = it.next();
      it.remove();
      Set<Long> ids = waiting.get(ref);
      if (ids == null) {
        continue; // its games left
      }
      if (!references.known(ref)) {
        toCheck.add(ref); // again later
        continue;
      }
      for (Long id : List.copyOf(ids)) {
        unwait(id);
        dirty.add(id);
      }
    }
    // held games: all of them once references are quiet, else those held the longest: the hold
    // time while references trickle in, the maximum hold time while a bulk load streams them in
    if (!held.isEmpty()) {
      boolean quiet = now - activity.lastReadMs() >= policy.holdMs();
      long holdFor = quiet ? 0 : bulk ? policy.maxHoldMs() : policy.holdMs();
      List<Long> due = new ArrayList<>();
      for (Map.Entry<Long, Long> h : held.entrySet()) {
        if (now - h.getValue() < holdFor) {
          break; // oldest first: the rest were held later
        }
        due.add(h.getKey());
      }
      for (Long id : due) {
        held.remove(id);
        unwait(id);
        dirty.add(id);
      }
    }
    if (dirty.isEmpty()) {
      return;
    }
    // a bounded time per punctuation keeps transactions short; the rest goes at the next one
    long started = System.nanoTime();
    long budget = now - lastInputAt < INPUT_QUIET_MS ? SHARED_EMIT_BUDGET_NANOS : EMIT_BUDGET_NANOS;
    int n = 0;
    while (!dirty.isEmpty() && ((++n & 15) != 0 || System.nanoTime() - started < budget)) {
      evaluate(dirty.pollFirst(), now);
    }
  }

  /**
   * Samples the router's read count; true while references arrive at {@link
   * EmitPolicy#BULK_REFERENCES_PER_SECOND} or more over the last {@link EmitPolicy#RATE_WINDOW_MS}
   * (a shorter history counts as the whole window, so a short burst is no bulk load).
   */
  private boolean bulkLoad(long now) {
    long reads = activity.reads();
    readSamples.addLast(new long[] {now, reads});
    while (readSamples.size() > 2 && now - secondSample()[0] >= EmitPolicy.RATE_WINDOW_MS) {
      readSamples.pollFirst();
    }
    long[] first = readSamples.peekFirst();
    long span = Math.max(now - first[0], EmitPolicy.RATE_WINDOW_MS);
    return (reads - first[1]) * 1000 >= EmitPolicy.BULK_REFERENCES_PER_SECOND * span;
  }

  private long[] secondSample() {
    var it = readSamples.iterator();
    it.next();
    return it.next();
  }

  /** Another look at one pending game: emits it when complete, changed, or held long enough. */
  private void evaluate(long id, long now) {
    GameState state = load(id);
    if (state == null) {
      forget(id);
      pending.remove(id);
      return;
    }
    if (state.deleted()) {
      delete(id, state, now); // a delete held by an earlier version
      return;
    }
    Enrichment e = GameEnricher.enrich(state.source(), references);
    if (!e.complete() && held.containsKey(id)) {
      waitFor(id, e.missing()); // still held (the punctuator ends the hold): nothing written
      return;
    }
    held.remove(id);
    apply(id, state, state.source(), state.updatedAt(), e, now);
  }

  /**
   * Emits and remembers the document of {@code e} when its content changed; the state stays pending
   * while a reference is missing.
   */
  private void apply(
      long id, GameState state, IgdbGame source, Long updatedAt, Enrichment e, long timestamp) {
    boolean stillPending = !e.complete();
    boolean existed = state != null && state.contentHash() != null;
    long[] before = state == null || state.dependencies() == null ? NONE : state.dependencies();
    index.update(id, before, e.dependencies());
    if (existed && e.contentHash().equals(state.contentHash())) {
      metrics.dedupeHit();
      if (source.equals(state.source())
          && java.util.Objects.equals(updatedAt, state.updatedAt())
          && java.util.Arrays.equals(e.dependencies(), state.dependencies())
          && pending.contains(id) == stillPending) {
        track(id, stillPending, e.missing()); // a look that changed nothing: nothing to write
        return;
      }
      write(
          id,
          new GameState(
              source, updatedAt, state.contentHash(), state.fieldHashes(), e.dependencies()),
          stillPending,
          e.missing());
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
                ContentFingerprint.nonEmptyFields(e.fieldHashes()),
                doc.updatedAt(),
                doc.contentHash(),
                null);
    write(
        id,
        new GameState(source, updatedAt, doc.contentHash(), e.fieldHashes(), e.dependencies()),
        stillPending,
        e.missing());
    emit(id, doc, ENRICHED_SINK, timestamp);
    emit(id, event, CHANGE_SINK, timestamp);
    metrics.enrichedOut();
    metrics.changeOut();
  }

  private void delete(long id, GameState state, long timestamp) {
    index.update(id, state.dependencies() == null ? NONE : state.dependencies(), NONE);
    write(id, GameState.deletedAt(state.updatedAt()), false, NONE);
    held.remove(id);
    if (state.contentHash() == null) {
      return; // never emitted: nothing to retract
    }
    emit(id, null, ENRICHED_SINK, timestamp);
    emit(
        id,
        GameChangeEvent.of(id, Operation.DELETED, List.of(), null, null, state.contentHash()),
        CHANGE_SINK,
        timestamp);
    metrics.tombstoneOut();
    metrics.changeOut();
  }

  /** Straight to the sink: no routing nodes between this processor and its topics. */
  private void emit(long id, Object value, String sink, long timestamp) {
    context.forward(new Record<>(id, value, timestamp, new RecordHeaders()), sink);
  }

  private void dead(Record<Long, Inbound> record, String reason, String exceptionClass) {
    metrics.deadLetter();
    RecordMetadata source = context.recordMetadata().orElse(null);
    context.forward(
        DeadLetters.raw(
            record.value().rawKey(),
            record.value().game(),
            reason,
            exceptionClass,
            source,
            record.timestamp()),
        DEAD_SINK);
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
    byte[] bytes = stored(id) ? games.get(id) : null;
    return bytes == null ? null : decode(id, bytes);
  }

  private static long[] dependencies(long id, byte[] bytes) {
    try {
      return GameStateCodec.dependencies(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable state of game " + id, e);
    }
  }

  /** Whether the store has a state of {@code id} (see {@link #stored}). */
  private boolean stored(long id) {
    return stored.get(id) != null;
  }

  private static GameState decode(long id, byte[] bytes) {
    try {
      return GameStateCodec.decode(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable state of game " + id, e);
    }
  }

  /** Writes a state with or without the pending flag and tracks it in memory accordingly. */
  private void write(long id, GameState state, boolean pendingFlag, long[] missing) {
    games.put(id, GameStateCodec.encode(state, pendingFlag));
    stored.put(id, Boolean.TRUE);
    track(id, pendingFlag, missing);
  }

  /** Mirrors the flag of a game in memory; a pending game waits for {@code missing}. */
  private void track(long id, boolean pendingFlag, long[] missing) {
    // the emptiness checks spare a bulk load (nothing pending) boxing and lookups per game
    if (!dirty.isEmpty()) {
      dirty.remove(id);
    }
    if (pendingFlag) {
      pending.add(id);
      waitFor(id, missing);
    } else {
      if (!pending.isEmpty()) {
        pending.remove(id);
      }
      forget(id);
    }
  }

  private void waitFor(long id, long[] missing) {
    unwait(id);
    if (missing.length == 0) {
      return;
    }
    missingOf.put(id, missing);
    for (long ref : missing) {
      Set<Long> ids = waiting.get(ref);
      if (ids == null) {
        ids = new HashSet<>(4);
        waiting.put(ref, ids);
        toCheck.add(ref);
      }
      ids.add(id);
    }
  }

  private void unwait(long id) {
    if (missingOf.isEmpty()) {
      return;
    }
    long[] missing = missingOf.remove(id);
    if (missing == null) {
      return;
    }
    for (long ref : missing) {
      Set<Long> ids = waiting.get(ref);
      if (ids != null && ids.remove(id) && ids.isEmpty()) {
        waiting.remove(ref);
      }
    }
  }

  private void forget(long id) {
    unwait(id);
    if (!held.isEmpty()) {
      held.remove(id);
    }
    if (!dirty.isEmpty()) {
      dirty.remove(id);
    }
  }
}
