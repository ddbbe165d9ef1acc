package io.gamedata.recommender.adapter.kafka;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.similar.SimilarGames;
import io.gamedata.recommender.adapter.kafka.EnrichedFollower.Phase;
import io.gamedata.recommender.engine.UpdateResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a replica comes up, in order of preference (see {@link EnrichedFollower}): load a usable
 * {@link StateSnapshot} ({@code snapshot}); else read the documents up to a usable {@link
 * OffsetSnapshot}'s offsets and restore the lists from the similar topic ({@code restore}); else
 * read every document and build ({@code build}), publishing every list. Leaves the consumer at the
 * offsets to follow from.
 */
final class Startup {

  private static final Logger LOG = LoggerFactory.getLogger(Startup.class);

  private final FollowerParts p;

  Startup(FollowerParts parts) {
    this.p = parts;
  }

  /**
   * Brings the engine up and positions the consumer; returns the partitions to follow, or null when
   * stopped first.
   */
  List<TopicPartition> run(KafkaConsumer<Long, byte[]> c) {
    if (!p.status().running) {
      return null;
    }
    List<TopicPartition> parts = partitions(c);
    if (parts == null) {
      return null;
    }
    c.assign(parts);
    Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
    p.status().phase = Phase.LOADING;
    long s0 = System.nanoTime();
    Optional<StateSnapshot> state =
        p.settings().restoreOnStart()
            ? StateSnapshot.read(p.settings().stateDir()).filter(s -> usable(s, c, parts, end))
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
      p.status().startMode = "snapshot";
      p.snapshots().loaded();
      return parts;
    }
    state = Optional.empty(); // the documents of an unusable snapshot can go
    Optional<OffsetSnapshot> snap =
        p.settings().restoreOnStart()
            ? OffsetSnapshot.read(p.settings().stateDir()).filter(s -> usable(s, parts, end))
            : Optional.empty();
    Map<TopicPartition, Long> target = new HashMap<>(end);
    snap.ifPresent(s -> parts.forEach(tp -> target.put(tp, s.offsets().get(tp.partition()))));
    long t0 = System.nanoTime();
    Map<Long, EnrichedGame> docs = readDocuments(c, parts, target);
    if (!p.status().running) {
      return null;
    }
    long loaded = System.nanoTime();
    p.status().phase = Phase.BUILDING;
    if (snap.isPresent()) {
      p.status().startMode = "restore";
      Map<Long, SimilarGames> lists =
          SimilarTopicReader.readAll(
              KafkaClients.consumer(p.settings(), "similar"), p.settings().similarTopic());
      long read = System.nanoTime();
      p.engine().restore(docs.values(), lists.values());
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
      p.status().startMode = "build";
      UpdateResult r = p.engine().buildAll(docs.values());
      long built = System.nanoTime();
      if (p.publisher().enabled()) {
        p.publisher().sendAll(p.engine());
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
    p.snapshots().saveOffsets(c, parts);
    return parts;
  }

  /** The enriched topic's partitions, once it exists (null when stopped meanwhile). */
  private List<TopicPartition> partitions(KafkaConsumer<Long, byte[]> c) {
    long deadlineLog = System.nanoTime();
    while (p.status().running) {
      List<TopicPartition> parts = new ArrayList<>();
      try {
        var infos = c.partitionsFor(p.settings().enrichedTopic(), Duration.ofSeconds(5));
        if (infos != null) {
          infos.forEach(pi -> parts.add(new TopicPartition(pi.topic(), pi.partition())));
        }
      } catch (TimeoutException e) {
        // broker not reachable yet or topic unknown
      }
      if (!parts.isEmpty()) {
        return parts;
      }
      if (System.nanoTime() - deadlineLog > 0) {
        LOG.warn("waiting for topic {}", p.settings().enrichedTopic());
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
        s.enrichedTopic().equals(p.settings().enrichedTopic())
            && s.similarTopic().equals(p.settings().similarTopic())
            && s.listSize() == p.settings().listSize()
            && p.settings().publishSimilar()
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
    p.status().phase = Phase.BUILDING;
    try {
      p.engine().importState(s.engine());
      return true;
    } catch (IllegalArgumentException e) {
      LOG.warn("not loading state snapshot {}: {}; reading Kafka instead", s, e.getMessage());
      p.status().phase = Phase.LOADING;
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
    if (!s.enrichedTopic().equals(p.settings().enrichedTopic())
        || !s.similarTopic().equals(p.settings().similarTopic())) {
      why = "other topics";
    } else if (s.listSize() != p.settings().listSize()
        || !s.engineFingerprint().equals(p.settings().engineFingerprint())) {
      why = "other engine settings";
    } else if (!p.settings().publishSimilar()) {
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

  /** The latest document of every game up to {@code target} (tombstones remove). */
  private Map<Long, EnrichedGame> readDocuments(
      KafkaConsumer<Long, byte[]> c, List<TopicPartition> parts, Map<TopicPartition, Long> target) {
    c.seekToBeginning(parts);
    Map<Long, EnrichedGame> docs = new HashMap<>();
    while (p.status().running && parts.stream().anyMatch(tp -> c.position(tp) < target.get(tp))) {
      for (ConsumerRecord<Long, byte[]> r : c.poll(Duration.ofMillis(200))) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (r.offset() >= target.get(tp)) {
          continue; // read again in the live phase (seek back)
        }
        if (r.value() == null) {
          if (r.key() != null) {
            docs.remove(r.key());
          }
          continue;
        }
        EnrichedGame g = p.records().parse(r);
        if (g != null) {
          docs.put(g.id(), g);
        }
      }
    }
    return docs;
  }
}
