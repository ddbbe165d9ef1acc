package io.gamedata.producer.fetch;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.checkpoint.StateStore;
import io.gamedata.producer.client.ClientMetrics;
import io.gamedata.producer.client.IgdbClient;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.publish.RawCopyWriter;
import io.gamedata.producer.publish.RecordSink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulk fetch: reference endpoints first, then games. Each endpoint's id space is split into
 * ranges scanned in parallel with keyset paging ({@code where id > A & id <= B; sort id asc; limit
 * 500;}), optionally several ranges per multiquery. Every page is published (and copied to the raw
 * directory) and acknowledged before the range's cursor is checkpointed, so a killed run resumes
 * where it stopped; records after the last checkpoint are published again (at-least-once, harmless
 * on the compacted topics). A page that keeps failing with 5xx is bisected down to the single bad
 * id, which is recorded in the checkpoint and the summary.
 *
 * <p>This class runs the fetch: the run checkpoint, the workers, the summary. The plan of each
 * endpoint is {@link FetchPlanner}'s, the handing out and splitting of ranges {@link
 * FetchScheduler}'s, the paging of one range {@link RangeCursor}'s, the publishing and checkpoint
 * of one endpoint {@link EndpointRun}'s.
 */
public final class BulkFetcher {

  private static final Logger LOG = LoggerFactory.getLogger(BulkFetcher.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Clock clock;
  private final FetchStats stats = new FetchStats();
  private final FetchContext ctx;

  public BulkFetcher(
      ProducerConfig config,
      IgdbClient client,
      RecordSink sink,
      StateStore state,
      Optional<RawCopyWriter> raw,
      Clock clock) {
    this.ctx = new FetchContext(config, client, sink, state, raw, stats);
    this.clock = clock;
  }

  public FetchStats stats() {
    return stats;
  }

  /** Runs (or resumes) a fetch of the configured endpoints; blocks until done. */
  public FetchSummary run() {
    long t0 = System.nanoTime();
    ClientMetrics m = ctx.client.metrics();
    long req0 = m.requests.sum();
    long thr0 = m.throttled.sum();
    long ret0 = m.retries.sum();
    long err0 = m.serverErrors.sum();
    long tok0 = m.tokenRenewals.sum();

    RunState previous = ctx.readRun().filter(r -> !r.complete).orElse(null);
    boolean resumed = previous != null;
    final RunState run = resumed ? previous : new RunState();
    if (!resumed) {
      run.runId = UUID.randomUUID().toString().substring(0, 8);
      run.startedAt = clock.instant().getEpochSecond();
      ctx.writeJson(FetchContext.RUN_KEY, run);
      LOG.info("Fetch {} started: endpoints {}", run.runId, ctx.config.endpoints());
    } else {
      LOG.info("Fetch {} resumed from its checkpoints", run.runId);
    }

    Map<IgdbEndpoint, EndpointRun> endpoints = new LinkedHashMap<>();
    for (IgdbEndpoint e : ctx.config.endpoints()) {
      FetchState s =
          ctx.readState(e).filter(x -> run.runId.equals(x.runId)).orElse(new FetchState(run.runId));
      endpoints.put(e, new EndpointRun(ctx, e, s));
    }
    // references first (in queue order), games last; a worker that finds the queue empty splits
    // the largest range in flight, so the tail of the scan stays parallel
    List<EndpointRun> ordered = new ArrayList<>();
    endpoints.values().stream().filter(x -> x.endpoint != IgdbEndpoint.GAMES).forEach(ordered::add);
    endpoints.values().stream().filter(x -> x.endpoint == IgdbEndpoint.GAMES).forEach(ordered::add);
    FetchPlanner planner = new FetchPlanner(ctx);
    FetchScheduler scheduler = new FetchScheduler(ctx, planner);
    for (EndpointRun er : ordered) {
      if (!er.state.planned) {
        scheduler.plans.add(er);
      } else {
        if (er.state.density <= 0) {
          er.state.density = 1.0;
        }
        scheduler.queue.addAll(er.openRanges());
      }
    }
    if (ctx.config.multiquery()) {
      planner.planByMultiquery(scheduler);
    }
    // single queries: enough ranges at once to fill every slot of the rate limit (6 cover 4/s
    // with up to ~1.2 s per request and its publishing); an idle worker splits a range only when
    // fewer than workers - 1 are in flight, since each split costs one partial page
    int workers =
        ctx.config.multiquery()
            ? FetchScheduler.MQ_WORKERS
            : Math.max(1, Math.min(ctx.config.rangesPerEndpoint(), ctx.config.maxInFlight()));
    scheduler.minActive = Math.max(1, workers - 1);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "fetch-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Callable<Void>> work = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        work.add(
            () -> {
              if (ctx.config.multiquery()) {
                scheduler.workMulti();
              } else {
                scheduler.workSingle();
              }
              return null;
            });
      }
      invokeAll(pool, work);
    } finally {
      pool.shutdownNow();
    }
    run.complete = true;
    ctx.writeJson(FetchContext.RUN_KEY, run);
    for (IgdbEndpoint e : ctx.config.endpoints()) {
      String key = "sync/" + e.path();
      if (ctx.state.get(key).isEmpty()) {
        ctx.state.put(key, "{\"cursor\":" + run.startedAt + "}");
      }
    }
    Map<IgdbEndpoint, Long> records = new EnumMap<>(IgdbEndpoint.class);
    Map<IgdbEndpoint, Long> bytes = new EnumMap<>(IgdbEndpoint.class);
    List<BadId> bad = new ArrayList<>();
    for (EndpointRun er : endpoints.values()) {
      records.put(er.endpoint, stats.records(er.endpoint));
      bytes.put(er.endpoint, stats.bytes(er.endpoint));
      bad.addAll(er.state.badIds);
    }
    FetchSummary summary =
        new FetchSummary(
            run.runId,
            resumed,
            Duration.ofNanos(System.nanoTime() - t0),
            records,
            bytes,
            m.requests.sum() - req0,
            m.throttled.sum() - thr0,
            m.retries.sum() - ret0,
            m.serverErrors.sum() - err0,
            m.tokenRenewals.sum() - tok0,
            bad);
    LOG.info("{}", summary.render());
    return summary;
  }

  /** Runs the tasks on the pool; the first failure cancels the others and is thrown. */
  static void invokeAll(ExecutorService pool, List<Callable<Void>> tasks) {
    List<Future<Void>> fs = new ArrayList<>();
    for (Callable<Void> c : tasks) {
      fs.add(pool.submit(c));
    }
    try {
      for (Future<Void> f : fs) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fs.forEach(f -> f.cancel(true));
      throw new IllegalStateException("Fetch interrupted", e);
    } catch (ExecutionException e) {
      fs.forEach(f -> f.cancel(true));
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("Fetch failed: " + c, c);
    }
  }

  /** The run-level checkpoint: which run is going on, since when, and whether it completed. */
  public static final class RunState {
    public String runId;
    public long startedAt;
    public boolean complete;
  }
}
