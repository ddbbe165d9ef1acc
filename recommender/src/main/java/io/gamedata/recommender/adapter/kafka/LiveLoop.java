package io.gamedata.recommender.adapter.kafka;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.similar.SimilarGames;
import io.gamedata.recommender.adapter.kafka.EnrichedFollower.Phase;
import io.gamedata.recommender.engine.SimilarityEngine;
import io.gamedata.recommender.engine.UpdateResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The follower's loop once the engine is up: each polled batch is applied record by record (upsert,
 * or delete on a tombstone; a large backlog by one {@link BulkCatchUp}), a changed game's own list
 * is published right after its record and the other lists that changed once per batch; IDF
 * generations advance near the end of the topic, their lists republished a slice per round; offsets
 * and the state snapshot are saved on their intervals, and once more when stopping.
 */
final class LiveLoop {

  private static final Logger LOG = LoggerFactory.getLogger(LiveLoop.class);

  /**
   * Lag under which the follower lets IDF generations advance ({@link SimilarityEngine#settle}).
   */
  static final long SETTLE_MAX_LAG = 1_000;

  private final FollowerSettings settings;
  private final SimilarityEngine engine;
  private final FollowerStatus status;
  private final FollowerMetrics metrics;
  private final EnrichedRecords records;
  private final ListPublisher publisher;
  private final SnapshotWriter snapshots;
  private final BulkCatchUp bulk;

  LiveLoop(
      FollowerSettings settings,
      SimilarityEngine engine,
      FollowerStatus status,
      FollowerMetrics metrics,
      EnrichedRecords records,
      ListPublisher publisher,
      SnapshotWriter snapshots) {
    this.settings = settings;
    this.engine = engine;
    this.status = status;
    this.metrics = metrics;
    this.records = records;
    this.publisher = publisher;
    this.snapshots = snapshots;
    this.bulk = new BulkCatchUp(settings, engine, status, records, publisher, metrics);
  }

