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

  private final FollowerParts p;
  private final BulkCatchUp bulk;

  LiveLoop(FollowerParts parts) {
    this.p = parts;
    this.bulk = new BulkCatchUp(parts);
  }

  void run(KafkaConsumer<Long, byte[]> c, List<TopicPartition> parts) {
    p.status().phase = Phase.CATCHING_UP;
    Map<TopicPartition, Long> catchUp = c.endOffsets(parts, Duration.ofSeconds(30));
    long nextSave = System.currentTimeMillis() + p.settings().snapshotIntervalMs();
    long nextState = System.currentTimeMillis() + p.settings().stateIntervalMs();
    boolean dirty = false;
    while (p.status().running) {
      ConsumerRecords<Long, byte[]> batch;
      try {
        batch = c.poll(Duration.ofMillis(p.publisher().backlogEmpty() ? 100 : 5));
      } catch (WakeupException e) {
        continue; // close(): the loop ends, the offsets and the state are saved below
      }
      if (!batch.isEmpty() && bulk.due(c, parts, batch.count())) {
        bulk.run(c, parts, batch);
        dirty = true;
        p.snapshots().changed();
      } else if (!batch.isEmpty()) {
        applyBatch(batch);
        dirty = true;
        p.snapshots().changed();
      }
      p.publisher().publishBacklog(p.engine());
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
        p.status().lag = total;
      }
      // a new IDF generation built in the background: install it, then republish the lists it
      // changed a slice per round, after the fresh changes, so live updates never wait for it
      // (only near the end of the topic: a replica loading a backlog does not rebuild on the way)
      if (known && total < SETTLE_MAX_LAG) {
        installGeneration();
      }
      if (!p.status().ready && parts.stream().allMatch(tp -> c.position(tp) >= catchUp.get(tp))) {
        p.status().ready = true;
        p.status().phase = Phase.LIVE;
        if (!known) {
          p.status().lag = 0;
        }
        LOG.info("caught up: ready ({} games)", p.engine().size());
        if (p.snapshots().stateDirty() && p.publisher().backlogEmpty()) {
          p.snapshots().saveState(c, parts, false); // the first one after a start from Kafka
          nextState = System.currentTimeMillis() + p.settings().stateIntervalMs();
        }
      }
      if (!p.publisher().backlogEmpty()) {
        continue; // offsets and state only once every changed list is on the topic
      }
      if (p.status().ready
          && p.snapshots().stateDirty()
          && System.currentTimeMillis() >= nextState) {
        p.snapshots().saveState(c, parts, false);
        nextState = System.currentTimeMillis() + p.settings().stateIntervalMs();
      }
      if (dirty && System.currentTimeMillis() >= nextSave) {
        p.snapshots().saveOffsets(c, parts);
        dirty = false;
        nextSave = System.currentTimeMillis() + p.settings().snapshotIntervalMs();
      }
    }
    if (!p.publisher().backlogEmpty()) {
      // stopped before every list of a new generation was republished: keep the saved offsets and
      // state of before it, so a restart replays the changes and republishes
      LOG.info(
          "stopping with {} lists not republished yet: offsets kept", p.publisher().backlogSize());
      return;
    }
    if (dirty) {
      p.snapshots().saveOffsets(c, parts);
    }
    if (p.snapshots().stateDirty() && p.status().ready) {
      p.snapshots().saveState(c, parts, true);
    } else {
      p.snapshots().awaitWrite(); // a background write still running: let it finish
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
      if (p.publisher().enabled()) {
        if (u.removedGames().contains(r.key())) {
          p.publisher().send(r.key(), null);
          ownSent.put(r.key(), i);
        } else if (u.changedLists().contains(r.key())) {
          Optional<SimilarGames> l = p.engine().list(r.key());
          if (l.isPresent()) {
            p.publisher().send(r.key(), l.get());
            ownSent.put(r.key(), i);
          }
        }
      }
    }
    changed.removeAll(removed);
    if (p.publisher().enabled()) {
      for (long id : removed) {
        if (!lastChange.get(id).equals(ownSent.get(id))) {
          p.publisher().send(id, null);
        }
      }
      for (long id : changed) {
        if (lastChange.get(id).equals(ownSent.get(id))) {
          continue; // sent right after its own record, unchanged since
        }
        Optional<SimilarGames> l = p.engine().list(id);
        if (l.isPresent()) {
          p.publisher().send(id, l.get());
        }
      }
    }
    p.publisher().dequeue(changed);
    p.publisher().dequeue(removed);
    p.publisher().applied(System.nanoTime() - applyStart);
  }

  /** Applies one record; null when it was skipped (unreadable, rejected, keyless tombstone). */
  private UpdateResult apply(ConsumerRecord<Long, byte[]> r, Set<Long> changed, Set<Long> removed) {
    UpdateResult u;
    if (r.value() == null) {
      if (r.key() == null) {
        return null;
      }
      u = p.engine().delete(r.key());
    } else {
      EnrichedGame g = p.records().parse(r);
      if (g == null) {
        return null;
      }
      try {
        u = p.engine().upsert(g);
      } catch (RuntimeException e) {
        // one document the engine cannot take must not stop the replica
        p.records().deadLetter(r, "engine rejected the document: " + e, e.getClass().getName());
        return null;
      }
    }
    p.metrics().applied.increment();
    if (r.timestamp() > 0) {
      p.metrics()
          .updateLag
          .record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - r.timestamp())));
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
    UpdateResult swapped = p.engine().settle(false);
    if (swapped.generationSwapped()) {
      LOG.info(
          "installed IDF generation {} in {} ms: {} lists to republish",
          swapped.idfGeneration(),
          (System.nanoTime() - settleStart) / 1_000_000,
          swapped.changedLists().size());
      p.metrics().generationSwaps.increment();
      p.snapshots().changed();
      if (p.publisher().enabled()) {
        for (long id : swapped.removedGames()) {
          p.publisher().send(id, null);
        }
        p.publisher().enqueue(swapped.changedLists());
      }
    }
  }
}
