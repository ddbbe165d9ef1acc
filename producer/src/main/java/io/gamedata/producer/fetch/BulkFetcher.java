package io.gamedata.producer.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.json.Json;
import io.gamedata.producer.checkpoint.StateStore;
import io.gamedata.producer.client.ClientMetrics;
import io.gamedata.producer.client.IgdbClient;
import io.gamedata.producer.client.IgdbException;
import io.gamedata.producer.client.RawRecord;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 */
public final class BulkFetcher {

  private static final Logger LOG = LoggerFactory.getLogger(BulkFetcher.class);
  static final String RUN_KEY = "fetch/run";
  private static final int BISECT_ATTEMPTS = 2;
  private static final int MULTIQUERY_MAX = 10;
  private static final int MIN_PAGES_PER_RANGE = 6;

  private final ProducerConfig config;
  private final IgdbClient client;
  private final RecordSink sink;
  private final StateStore state;
  private final Optional<RawCopyWriter> raw;
  private final Clock clock;
  private final FetchStats stats = new FetchStats();
  private final int pageSize;

  public BulkFetcher(
      ProducerConfig config,
      IgdbClient client,
      RecordSink sink,
      StateStore state,
      Optional<RawCopyWriter> raw,
      Clock clock) {
    this.config = config;
    this.client = client;
    this.sink = sink;
    this.state = state;
    this.raw = raw;
    this.clock = clock;
    this.pageSize = config.pageSize();
  }

  public FetchStats stats() {
    return stats;
  }

