package io.gamedata.recommender.adapter.kafka;

import io.gamedata.contracts.dlq.DeadLetter;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.JsonSerde;
import io.gamedata.contracts.similar.SimilarGames;
import io.gamedata.recommender.engine.SimilarityEngine;
import io.gamedata.recommender.engine.UpdateResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the enriched topic on one writer thread and keeps the engine and the similar topic
 * current.
 *
 * <p>Every replica reads every partition (manual assignment, no consumer group). Start-up:
 *
 * <ol>
 *   <li>With a valid {@link StateSnapshot} (same topics, K' and engine settings, offsets within the
 *       topic): {@link SimilarityEngine#importState} (no scoring, no Kafka reads), then catch up
 *       the tail from its offsets. Start mode {@code snapshot}.
 *   <li>Else, with a valid {@link OffsetSnapshot} (same topics and K', offsets not beyond the
 *       topic's end): read the documents up to the snapshot's offsets, read the similar topic to
 *       its end, {@link SimilarityEngine#restore} (index only, lists taken as published), then
 *       catch up.
 *   <li>Otherwise: read the documents up to the end offsets seen at start, {@link
 *       SimilarityEngine#buildAll} once, publish every list, then catch up.
 * </ol>
 *
 * Then each polled batch is applied record by record (upsert, or delete on a tombstone) and the
 * lists that changed are published once per batch (tombstones for deleted games). Offsets are saved
 * every {@code snapshotIntervalMs}, after the producer flushed. The full state snapshot is written
 * in the background when caught up after a start-up that did not load one, every {@code
 * stateIntervalMs} while records keep changing it, and on close. {@link #ready()} turns true the
 * first time the consumer reached the end offsets seen when live processing began.
 */
public final class EnrichedFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EnrichedFollower.class);
  private static final JsonSerde<EnrichedGame> DOCS = new JsonSerde<>(EnrichedGame.class);
  private static final JsonSerde<SimilarGames> LISTS = new JsonSerde<>(SimilarGames.class);
  private static final LongSerializer KEYS = new LongSerializer();

  /** Where the follower is. */
  public enum Phase {
    STARTING,
    LOADING,
    BUILDING,
    CATCHING_UP,
    LIVE,
    FAILED,
    STOPPED
  }

  private final FollowerSettings settings;
  private final SimilarityEngine engine;
  private final Thread thread;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Timer updateLag;
  private final Counter invalidRecords;
  private final Counter published;
  private final Counter applied;
  private final Counter bulkBuilds;
  private final Counter generationSwaps;

  private volatile boolean running = true;
  private volatile Phase phase = Phase.STARTING;
  private volatile boolean ready;
  private volatile long lag = -1;
  private volatile Throwable failure;
  private volatile String startMode = "";
  private volatile KafkaConsumer<Long, byte[]> consumer;
  private final ExecutorService stateWriter =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "recommender-state-writer");
            t.setDaemon(true);
            return t;
          });
  private Future<?> stateWrite;
  private boolean stateDirty = true;

  public EnrichedFollower(
      FollowerSettings settings, SimilarityEngine engine, MeterRegistry meters) {
    this.settings = settings;
    this.engine = engine;
    this.updateLag =
        Timer.builder("recommender.update.lag")
            .description("time from a record's timestamp to its change applied to the index")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
    this.invalidRecords =
        Counter.builder("recommender.records.invalid")
            .description("enriched records that could not be read (sent to the DLQ)")
            .register(meters);
    this.published =
        Counter.builder("recommender.lists.published")
            .description("lists and tombstones published to the similar topic")
            .register(meters);
    this.applied =
        Counter.builder("recommender.records.applied")
            .description("enriched records applied incrementally")
            .register(meters);
    this.bulkBuilds =
        Counter.builder("recommender.bulk.builds")
            .description("backlogs larger than the index taken by one full build")
            .register(meters);
    this.generationSwaps =
        Counter.builder("recommender.idf.swaps")
            .description("IDF generations built in the background and installed")
            .register(meters);
    Gauge.builder("recommender.republish.backlog", this, f -> f.republish.size())
        .description("lists of a new IDF generation or bulk build not yet republished")
        .register(meters);
    Gauge.builder("recommender.consumer.lag", this, f -> f.lag)
        .description("records of the enriched topic not yet applied (-1 = unknown)")
        .register(meters);
    Gauge.builder("recommender.ready", this, f -> f.ready ? 1 : 0)
        .description("1 once caught up with the enriched topic")
        .register(meters);
    this.thread = new Thread(this::run, "recommender-writer");
    this.thread.setDaemon(true);
  }

  /** Starts the writer thread. */
  public EnrichedFollower start() {
    thread.start();
    return this;
  }

  /** True once caught up (lag 0 reached at least once after start-up). */
  public boolean ready() {
    return ready;
  }

  /** True while the writer thread runs without failure. */
  public boolean alive() {
    return phase != Phase.FAILED && phase != Phase.STOPPED;
  }

  public Phase phase() {
    return phase;
  }

  /** Records of the enriched topic not yet applied; -1 when unknown. */
  public long lag() {
    return lag;
  }

  /** "restore" or "build" once start-up chose. */
  public String startMode() {
    return startMode;
  }

  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<Long, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      if (thread.isAlive() && !stopped.await(60, TimeUnit.SECONDS)) {
        LOG.warn("writer thread did not stop within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stateWriter.shutdown();
  }

  // ================================================================ writer thread

  private void run() {
    try (KafkaConsumer<Long, byte[]> c =
            new KafkaConsumer<>(
                consumerProps("enriched"), new LongDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                producerProps(), new ByteArraySerializer(), new ByteArraySerializer())) {
      consumer = c;
      if (!running) {
        return;
      }
      List<TopicPartition> parts = partitions(c);
      if (parts == null) {
        return;
      }
      c.assign(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
      phase = Phase.LOADING;
      long s0 = System.nanoTime();
      Optional<StateSnapshot> state =
          settings.restoreOnStart()
              ? StateSnapshot.read(settings.stateDir()).filter(s -> usable(s, c, parts, end))
              : Optional.empty();
      long s1 = System.nanoTime();
      if (state.isPresent() && load(state.get())) {
        StateSnapshot s = state.get();
        LOG.info(
            "loaded the state snapshot: {} games at offsets {} (saved {}): read {} ms, index {} ms",
            s.engine().games().size(),
            s.offsets(),
            s.savedAt(),
            (s1 - s0) / 1_000_000,
            (System.nanoTime() - s1) / 1_000_000);
        for (TopicPartition tp : parts) {
          c.seek(tp, s.offsets().get(tp.partition()));
        }
        startMode = "snapshot";
        stateDirty = false;
        live(c, parts, producer);
        return;
      }
      state = Optional.empty(); // the documents of an unusable snapshot can go
      Optional<OffsetSnapshot> snap =
          settings.restoreOnStart()
              ? OffsetSnapshot.read(settings.stateDir()).filter(s -> usable(s, parts, end))
              : Optional.empty();
      Map<TopicPartition, Long> target = new HashMap<>(end);
      snap.ifPresent(s -> parts.forEach(tp -> target.put(tp, s.offsets().get(tp.partition()))));
      long t0 = System.nanoTime();
      Map<Long, EnrichedGame> docs = load(c, parts, target, producer);
      if (!running) {
        return;
      }
      long loaded = System.nanoTime();
      phase = Phase.BUILDING;
      if (snap.isPresent()) {
        startMode = "restore";
        Map<Long, SimilarGames> lists =
            SimilarTopicReader.readAll(consumerProps("similar"), settings.similarTopic());
        long read = System.nanoTime();
        engine.restore(docs.values(), lists.values());
        LOG.info(
            "restored {} games from offsets {} and {} published lists: documents {} ms, lists {}"
                + " ms, index {} ms",
            docs.size(),
            snap.get().offsets(),
            lists.size(),
            (loaded - t0) / 1_000_000,
            (read - loaded) / 1_000_000,
            (System.nanoTime() - read) / 1_000_000);
      } else {
        startMode = "build";
        UpdateResult r = engine.buildAll(docs.values());
        long built = System.nanoTime();
        if (settings.publishSimilar()) {
          for (SimilarGames l : engine.snapshot()) {
            send(producer, l.gameId(), l);
          }
          producer.flush();
        }
        LOG.info(
            "built {} games (idf generation {}): documents {} ms, build {} ms, publish {} ms",
            docs.size(),
            r.idfGeneration(),
            (loaded - t0) / 1_000_000,
            (built - loaded) / 1_000_000,
            (System.nanoTime() - built) / 1_000_000);
      }
      docs = null;
      for (TopicPartition tp : parts) {
        c.seek(tp, target.get(tp));
      }
      saveOffsets(c, parts, producer);
      live(c, parts, producer);
    } catch (WakeupException e) {
      // close() during a blocking call
    } catch (Throwable e) {
      failure = e;
      phase = Phase.FAILED;
      LOG.error("recommender writer failed", e);
    } finally {
      if (phase != Phase.FAILED) {
        phase = Phase.STOPPED;
      }
      consumer = null;
      stopped.countDown();
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<Long, byte[]> c) {
    long deadlineLog = System.nanoTime();
    while (running) {
      List<TopicPartition> parts = new ArrayList<>();
      try {
        var infos = c.partitionsFor(settings.enrichedTopic(), Duration.ofSeconds(5));
        if (infos != null) {
          infos.forEach(pi -> parts.add(new TopicPartition(pi.topic(), pi.partition())));
        }
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        // broker not reachable yet or topic unknown
      }
      if (!parts.isEmpty()) {
        return parts;
      }
      if (System.nanoTime() - deadlineLog > 0) {
        LOG.warn("waiting for topic {}", settings.enrichedTopic());
        deadlineLog = System.nanoTime() + 30_000_000_000L;
      }
      try {
        Thread.sleep(500); // nothing assigned yet: poll() would throw, so wait for the topic
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private boolean usable(
      OffsetSnapshot s, List<TopicPartition> parts, Map<TopicPartition, Long> end) {
    boolean ok =
        s.enrichedTopic().equals(settings.enrichedTopic())
            && s.similarTopic().equals(settings.similarTopic())
            && s.listSize() == settings.listSize()
            && settings.publishSimilar()
            && s.offsets().size() == parts.size()
            && parts.stream()
                .allMatch(
                    tp -> {
                      Long o = s.offsets().get(tp.partition());
                      return o != null && o >= 0 && o <= end.get(tp);
                    });
    if (!ok) {
      LOG.warn("offset snapshot {} does not match the topics or settings: full build", s);
    }
    return ok;
  }

  /** Loads a state snapshot into the engine; false (engine untouched) when it does not fit. */
  private boolean load(StateSnapshot s) {
    phase = Phase.BUILDING;
    try {
      engine.importState(s.engine());
      return true;
    } catch (IllegalArgumentException e) {
      LOG.warn("not loading state snapshot {}: {}; reading Kafka instead", s, e.getMessage());
      phase = Phase.LOADING;
      return false;
    }
  }

  private boolean usable(
      StateSnapshot s,
      KafkaConsumer<Long, byte[]> c,
      List<TopicPartition> parts,
      Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> begin = c.beginningOffsets(parts, Duration.ofSeconds(30));
    String why = null;
    if (!s.enrichedTopic().equals(settings.enrichedTopic())
        || !s.similarTopic().equals(settings.similarTopic())) {
      why = "other topics";
    } else if (s.listSize() != settings.listSize()
        || !s.engineFingerprint().equals(settings.engineFingerprint())) {
      why = "other engine settings";
    } else if (!settings.publishSimilar()) {
      why = "publishing is off (the similar topic may lack its lists)";
    } else if (s.offsets().size() != parts.size()) {
      why = "other partitions";
    } else {
      for (TopicPartition tp : parts) {
        Long o = s.offsets().get(tp.partition());
        if (o == null || o > end.get(tp) || o < begin.get(tp)) {
          why = "offsets outside the topic (recreated, or the tail was deleted)";
          break;
        }
      }
    }
    if (why != null) {
      LOG.warn("not loading state snapshot {}: {}; reading Kafka instead", s, why);
    }
    return why == null;
  }

  private Map<Long, EnrichedGame> load(
      KafkaConsumer<Long, byte[]> c,
      List<TopicPartition> parts,
      Map<TopicPartition, Long> target,
      KafkaProducer<byte[], byte[]> producer) {
    c.seekToBeginning(parts);
    Map<Long, EnrichedGame> docs = new HashMap<>();
    while (running && parts.stream().anyMatch(tp -> c.position(tp) < target.get(tp))) {
      for (ConsumerRecord<Long, byte[]> r : c.poll(Duration.ofMillis(200))) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (r.offset() >= target.get(tp)) {
          continue; // read again in the live phase (seek back below)
        }
        if (r.value() == null) {
          if (r.key() != null) {
            docs.remove(r.key());
          }
          continue;
        }
        EnrichedGame g = parse(r, producer);
        if (g != null) {
          docs.put(g.id(), g);
        }
      }
    }
    return docs;
  }

  private void live(
      KafkaConsumer<Long, byte[]> c,
      List<TopicPartition> parts,
      KafkaProducer<byte[], byte[]> producer) {
    phase = Phase.CATCHING_UP;
    Map<TopicPartition, Long> catchUp = c.endOffsets(parts, Duration.ofSeconds(30));
    long nextSave = System.currentTimeMillis() + settings.snapshotIntervalMs();
    long nextState = System.currentTimeMillis() + settings.stateIntervalMs();
    boolean dirty = false;
    while (running) {
      ConsumerRecords<Long, byte[]> batch;
      try {
        batch = c.poll(Duration.ofMillis(republish.isEmpty() ? 100 : 5));
      } catch (WakeupException e) {
        continue; // close(): the loop ends, the offsets and the state are saved below
      }
      if (!batch.isEmpty() && bulkDue(c, parts, batch.count())) {
        bulkCatchUp(c, parts, batch, producer);
        dirty = true;
        stateDirty = true;
      } else if (!batch.isEmpty()) {
        long applyStart = System.nanoTime();
        Set<Long> changed = new LinkedHashSet<>();
        Set<Long> removed = new LinkedHashSet<>();
        // a changed game's own list goes out right after its record is applied (a new game is
        // served from then on); the lists it entered or left go out once per batch, after it
        Map<Long, Integer> lastChange = new HashMap<>();
        Map<Long, Integer> ownSent = new HashMap<>();
        int i = 0;
        for (ConsumerRecord<Long, byte[]> r : batch) {
          i++;
          UpdateResult u = apply(r, producer, changed, removed);
          if (u == null) {
            continue;
          }
          for (long id : u.changedLists()) {
            lastChange.put(id, i);
          }
          for (long id : u.removedGames()) {
            lastChange.put(id, i);
          }
          if (settings.publishSimilar()) {
            if (u.removedGames().contains(r.key())) {
              send(producer, r.key(), null);
              ownSent.put(r.key(), i);
            } else if (u.changedLists().contains(r.key())) {
              Optional<SimilarGames> l = engine.list(r.key());
              if (l.isPresent()) {
                send(producer, r.key(), l.get());
                ownSent.put(r.key(), i);
              }
            }
          }
        }
        changed.removeAll(removed);
        if (settings.publishSimilar()) {
          for (long id : removed) {
            if (!lastChange.get(id).equals(ownSent.get(id))) {
              send(producer, id, null);
            }
          }
          for (long id : changed) {
            if (lastChange.get(id).equals(ownSent.get(id))) {
              continue; // sent right after its own record, unchanged since
            }
            Optional<SimilarGames> l = engine.list(id);
            if (l.isPresent()) {
              send(producer, id, l.get());
            }
          }
        }
        republish.removeAll(changed);
        republish.removeAll(removed);
        lastApplyNanos = System.nanoTime() - applyStart;
        dirty = true;
        stateDirty = true;
      }
      publishBacklog(producer);
      long total = 0;
      boolean known = true;
      for (TopicPartition tp : parts) {
        var l = c.currentLag(tp);
        if (l.isPresent()) {
          total += l.getAsLong();
        } else {
          known = false;
        }
      }
      if (known) {
        lag = total;
      }
      // a new IDF generation built in the background: install it, then republish the lists it
      // changed a slice per round, after the fresh changes, so live updates never wait for it
      // (only near the end of the topic: a replica loading a backlog does not rebuild on the way)
      if (known && total < SETTLE_MAX_LAG) {
        installGeneration(producer);
      }
      if (!ready && parts.stream().allMatch(tp -> c.position(tp) >= catchUp.get(tp))) {
        ready = true;
        phase = Phase.LIVE;
        if (!known) {
          lag = 0;
        }
        LOG.info("caught up: ready ({} games)", engine.size());
        if (stateDirty && republish.isEmpty()) {
          saveState(c, parts, producer, false); // the first one after a start from Kafka
          nextState = System.currentTimeMillis() + settings.stateIntervalMs();
        }
      }
      if (!republish.isEmpty()) {
        continue; // offsets and state only once every changed list is on the topic
      }
      if (ready && stateDirty && System.currentTimeMillis() >= nextState) {
        saveState(c, parts, producer, false);
        nextState = System.currentTimeMillis() + settings.stateIntervalMs();
      }
      if (dirty && System.currentTimeMillis() >= nextSave) {
        saveOffsets(c, parts, producer);
        dirty = false;
        nextSave = System.currentTimeMillis() + settings.snapshotIntervalMs();
      }
    }
    if (!republish.isEmpty()) {
      // stopped before every list of a new generation was republished: keep the saved offsets and
      // state of before it, so a restart replays the changes and republishes
      LOG.info("stopping with {} lists not republished yet: offsets kept", republish.size());
      return;
    }
    if (dirty) {
      saveOffsets(c, parts, producer);
    }
    if (stateDirty && ready) {
      saveState(c, parts, producer, true);
    } else if (stateWrite != null) {
      awaitStateWrite(); // a background write still running: let it finish
    }
  }

  /**
   * Lets the engine start or install an IDF generation ({@link SimilarityEngine#settle}); an
   * installed one's changed lists go to the republish backlog, its removed games get tombstones.
   */
  private void installGeneration(KafkaProducer<byte[], byte[]> producer) {
    long settleStart = System.nanoTime();
    UpdateResult swapped = engine.settle(false);
    if (swapped.generationSwapped()) {
      LOG.info(
          "installed IDF generation {} in {} ms: {} lists to republish",
          swapped.idfGeneration(),
          (System.nanoTime() - settleStart) / 1_000_000,
          swapped.changedLists().size());
      generationSwaps.increment();
      stateDirty = true;
      if (settings.publishSimilar()) {
        for (long id : swapped.removedGames()) {
          send(producer, id, null);
        }
        republish.addAll(swapped.changedLists());
      }
    }
  }

  /**
   * Lists a new IDF generation or a bulk build changed, published for at most 20 ms per loop round,
   * so a fresh change waits at most that long behind a catalogue-wide republish.
   */
  private final Set<Long> republish = new LinkedHashSet<>();

  /** Time the last loop round spent applying records. */
  private long lastApplyNanos;

  /** Time one loop round may spend on the republish backlog before it polls again. */
  private static final long REPUBLISH_SLICE_NANOS = 20_000_000L;

  /** Backlog lists sent but not acknowledged yet, at most {@link #MAX_BACKLOG_IN_FLIGHT}. */
  private final java.util.concurrent.atomic.AtomicInteger backlogInFlight =
      new java.util.concurrent.atomic.AtomicInteger();

  private static final int MAX_BACKLOG_IN_FLIGHT = 256;

  /** Ids whose publication failed (producer callback thread), republished by the loop. */
  private final java.util.Queue<Long> failedSends =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /**
   * Lag under which the follower lets IDF generations advance ({@link SimilarityEngine#settle}).
   */
  static final long SETTLE_MAX_LAG = 1_000;

  /** Below this many pending records the follower always applies them one by one. */
  /** A batch this large asks the broker for the end offsets (see {@link #bulkDue}). */
  static final int BULK_PROBE_BATCH = 1_000;

  private void publishBacklog(KafkaProducer<byte[], byte[]> producer) {
    for (Long id = failedSends.poll(); id != null; id = failedSends.poll()) {
      republish.add(id);
    }
    if (republish.isEmpty()) {
      return;
    }
    var it = republish.iterator();
    // at least a slice, and a quarter of the time the round spent applying records (so a backlog
    // drains while a large catch-up is applied, and a live change waits at most a slice)
    long until = System.nanoTime() + Math.max(REPUBLISH_SLICE_NANOS, lastApplyNanos / 4);
    lastApplyNanos = 0;
    while (it.hasNext()
        && backlogInFlight.get() < MAX_BACKLOG_IN_FLIGHT
        && System.nanoTime() < until) {
      long id = it.next();
      it.remove();
      Optional<SimilarGames> l = engine.list(id);
      // a game no longer indexed (deleted meanwhile, or a failed tombstone): its tombstone
      send(producer, id, l.orElse(null), true);
    }
  }

  /**
   * True when more records wait (the batch in hand and the lag behind it) than half the index holds
   * and at least {@code bulk.min.backlog}: a catalogue pouring in (the first start of a stack, a
   * replay) is then taken by one full build on every core rather than by as many exact upserts,
   * each of which costs a query over the index (at 350k about 2 ms, a full build about 0.75 ms of
   * CPU per game).
   *
   * <p>A small batch with a small known lag is a steady trickle and costs no broker request. The
   * consumer's own lag can be stale (a transaction's commit markers reach the partitions one after
   * the other, so a first fetch may see only some of them committed), so a batch of at least 1,000
   * records, or one whose known lag already reaches the threshold, asks the broker for the end
   * offsets (read_committed: the last stable offsets).
   */
  private boolean bulkDue(KafkaConsumer<Long, byte[]> c, List<TopicPartition> parts, int polled) {
    long threshold = Math.max(settings.bulkMinBacklog(), engine.size() / 2);
    long known = polled;
    for (TopicPartition tp : parts) {
      known += c.currentLag(tp).orElse(0);
    }
    if (polled < BULK_PROBE_BATCH && known < threshold) {
      return false;
    }
    long total = polled;
    Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(10));
    for (TopicPartition tp : parts) {
      total += Math.max(0, end.get(tp) - c.position(tp));
    }
    return total >= threshold;
  }

  /**
   * Reads every record up to the end offsets of now, on top of the indexed documents, and builds
   * the whole index once (a fresh IDF generation of the grown catalogue); the lists that changed go
   * to the republish backlog, games deleted meanwhile get their tombstone.
   */
  private void bulkCatchUp(
      KafkaConsumer<Long, byte[]> c,
      List<TopicPartition> parts,
      ConsumerRecords<Long, byte[]> first,
      KafkaProducer<byte[], byte[]> producer) {
    long t0 = System.nanoTime();
    Map<TopicPartition, Long> target = c.endOffsets(parts, Duration.ofSeconds(30));
    Map<Long, EnrichedGame> docs = new HashMap<>();
    for (EnrichedGame g : engine.exportState().games()) {
      docs.put(g.id(), g);
    }
    Set<Long> before = new java.util.HashSet<>(docs.keySet());
    long records = 0;
    ConsumerRecords<Long, byte[]> batch = first;
    while (true) {
      for (ConsumerRecord<Long, byte[]> r : batch) {
        records++;
        if (r.value() == null) {
          if (r.key() != null) {
            docs.remove(r.key());
          }
        } else {
          EnrichedGame g = parse(r, producer);
          if (g != null) {
            docs.put(g.id(), g);
          }
        }
        applied.increment();
      }
      if (!running || parts.stream().allMatch(tp -> c.position(tp) >= target.get(tp))) {
        break;
      }
      batch = c.poll(Duration.ofMillis(200));
    }
    long read = System.nanoTime();
    UpdateResult r = engine.buildAll(docs.values());
    bulkBuilds.increment();
    before.removeAll(docs.keySet());
    if (settings.publishSimilar()) {
      for (long id : before) {
        send(producer, id, null);
      }
      republish.removeAll(before);
      republish.addAll(r.changedLists());
    }
    LOG.info(
        "bulk catch-up: {} records read in {} ms, {} games built in {} ms (idf generation {}),"
            + " {} lists to publish",
        records,
        (read - t0) / 1_000_000,
        docs.size(),
        (System.nanoTime() - read) / 1_000_000,
        r.idfGeneration(),
        r.changedLists().size());
  }

  /**
   * Takes the engine's state with the current positions (after the producer flushed the lists they
   * produced) and writes it in the background, or here when {@code wait}. Skipped while the
   * previous write is still running.
   */
  private void saveState(
      KafkaConsumer<Long, byte[]> c,
      List<TopicPartition> parts,
      KafkaProducer<byte[], byte[]> producer,
      boolean wait) {
    if (!settings.publishSimilar()) {
      return;
    }
    if (stateWrite != null && !stateWrite.isDone()) {
      if (!wait) {
        return;
      }
      awaitStateWrite();
    }
    producer.flush();
    Map<Integer, Long> offsets = new HashMap<>();
    for (TopicPartition tp : parts) {
      offsets.put(tp.partition(), c.position(tp));
    }
    long t0 = System.nanoTime();
    StateSnapshot s =
        new StateSnapshot(
            settings.enrichedTopic(),
            settings.similarTopic(),
            settings.listSize(),
            settings.engineFingerprint(),
            offsets,
            Instant.now(),
            engine.exportState());
    long taken = System.nanoTime();
    stateDirty = false;
    stateWrite =
        stateWriter.submit(
            () -> {
              try {
                long bytes = s.write(settings.stateDir());
                LOG.info(
                    "state snapshot written: {} games, {} MB at offsets {}: export {} ms, write {}"
                        + " ms",
                    s.engine().games().size(),
                    bytes >> 20,
                    offsets,
                    (taken - t0) / 1_000_000,
                    (System.nanoTime() - taken) / 1_000_000);
              } catch (RuntimeException e) {
                LOG.error("writing the state snapshot failed (a restart reads Kafka instead)", e);
              }
            });
    if (wait) {
      awaitStateWrite();
    }
  }

  private void awaitStateWrite() {
    try {
      stateWrite.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      LOG.error("state snapshot write failed", e.getCause());
    }
  }

  /** Applies one record; null when it was skipped (unreadable, rejected, keyless tombstone). */
  private UpdateResult apply(
      ConsumerRecord<Long, byte[]> r,
      KafkaProducer<byte[], byte[]> producer,
      Set<Long> changed,
      Set<Long> removed) {
    UpdateResult u;
    if (r.value() == null) {
      if (r.key() == null) {
        return null;
      }
      u = engine.delete(r.key());
    } else {
      EnrichedGame g = parse(r, producer);
      if (g == null) {
        return null;
      }
      try {
        u = engine.upsert(g);
      } catch (RuntimeException e) {
        // one document the engine cannot take must not stop the replica
        deadLetter(r, producer, "engine rejected the document: " + e, e.getClass().getName());
        return null;
      }
    }
    applied.increment();
    if (r.timestamp() > 0) {
      updateLag.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - r.timestamp())));
    }
    changed.addAll(u.changedLists());
    removed.addAll(u.removedGames());
    for (long id : u.changedLists()) {
      removed.remove(id);
    }
    return u;
  }

  /** The document, or null after routing an unreadable record to the DLQ. */
  private EnrichedGame parse(ConsumerRecord<Long, byte[]> r, KafkaProducer<byte[], byte[]> p) {
    String reason;
    String exception;
    try {
      EnrichedGame g = DOCS.fromBytes(r.value());
      if (r.key() == null || g.id() != r.key()) {
        reason = "key " + r.key() + " does not match document id " + g.id();
        exception = DeadLetter.VALIDATION;
      } else {
        return g;
      }
    } catch (SerializationException e) {
      reason = e.getMessage();
      exception = e.getClass().getName();
    }
    deadLetter(r, p, reason, exception);
    return null;
  }

  private void deadLetter(
      ConsumerRecord<Long, byte[]> r,
      KafkaProducer<byte[], byte[]> p,
      String reason,
      String exception) {
    invalidRecords.increment();
    LOG.warn(
        "skipping unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), reason);
    if (!settings.dlqTopic().isEmpty()) {
      byte[] key = r.key() == null ? null : KEYS.serialize(settings.dlqTopic(), r.key());
      ProducerRecord<byte[], byte[]> dl =
          new ProducerRecord<>(
              settings.dlqTopic(),
              null,
              key,
              r.value(),
              DeadLetter.headers(
                  reason, r.topic(), r.partition(), r.offset(), exception, "recommender"));
      p.send(dl);
    }
  }

  private void send(KafkaProducer<byte[], byte[]> producer, long id, SimilarGames value) {
    send(producer, id, value, false);
  }

  /**
   * Publishes a list (null = tombstone). A failed send is queued to be published again from the
   * current state (never silently lost); backlog sends are counted until acknowledged, so the
   * backlog never fills the producer's buffer ahead of fresh changes.
   */
  private void send(
      KafkaProducer<byte[], byte[]> producer, long id, SimilarGames value, boolean backlog) {
    if (backlog) {
      backlogInFlight.incrementAndGet();
    }
    producer.send(
        new ProducerRecord<>(
            settings.similarTopic(),
            KEYS.serialize(settings.similarTopic(), id),
            value == null ? null : LISTS.toBytes(value)),
        (md, e) -> {
          if (backlog) {
            backlogInFlight.decrementAndGet();
          }
          if (e != null) {
            LOG.error("publishing the list of game {} failed: it is published again", id, e);
            failedSends.add(id);
          }
        });
    published.increment();
  }

  private void saveOffsets(
      KafkaConsumer<Long, byte[]> c,
      List<TopicPartition> parts,
      KafkaProducer<byte[], byte[]> producer) {
    if (!settings.publishSimilar()) {
      return;
    }
    producer.flush();
    Map<Integer, Long> offsets = new HashMap<>();
    for (TopicPartition tp : parts) {
      offsets.put(tp.partition(), c.position(tp));
    }
    new OffsetSnapshot(
            settings.enrichedTopic(),
            settings.similarTopic(),
            settings.listSize(),
            offsets,
            Instant.now())
        .write(settings.stateDir());
  }

  private Map<String, Object> consumerProps(String suffix) {
    Map<String, Object> p = new HashMap<>();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-" + suffix);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    return p;
  }

  private Map<String, Object> producerProps() {
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    p.put(ProducerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-similar");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    return p;
  }
}
