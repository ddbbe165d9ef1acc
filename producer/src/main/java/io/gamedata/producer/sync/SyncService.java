package io.gamedata.producer.sync;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.checkpoint.StateStore;
import io.gamedata.producer.client.IgdbClient;
import io.gamedata.producer.client.RawRecord;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.publish.RecordSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incremental sync: polls {@code updated_at >= cursor - overlap} on a schedule, so that records
 * updated in the same second as the last poll (or indexed late) are not missed; records already
 * published with the same {@code updated_at} are not published again. The cursor is durable in the
 * state store ({@code sync/<endpoint>}). Deletes are found by a periodic id-set diff (ids live in
 * Kafka but gone from IGDB) and published as tombstones.
 */
public final class SyncService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
  private static final Pattern CURSOR = Pattern.compile("\"cursor\"\\s*:\\s*(\\d+)");

  private final ProducerConfig config;
  private final IgdbClient client;
  private final RecordSink sink;
  private final StateStore state;
  private final Clock clock;
  private final Function<IgdbEndpoint, BitSet> kafkaIds;
  private final Map<IgdbEndpoint, Map<Long, long[]>> recent = new HashMap<>();
  private ScheduledExecutorService scheduler;

  /** Result of one poll. */
  public record PollResult(IgdbEndpoint endpoint, int published, int skipped, long cursor) {}

  /**
   * @param kafkaIds the ids currently live in an endpoint's raw topic (read before IGDB is scanned)
   */
  public SyncService(
      ProducerConfig config,
      IgdbClient client,
      RecordSink sink,
      StateStore state,
      Function<IgdbEndpoint, BitSet> kafkaIds,
      Clock clock) {
    this.config = config;
    this.client = client;
    this.sink = sink;
    this.state = state;
    this.kafkaIds = kafkaIds;
    this.clock = clock;
  }

  /** The stored cursor (unix seconds), or now minus the overlap when none is stored. */
  public long cursor(IgdbEndpoint e) {
    return state
        .get(key(e))
        .map(CURSOR::matcher)
        .filter(Matcher::find)
        .map(m -> Long.parseLong(m.group(1)))
        .orElse(clock.instant().getEpochSecond() - config.syncOverlap().toSeconds());
  }

  private static String key(IgdbEndpoint e) {
    return "sync/" + e.path();
  }

  /** One poll of one endpoint: everything updated since cursor - overlap. */
  public synchronized PollResult poll(IgdbEndpoint e) {
    long cursor = cursor(e);
    long from = cursor - config.syncOverlap().toSeconds();
    Map<Long, long[]> seen = recent.computeIfAbsent(e, k -> new HashMap<>());
    int size = config.pageSize();
    int published = 0;
    int skipped = 0;
    long max = cursor;
    long f = from;
    while (true) {
      List<RawRecord> page =
          client.query(
              e.path(),
              "fields *; where updated_at >= " + f + "; sort updated_at asc; limit " + size + ";");
      List<RawRecord> fresh = new ArrayList<>();
      for (RawRecord r : page) {
        if (alreadyPublished(seen, r)) {
          skipped++;
        } else {
          fresh.add(r);
        }
      }
      publishAll(e, fresh);
      published += fresh.size();
      for (RawRecord r : page) {
        remember(seen, r);
        if (r.updatedAt() != null) {
          max = Math.max(max, r.updatedAt());
        }
      }
      if (page.size() < size) {
        break;
      }
      long last =
          page.get(page.size() - 1).updatedAt() == null ? f : page.get(page.size() - 1).updatedAt();
      if (last <= f) {
        // a full page within one second: page that second by id, then go past it
        published += sameSecond(e, f, seen);
        f = f + 1;
      } else {
        f = last;
      }
    }
    state.put(key(e), "{\"cursor\":" + max + "}");
    long keepFrom = max - config.syncOverlap().toSeconds();
    seen.values().removeIf(u -> u[0] < keepFrom);
    if (published > 0) {
      LOG.info("sync {}: {} records published, cursor {}", e.path(), published, max);
    }
    return new PollResult(e, published, skipped, max);
  }

  /**
   * True when this exact content was published already: a record fetched again within the overlap
   * is skipped, but one changed twice within the same second (same updated_at, new content) is not.
   */
  private static boolean alreadyPublished(Map<Long, long[]> seen, RawRecord r) {
    long[] s = seen.get(r.id());
    return s != null && s[1] == contentHash(r.json());
  }

  private static void remember(Map<Long, long[]> seen, RawRecord r) {
    long u = r.updatedAt() == null ? Long.MAX_VALUE : r.updatedAt();
    seen.put(r.id(), new long[] {u, contentHash(r.json())});
  }

  static long contentHash(byte[] json) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(json);
    return (crc.getValue() << 32) ^ java.util.Arrays.hashCode(json);
  }

  private int sameSecond(IgdbEndpoint e, long second, Map<Long, long[]> seen) {
    int n = 0;
    long after = -1; // ids start at 0 (game_types, game_statuses)
    while (true) {
      List<RawRecord> page =
          client.query(
              e.path(),
              "fields *; where updated_at = "
                  + second
                  + " & id > "
                  + after
                  + "; sort id asc; limit "
                  + config.pageSize()
                  + ";");
      List<RawRecord> fresh = page.stream().filter(r -> !alreadyPublished(seen, r)).toList();
      publishAll(e, fresh);
      n += fresh.size();
      page.forEach(r -> remember(seen, r));
      if (page.size() < config.pageSize()) {
        return n;
      }
      after = page.get(page.size() - 1).id();
    }
  }

  /** Ids live in Kafka but absent from IGDB become tombstones. Returns the ids deleted. */
  public synchronized List<Long> diffDeletes(IgdbEndpoint e) {
    BitSet inKafka = kafkaIds.apply(e); // first Kafka, then IGDB: a create in between is safe
    BitSet inIgdb = new BitSet();
    long after = -1; // ids start at 0 (game_types, game_statuses)
    while (true) {
      List<RawRecord> page =
          client.query(
              e.path(),
              "fields id; where id > " + after + "; sort id asc; limit " + config.pageSize() + ";");
      page.forEach(r -> inIgdb.set((int) r.id()));
      if (page.size() < config.pageSize()) {
        break;
      }
      after = page.get(page.size() - 1).id();
    }
    BitSet gone = (BitSet) inKafka.clone();
    gone.andNot(inIgdb);
    List<Long> ids = new ArrayList<>();
    List<CompletableFuture<Void>> fs = new ArrayList<>();
    for (int id = gone.nextSetBit(0); id >= 0; id = gone.nextSetBit(id + 1)) {
      ids.add((long) id);
      fs.add(sink.delete(e, id));
    }
    CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).join();
    if (!ids.isEmpty()) {
      LOG.info("sync {}: {} deletes found by id diff, tombstones published", e.path(), ids.size());
    }
    return ids;
  }

  private void publishAll(IgdbEndpoint e, List<RawRecord> records) {
    List<CompletableFuture<Void>> fs = new ArrayList<>();
    for (RawRecord r : records) {
      fs.add(sink.publish(e, r.id(), r.json()));
    }
    CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).join();
  }

  /** Starts polling every sync interval and diffing every delete-diff interval. */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "igdb-sync");
              t.setDaemon(true);
              return t;
            });
    long poll = config.syncInterval().toMillis();
    long diff = config.deleteDiffInterval().toMillis();
    scheduler.scheduleWithFixedDelay(
        () -> safely(() -> config.syncEndpoints().forEach(this::poll)),
        0,
        poll,
        TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        () -> safely(() -> config.deleteDiffEndpoints().forEach(this::diffDeletes)),
        diff,
        diff,
        TimeUnit.MILLISECONDS);
    LOG.info("Sync started: {} every {} s", config.syncEndpoints(), poll / 1000);
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("Sync round failed, next round retries: {}", e.toString());
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
  }
}