  /** Runs (or resumes) a fetch of the configured endpoints; blocks until done. */
  public FetchSummary run() {
    long t0 = System.nanoTime();
    ClientMetrics m = client.metrics();
    long req0 = m.requests.sum();
    long thr0 = m.throttled.sum();
    long ret0 = m.retries.sum();
    long err0 = m.serverErrors.sum();
    long tok0 = m.tokenRenewals.sum();

    RunState previous = readRun().filter(r -> !r.complete).orElse(null);
    boolean resumed = previous != null;
    final RunState run = resumed ? previous : new RunState();
    if (!resumed) {
      run.runId = UUID.randomUUID().toString().substring(0, 8);
      run.startedAt = clock.instant().getEpochSecond();
      writeJson(RUN_KEY, run);
      LOG.info("Fetch {} started: endpoints {}", run.runId, config.endpoints());
    } else {
      LOG.info("Fetch {} resumed from its checkpoints", run.runId);
    }

    Map<IgdbEndpoint, EndpointRun> endpoints = new LinkedHashMap<>();
    for (IgdbEndpoint e : config.endpoints()) {
      FetchState s =
          readState(e).filter(x -> run.runId.equals(x.runId)).orElse(new FetchState(run.runId));
      endpoints.put(e, new EndpointRun(e, s));
    }
    int threads = Math.max(4, config.maxInFlight() * 2);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "fetch-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<EndpointRun> refs =
          endpoints.values().stream().filter(x -> x.endpoint != IgdbEndpoint.GAMES).toList();
      List<EndpointRun> games =
          endpoints.values().stream().filter(x -> x.endpoint == IgdbEndpoint.GAMES).toList();
      runPhase(pool, refs);
      runPhase(pool, games);
    } finally {
      pool.shutdownNow();
    }
    run.complete = true;
    writeJson(RUN_KEY, run);
    for (IgdbEndpoint e : config.endpoints()) {
      String key = "sync/" + e.path();
      if (state.get(key).isEmpty()) {
        state.put(key, "{\"cursor\":" + run.startedAt + "}");
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

  private static final AtomicInteger THREADS = new AtomicInteger();

  private void runPhase(ExecutorService pool, List<EndpointRun> eps) {
    List<Callable<Void>> plans = new ArrayList<>();
    for (EndpointRun er : eps) {
      if (!er.state.planned) {
        plans.add(
            () -> {
              plan(er);
              return null;
            });
      }
    }
    invokeAll(pool, plans);
    List<RangeCursor> open = new ArrayList<>();
    for (EndpointRun er : eps) {
      for (int i = 0; i < er.state.ranges.size(); i++) {
        if (!er.state.ranges.get(i).done) {
          open.add(new RangeCursor(er, i));
        }
      }
    }
    List<Callable<Void>> work = new ArrayList<>();
    if (config.multiquery()) {
      // interleave endpoints so that one multiquery carries ranges of several
      for (int g = 0; g < open.size(); g += MULTIQUERY_MAX) {
        List<RangeCursor> group = open.subList(g, Math.min(open.size(), g + MULTIQUERY_MAX));
        work.add(
            () -> {
              scanMulti(group);
              return null;
            });
      }
    } else {
      for (RangeCursor rc : open) {
        work.add(
            () -> {
              while (!rc.done()) {
                rc.stepSingle();
              }
              return null;
            });
      }
    }
    invokeAll(pool, work);
  }

  private static void invokeAll(ExecutorService pool, List<Callable<Void>> tasks) {
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

  /**
   * First page of the endpoint; if it is full, the highest id, and the rest of the id space split
   * into ranges aligned to the page size (dense ids then need no extra request per range). The last
   * range is open-ended, so records created during the fetch are not missed.
   */
  private void plan(EndpointRun er) {
    FetchState s = er.state;
    String path = er.endpoint.path();
    List<RawRecord> first;
    boolean firstFailed = false;
    try {
      first = client.query(path, pageQuery(-1, -1));
    } catch (IgdbException e) {
      if (e.status() < 500) {
        throw e;
      }
      LOG.warn(
          "{}: first page keeps failing ({}); the ranges will bisect it", path, e.getMessage());
      first = List.of();
      firstFailed = true;
    }
    er.publishPage(first);
    long last = first.isEmpty() ? -1 : first.get(first.size() - 1).id();
    List<FetchState.Range> ranges = new ArrayList<>();
    if (!firstFailed && first.size() < pageSize) {
      FetchState.Range r = new FetchState.Range(-1, -1);
      r.cursor = last;
      r.done = true;
      ranges.add(r);
      stats.expect(er.endpoint, first.size());
    } else {
      long max;
      try {
        List<RawRecord> top = client.query(path, "fields id; sort id desc; limit 1;");
        max = top.isEmpty() ? last : top.get(0).id();
      } catch (IgdbException e) {
        if (e.status() < 500) {
          throw e;
        }
        LOG.warn("{}: highest id unknown ({}); scanning one open range", path, e.getMessage());
        max = last;
      }
      long span = Math.max(0, max - last);
      // estimate the records left from the density of the first page; every range should get
      // several pages, since each range ends with one partial page
      double density = first.isEmpty() ? 1.0 : first.size() / (double) Math.max(1, last + 1);
      long estPages = (long) Math.ceil(span * Math.min(1.0, density) / pageSize);
      int maxParts = config.rangesPerEndpoint() * (config.multiquery() ? 5 : 1);
      // a multiquery carries one page of up to 10 ranges: it needs many short ranges
      int minPages = config.multiquery() ? 2 : MIN_PAGES_PER_RANGE;
      int parts = (int) Math.max(1, Math.min(maxParts, estPages / minPages));
      long per = Math.max(pageSize, ceilDiv(ceilDiv(span, parts), pageSize) * pageSize);
      long lo = last;
      while (lo + per < max) {
        ranges.add(new FetchState.Range(lo, lo + per));
        lo += per;
      }
      ranges.add(new FetchState.Range(lo, -1));
      stats.expect(er.endpoint, max);
    }
    synchronized (er) {
      s.ranges = ranges;
      s.planned = true;
      er.save();
    }
    LOG.info(
        "{}: {} range(s) planned after a first page of {} records",
        path,
        ranges.size(),
        first.size());
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  String pageQuery(long after, long upTo) {
    return "fields *; where id > "
        + after
        + (upTo >= 0 ? " & id <= " + upTo : "")
        + "; sort id asc; limit "
        + pageSize
        + ";";
  }

  private void scanMulti(List<RangeCursor> group) {
    while (true) {
      List<RangeCursor> active = group.stream().filter(rc -> !rc.done()).toList();
      if (active.isEmpty()) {
        return;
      }
      StringBuilder body = new StringBuilder();
      Map<String, RangeCursor> byName = new LinkedHashMap<>();
      for (RangeCursor rc : active) {
        String name = rc.er.endpoint.path() + "-" + rc.index;
        byName.put(name, rc);
        body.append("query ")
            .append(rc.er.endpoint.path())
            .append(" \"")
            .append(name)
            .append("\" { ")
            .append(pageQuery(rc.range().cursor, rc.range().hi))
            .append(" };\n");
      }
      Map<String, List<RawRecord>> answer;
      try {
        answer = client.multiquery(body.toString(), config.maxAttempts());
      } catch (IgdbException e) {
        if (!e.retryable()) {
          throw e;
        }
        LOG.warn(
            "Multiquery failed ({}); falling back to single queries for one page each",
            e.getMessage());
        for (RangeCursor rc : active) {
          rc.stepSingle();
        }
        continue;
      }
      for (var en : byName.entrySet()) {
        List<RawRecord> page = answer.get(en.getKey());
        if (page == null) {
          en.getValue().stepSingle(); // missing from the answer: ask for it alone
        } else {
          en.getValue().accept(page);
        }
      }
    }
  }

  /** One endpoint of the run: its checkpoint and its bad ids. */
  private final class EndpointRun {
    final IgdbEndpoint endpoint;
    final FetchState state;

    EndpointRun(IgdbEndpoint endpoint, FetchState state) {
      this.endpoint = endpoint;
      this.state = state;
    }

    /** Publishes a page and waits until every record is acknowledged. */
    void publishPage(List<RawRecord> page) {
      if (page.isEmpty()) {
        return;
      }
      List<byte[]> jsons = new ArrayList<>(page.size());
      CompletableFuture<?>[] fs = new CompletableFuture<?>[page.size()];
      long bytes = 0;
      for (int i = 0; i < page.size(); i++) {
        RawRecord r = page.get(i);
        fs[i] = sink.publish(endpoint, r.id(), r.json());
        jsons.add(r.json());
        bytes += r.json().length;
      }
      raw.ifPresent(w -> w.write(endpoint, jsons));
      try {
        CompletableFuture.allOf(fs).get(10, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while publishing " + endpoint.path(), e);
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException(
            "Kafka did not acknowledge records of " + endpoint.path() + ": " + e.getCause(), e);
      }
      stats.add(endpoint, page.size(), bytes);
      stats.pages.increment();
      synchronized (this) {
        state.recordsPublished += page.size();
      }
    }

    synchronized void badId(BadId b) {
      state.badIds.add(b);
      save();
      LOG.error(
          "Bad id {}/{}: IGDB keeps failing it (HTTP {}); recorded, fetch goes on",
          b.endpoint(),
          b.id(),
          b.status());
    }

    synchronized void save() {
      writeJson("fetch/" + endpoint.path(), state);
    }
  }

  /** The keyset cursor of one range; every step publishes one page and checkpoints. */
  private final class RangeCursor {
    final EndpointRun er;
    final int index;

    RangeCursor(EndpointRun er, int index) {
      this.er = er;
      this.index = index;
    }

    FetchState.Range range() {
      synchronized (er) {
        return er.state.ranges.get(index);
      }
    }

    boolean done() {
      synchronized (er) {
        return range().done;
      }
    }

    /** Applies a page fetched for the current cursor. */
    void accept(List<RawRecord> page) {
      FetchState.Range r = range();
      er.publishPage(page);
      long cursor = page.isEmpty() ? r.cursor : page.get(page.size() - 1).id();
      boolean finished = page.size() < pageSize || cursor >= r.upper();
      checkpoint(cursor, finished);
    }

    void checkpoint(long cursor, boolean finished) {
      synchronized (er) {
        FetchState.Range r = range();
        r.cursor = cursor;
        r.done = finished || cursor >= r.upper();
        er.save();
      }
    }

    /** One page by a single query; on a persistent 5xx, bisect instead. */
    void stepSingle() {
      FetchState.Range r = range();
      long c = r.cursor;
      try {
        accept(client.query(er.endpoint.path(), pageQuery(c, r.hi)));
      } catch (IgdbException e) {
        if (e.status() < 500) {
          throw e;
        }
        long bound = r.openEnded() ? c + 2L * pageSize : r.hi;
        LOG.warn(
            "{}: page after id {} keeps failing (HTTP {}); bisecting ({}, {}]",
            er.endpoint.path(),
            c,
            e.status(),
            c,
            bound);
        bisect(c, bound);
        checkpoint(bound, !r.openEnded() && bound >= r.hi);
      }
    }

    /** Fetches {@code (lo, hi]} completely, isolating ids that keep failing. */
    private void bisect(long lo, long hi) {
      long c = lo;
      while (c < hi) {
        try {
          List<RawRecord> page =
              client.query(
                  er.endpoint.path(),
                  pageQuery(c, hi),
                  hi - c == 1 ? config.maxAttempts() : BISECT_ATTEMPTS);
          er.publishPage(page);
          if (page.size() < pageSize) {
            return;
          }
          c = page.get(page.size() - 1).id();
        } catch (IgdbException e) {
          if (e.status() < 500) {
            throw e;
          }
          if (hi - c == 1) {
            er.badId(new BadId(er.endpoint.path(), hi, e.status(), e.getMessage()));
            return;
          }
          long mid = c + (hi - c) / 2;
          bisect(c, mid);
          bisect(mid, hi);
          return;
        }
      }
    }
  }

  private Optional<RunState> readRun() {
    return state.get(RUN_KEY).map(j -> readJson(j, RunState.class));
  }

  private Optional<FetchState> readState(IgdbEndpoint e) {
    return state.get("fetch/" + e.path()).map(j -> readJson(j, FetchState.class));
  }

  private void writeJson(String key, Object value) {
    try {
      state.put(key, Json.mapper().writeValueAsString(value));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Cannot write checkpoint " + key, ex);
    }
  }

  private static <T> T readJson(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Unreadable checkpoint: " + ex.getOriginalMessage(), ex);
    }
  }

  /** The run-level checkpoint: which run is going on, since when, and whether it completed. */
  public static final class RunState {
    public String runId;
    public long startedAt;
    public boolean complete;
  }
}