  void run(KafkaConsumer<Long, byte[]> c, List<TopicPartition> parts) {
    status.phase = Phase.CATCHING_UP;
    Map<TopicPartition, Long> catchUp = c.endOffsets(parts, Duration.ofSeconds(30));
    long nextSave = System.currentTimeMillis() + settings.snapshotIntervalMs();
    long nextState = System.currentTimeMillis() + settings.stateIntervalMs();
    boolean dirty = false;
    while (status.running) {
      ConsumerRecords<Long, byte[]> batch;
      try {
        batch = c.poll(Duration.ofMillis(publisher.backlogEmpty() ? 100 : 5));
      } catch (WakeupException e) {
        continue; // close(): the loop ends, the offsets and the state are saved below
      }
      if (!batch.isEmpty() && bulk.due(c, parts, batch.count())) {
        bulk.run(c, parts, batch);
        dirty = true;
        snapshots.changed();
      } else if (!batch.isEmpty()) {
        applyBatch(batch);
        dirty = true;
        snapshots.changed();
      }
      publisher.publishBacklog(engine);
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
        status.lag = total;
      }
      // a new IDF generation built in the background: install it, then republish the lists it
      // changed a slice per round, after the fresh changes, so live updates never wait for it
      // (only near the end of the topic: a replica loading a backlog does not rebuild on the way)
      if (known && total < SETTLE_MAX_LAG) {
        installGeneration();
      }
      if (!status.ready && parts.stream().allMatch(tp -> c.position(tp) >= catchUp.get(tp))) {
        status.ready = true;
        status.phase = Phase.LIVE;
        if (!known) {
          status.lag = 0;
        }
        LOG.info("caught up: ready ({} games)", engine.size());
        if (snapshots.stateDirty() && publisher.backlogEmpty()) {
          snapshots.saveState(c, parts, false); // the first one after a start from Kafka
          nextState = System.currentTimeMillis() + settings.stateIntervalMs();
        }
      }
      if (!publisher.backlogEmpty()) {
        continue; // offsets and state only once every changed list is on the topic
      }
      if (status.ready && snapshots.stateDirty() && System.currentTimeMillis() >= nextState) {
        snapshots.saveState(c, parts, false);
        nextState = System.currentTimeMillis() + settings.stateIntervalMs();
      }
      if (dirty && System.currentTimeMillis() >= nextSave) {
        snapshots.saveOffsets(c, parts);
        dirty = false;
        nextSave = System.currentTimeMillis() + settings.snapshotIntervalMs();
      }
    }
    if (!publisher.backlogEmpty()) {
      // stopped before every list of a new generation was republished: keep the saved offsets and
      // state of before it, so a restart replays the changes and republishes
      LOG.info("stopping with {} lists not republished yet: offsets kept", publisher.backlogSize());
      return;
    }
    if (dirty) {
      snapshots.saveOffsets(c, parts);
    }
    if (snapshots.stateDirty() && status.ready) {
      snapshots.saveState(c, parts, true);
    } else {
      snapshots.awaitWrite(); // a background write still running: let it finish
    }
  }

  /**
   * Applies a batch record by record. A changed game's own list goes out right after its record is
   * applied (a new game is served from then on); the lists it entered or left go out once per
   * batch, after it.
   */
  private void applyBatch(ConsumerRecords<Long, byte[]> batch) {
    long applyStart = System.nanoTime();
    Set<Long> changed = new LinkedHashSet<>();
    Set<Long> removed = new LinkedHashSet<>();
    Map<Long, Integer> lastChange = new HashMap<>();
    Map<Long, Integer> ownSent = new HashMap<>();
    int i = 0;
    for (ConsumerRecord<Long, byte[]> r : batch) {
      i++;
      UpdateResult u = apply(r, changed, removed);
      if (u == null) {
        continue;
      }
      for (long id : u.changedLists()) {
        lastChange.put(id, i);
      }
      for (long id : u.removedGames()) {
        lastChange.put(id, i);
      }
      if (publisher.enabled()) {
        if (u.removedGames().contains(r.key())) {
          publisher.send(r.key(), null);
          ownSent.put(r.key(), i);
        } else if (u.changedLists().contains(r.key())) {
          Optional<SimilarGames> l = engine.list(r.key());
          if (l.isPresent()) {
            publisher.send(r.key(), l.get());
            ownSent.put(r.key(), i);
          }
        }
      }
    }
    changed.removeAll(removed);
    if (publisher.enabled()) {
      for (long id : removed) {
        if (!lastChange.get(id).equals(ownSent.get(id))) {
          publisher.send(id, null);
        }
      }
      for (long id : changed) {
        if (lastChange.get(id).equals(ownSent.get(id))) {
          continue; // sent right after its own record, unchanged since
        }
        Optional<SimilarGames> l = engine.list(id);
        if (l.isPresent()) {
          publisher.send(id, l.get());
        }
      }
    }
    publisher.dequeue(changed);
    publisher.dequeue(removed);
    publisher.applied(System.nanoTime() - applyStart);
  }

  /** Applies one record; null when it was skipped (unreadable, rejected, keyless tombstone). */
  private UpdateResult apply(ConsumerRecord<Long, byte[]> r, Set<Long> changed, Set<Long> removed) {
    UpdateResult u;
    if (r.value() == null) {
      if (r.key() == null) {
        return null;
      }
      u = engine.delete(r.key());
    } else {
      EnrichedGame g = records.parse(r);
      if (g == null) {
        return null;
      }
      try {
        u = engine.upsert(g);
      } catch (RuntimeException e) {
        // one document the engine cannot take must not stop the replica
        records.deadLetter(r, "engine rejected the document: " + e, e.getClass().getName());
        return null;
      }
    }
    metrics.applied.increment();
    if (r.timestamp() > 0) {
      metrics.updateLag.record(
          Duration.ofMillis(Math.max(0, System.currentTimeMillis() - r.timestamp())));
    }
    changed.addAll(u.changedLists());
    removed.addAll(u.removedGames());
    for (long id : u.changedLists()) {
      removed.remove(id);
    }
    return u;
  }

  /**
   * Lets the engine start or install an IDF generation ({@link SimilarityEngine#settle}); an
   * installed one's changed lists go to the republish backlog, its removed games get tombstones.
   */
  private void installGeneration() {
    long settleStart = System.nanoTime();
    UpdateResult swapped = engine.settle(false);
    if (swapped.generationSwapped()) {
      LOG.info(
          "installed IDF generation {} in {} ms: {} lists to republish",
          swapped.idfGeneration(),
          (System.nanoTime() - settleStart) / 1_000_000,
          swapped.changedLists().size());
      metrics.generationSwaps.increment();
      snapshots.changed();
      if (publisher.enabled()) {
        for (long id : swapped.removedGames()) {
          publisher.send(id, null);
        }
        publisher.enqueue(swapped.changedLists());
      }
    }
  }
}
