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

  /** A split leaves at least this many estimated pages to each half. */
  static final double MIN_SPLIT_PAGES = 1.5;

  /** Multiqueries in flight at once, each carrying up to 10 ranges. */
  static final int MQ_WORKERS = 6;

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
    // references first (in queue order), games last; a worker that finds the queue empty splits
    // the largest range in flight, so the tail of the scan stays parallel
    List<EndpointRun> ordered = new ArrayList<>();
    endpoints.values().stream().filter(x -> x.endpoint != IgdbEndpoint.GAMES).forEach(ordered::add);
    endpoints.values().stream().filter(x -> x.endpoint == IgdbEndpoint.GAMES).forEach(ordered::add);
    Scheduler scheduler = new Scheduler();
    for (EndpointRun er : ordered) {
      if (!er.state.planned) {
        scheduler.plans.add(er);
      } else {
        if (er.state.density <= 0) {
          er.state.density = 1.0;
        }
        for (int i = 0; i < er.state.ranges.size(); i++) {
          if (!er.state.ranges.get(i).done) {
            scheduler.queue.add(new RangeCursor(er, i));
          }
        }
      }
    }
    if (config.multiquery()) {
      planByMultiquery(scheduler);
    }
    // single queries: enough ranges at once to fill every slot of the rate limit (6 cover 4/s
    // with up to ~1.2 s per request and its publishing); an idle worker splits a range only when
    // fewer than workers - 1 are in flight, since each split costs one partial page
    int workers =
        config.multiquery()
            ? MQ_WORKERS
            : Math.max(1, Math.min(config.rangesPerEndpoint(), config.maxInFlight()));
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
              if (config.multiquery()) {
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
   * The last page of the endpoint ({@code sort id desc; limit 500}): all of a small endpoint in one
   * request; for a large one its top ids (published, not wasted) and the highest id, and one range
   * {@code (-1, lowest id of that page)} left to scan, which idle workers split as they go. Records
   * created during the fetch (ids above the plan's top) are left to the sync, whose cursor starts
   * at the fetch's start.
   */
  private void plan(EndpointRun er) {
    List<RawRecord> top;
    try {
      top = client.query(er.endpoint.path(), topQuery());
    } catch (IgdbException e) {
      if (e.status() < 500) {
        throw e;
      }
      LOG.warn(
          "{}: the top page keeps failing ({}); scanning one open range with bisection",
          er.endpoint.path(),
          e.getMessage());
      top = null;
    }
    applyPlan(er, top);
  }

  String topQuery() {
    return "fields *; sort id desc; limit " + pageSize + ";";
  }

  /** Publishes the top page and stores the plan; returns the ranges left to scan. */
  private List<RangeCursor> applyPlan(EndpointRun er, List<RawRecord> top) {
    FetchState s = er.state;
    List<FetchState.Range> ranges = new ArrayList<>();
    double density = 1.0;
    if (top == null) {
      ranges.add(new FetchState.Range(-1, -1));
    } else {
      List<RawRecord> asc = new ArrayList<>(top);
      asc.sort((x, y) -> Long.compare(x.id(), y.id()));
      er.publishPage(asc);
      if (asc.size() >= pageSize) {
        long low = asc.get(0).id();
        long high = asc.get(asc.size() - 1).id();
        density = Math.min(1.0, asc.size() / (double) Math.max(1, high - low + 1));
        ranges.add(new FetchState.Range(-1, low - 1));
        stats.expect(er.endpoint, asc.size() + (long) Math.ceil(low * density));
      } else {
        stats.expect(er.endpoint, asc.size());
      }
    }
    List<RangeCursor> out = new ArrayList<>();
    synchronized (er) {
      s.ranges = ranges;
      s.density = density;
      s.planned = true;
    }
    er.save();
    for (int i = 0; i < ranges.size(); i++) {
      out.add(new RangeCursor(er, i));
    }
    LOG.info(
        "{}: planned from a top page of {} records{}",
        er.endpoint.path(),
        top == null ? 0 : top.size(),
        ranges.isEmpty() ? " (complete)" : ", the rest left to scan");
    return out;
  }

  /**
   * In multiquery mode the top pages of up to 10 endpoints travel in one request; the groups go out
   * at once.
   */
  private void planByMultiquery(Scheduler scheduler) {
    List<EndpointRun> todo = new ArrayList<>(scheduler.plans);
    scheduler.plans.clear();
    List<Callable<Void>> groups = new ArrayList<>();
    for (int g = 0; g < todo.size(); g += MULTIQUERY_MAX) {
      List<EndpointRun> group = todo.subList(g, Math.min(todo.size(), g + MULTIQUERY_MAX));
      groups.add(
          () -> {
            planGroup(scheduler, group);
            return null;
          });
    }
    if (groups.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(groups.size());
    try {
      invokeAll(pool, groups);
    } finally {
      pool.shutdownNow();
    }
    // keep the queue in plan order: references first, games last
    List<RangeCursor> queued = new ArrayList<>(scheduler.queue);
    queued.sort((x, y) -> Integer.compare(todoIndex(todo, x.er), todoIndex(todo, y.er)));
    scheduler.queue.clear();
    scheduler.queue.addAll(queued);
  }

  private static int todoIndex(List<EndpointRun> todo, EndpointRun er) {
    int i = todo.indexOf(er);
    return i < 0 ? -1 : i;
  }

  private void planGroup(Scheduler scheduler, List<EndpointRun> group) {
    StringBuilder body = new StringBuilder();
    for (EndpointRun er : group) {
      body.append("query ")
          .append(er.endpoint.path())
          .append(" \"top-")
          .append(er.endpoint.path())
          .append("\" { ")
          .append(topQuery())
          .append(" };\n");
    }
    Map<String, List<RawRecord>> answer = null;
    try {
      answer = client.multiquery(body.toString(), config.maxAttempts());
    } catch (IgdbException e) {
      if (!e.retryable()) {
        throw e;
      }
      LOG.warn("Planning multiquery failed ({}); planning one by one", e.getMessage());
    }
    for (EndpointRun er : group) {
      List<RawRecord> top = answer == null ? null : answer.get("top-" + er.endpoint.path());
      List<RangeCursor> ranges;
      if (top == null) {
        plan(er);
        ranges = rangesOf(er);
      } else {
        ranges = applyPlan(er, top);
      }
      synchronized (scheduler) {
        scheduler.queue.addAll(ranges);
      }
    }
  }

  private List<RangeCursor> rangesOf(EndpointRun er) {
    List<RangeCursor> out = new ArrayList<>();
    synchronized (er) {
      for (int i = 0; i < er.state.ranges.size(); i++) {
        if (!er.state.ranges.get(i).done) {
          out.add(new RangeCursor(er, i));
        }
      }
    }
    return out;
  }

  String pageQuery(long after, long upTo) {
    return "fields *; where id > "
        + after
        + (upTo >= 0 ? " & id <= " + upTo : "")
        + "; sort id asc; limit "
        + pageSize
        + ";";
  }

  /**
   * Hands ranges to workers: planning first, then queued ranges in order (references before games);
   * when the queue is empty and fewer than {@code minActive} ranges are being scanned, the range
   * with the most estimated pages left is split in two (past the page its owner has in flight), so
   * the end of the fetch stays as parallel as its middle. Each split costs one partial page, so
   * ranges are split only when needed and only when both halves keep a few pages.
   */
  private final class Scheduler {
    final List<EndpointRun> plans = new ArrayList<>();
    final java.util.ArrayDeque<RangeCursor> queue = new java.util.ArrayDeque<>();
    final java.util.Set<RangeCursor> active = new java.util.LinkedHashSet<>();
    int planning;
    int minActive = 1;

    /** Next work for a worker: a plan to make, a range to scan, or null when nothing is left. */
    synchronized Object next(int minActive, double minPages, boolean block) {
      while (true) {
        if (!plans.isEmpty()) {
          planning++;
          return plans.remove(0);
        }
        RangeCursor rc = queue.pollFirst();
        if (rc == null && active.size() < minActive) {
          rc = split(minPages);
        }
        if (rc != null) {
          active.add(rc);
          return rc;
        }
        if (!block || planning == 0) {
          return null;
        }
        try {
          wait(); // a plan in progress will add ranges
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Fetch interrupted", e);
        }
      }
    }

    synchronized void planned(EndpointRun er) {
      planning--;
      queue.addAll(rangesOf(er));
      notifyAll();
    }

    synchronized void finished(RangeCursor rc) {
      active.remove(rc);
      notifyAll();
    }

    private RangeCursor split(double minPages) {
      RangeCursor best = null;
      double bestPages = 0;
      for (RangeCursor rc : active) {
        double left = rc.pagesLeft();
        if (left > bestPages) {
          best = rc;
          bestPages = left;
        }
      }
      // the owner's page in flight is not splittable: both halves must keep minPages after it
      if (best == null || bestPages - 1 < 2 * minPages) {
        return null;
      }
      return best.split();
    }

    void workSingle() {
      while (true) {
        Object job = next(minActive, MIN_SPLIT_PAGES, true);
        if (job == null) {
          return;
        }
        if (job instanceof EndpointRun er) {
          try {
            plan(er);
          } finally {
            planned(er);
          }
          continue;
        }
        RangeCursor rc = (RangeCursor) job;
        try {
          while (!rc.done()) {
            rc.stepSingle();
          }
        } finally {
          finished(rc);
        }
      }
    }

    void workMulti() {
      List<RangeCursor> mine = new ArrayList<>();
      try {
        while (true) {
          while (mine.size() < MULTIQUERY_MAX) {
            Object job = next(MQ_WORKERS * MULTIQUERY_MAX, 1, mine.isEmpty());
            if (job == null) {
              break;
            }
            mine.add((RangeCursor) job); // plans were made up front in multiquery mode
          }
          if (mine.isEmpty()) {
            return;
          }
          stepMulti(mine);
          for (java.util.Iterator<RangeCursor> it = mine.iterator(); it.hasNext(); ) {
            RangeCursor rc = it.next();
            if (rc.done()) {
              it.remove();
              finished(rc);
            }
          }
        }
      } finally {
        mine.forEach(this::finished);
      }
    }
  }

  /** One multiquery carrying the next page of each range. */
  private void stepMulti(List<RangeCursor> group) {
    StringBuilder body = new StringBuilder();
    Map<String, RangeCursor> byName = new LinkedHashMap<>();
    for (RangeCursor rc : group) {
      String name = rc.er.endpoint.path() + "-" + rc.index;
      byName.put(name, rc);
      FetchState.Range r = rc.range();
      long cursor;
      long hi;
      synchronized (rc.er) {
        cursor = r.cursor;
        hi = r.hi;
      }
      body.append("query ")
          .append(rc.er.endpoint.path())
          .append(" \"")
          .append(name)
          .append("\" { ")
          .append(pageQuery(cursor, hi))
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
      for (RangeCursor rc : group) {
        rc.stepSingle();
      }
      return;
    }
    // send every page first, then wait for Kafka once, then one checkpoint per endpoint
    List<Runnable> acks = new ArrayList<>();
    List<RangeCursor> missing = new ArrayList<>();
    java.util.Set<EndpointRun> touched = new java.util.LinkedHashSet<>();
    for (var en : byName.entrySet()) {
      List<RawRecord> page = answer.get(en.getKey());
      if (page == null) {
        missing.add(en.getValue());
      } else {
        acks.add(en.getValue().acceptAsync(page));
        touched.add(en.getValue().er);
      }
    }
    acks.forEach(Runnable::run);
    touched.forEach(EndpointRun::save);
    missing.forEach(RangeCursor::stepSingle); // missing from the answer: ask for each alone
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
      send(page).run();
    }

    /**
     * Sends a page to Kafka (and the raw copy); the returned step waits for every acknowledgement
     * and counts the page. Several pages can be sent before their acknowledgements are awaited.
     */
    Runnable send(List<RawRecord> page) {
      if (page.isEmpty()) {
        return () -> {};
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
      long pageBytes = bytes;
      return () -> {
        try {
          CompletableFuture.allOf(fs).get(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while publishing " + endpoint.path(), e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          throw new IllegalStateException(
              "Kafka did not acknowledge records of " + endpoint.path() + ": " + e.getCause(), e);
        }
        stats.add(endpoint, page.size(), pageBytes);
        stats.pages.increment();
        synchronized (this) {
          state.recordsPublished += page.size();
        }
      };
    }

    void badId(BadId b) {
      synchronized (this) {
        state.badIds.add(b);
      }
      save();
      LOG.error(
          "Bad id {}/{}: IGDB keeps failing it (HTTP {}); recorded, fetch goes on",
          b.endpoint(),
          b.id(),
          b.status());
    }

    private final Object saveLock = new Object();

    /** Writes the checkpoint; ranges are read under this run's lock, written outside it. */
    void save() {
      synchronized (saveLock) {
        String json;
        synchronized (this) {
          try {
            json = Json.mapper().writeValueAsString(state);
          } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot write checkpoint " + endpoint.path(), ex);
          }
        }
        state_().put("fetch/" + endpoint.path(), json);
      }
    }
  }

  /** The keyset cursor of one range; every step publishes one page and checkpoints. */
  private final class RangeCursor {
    final EndpointRun er;
    final int index;
    volatile boolean bisecting;

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

    /** Estimated pages left; 0 when the range cannot be split (open-ended, bisecting, done). */
    double pagesLeft() {
      synchronized (er) {
        FetchState.Range r = range();
        if (r.done || r.openEnded() || bisecting) {
          return 0;
        }
        return (r.hi - r.cursor) * er.state.density / pageSize;
      }
    }

    /** Gives the upper part of this range, past the page in flight, to a new range. */
    RangeCursor split() {
      RangeCursor out;
      synchronized (er) {
        FetchState.Range r = range();
        long inFlight = (long) Math.ceil(pageSize / Math.max(1e-9, er.state.density));
        long mid = r.cursor + inFlight + (r.hi - r.cursor - inFlight) / 2;
        if (mid <= r.cursor || mid >= r.hi) {
          return null;
        }
        FetchState.Range upper = new FetchState.Range(mid, r.hi);
        r.hi = mid;
        er.state.ranges.add(upper);
        out = new RangeCursor(er, er.state.ranges.size() - 1);
      }
      er.save();
      return out;
    }

    /**
     * Applies a page fetched for the current cursor. Records above the range's upper bound (it was
     * split while the page was in flight) belong to the other half and are dropped.
     */
    void accept(List<RawRecord> page) {
      acceptAsync(page).run();
      er.save();
    }

    /**
     * Sends the page's records; the returned step waits for Kafka and moves the cursor (without
     * writing the checkpoint: the caller saves once per endpoint).
     */
    Runnable acceptAsync(List<RawRecord> page) {
      long hi;
      long cursorBefore;
      synchronized (er) {
        hi = range().upper();
        cursorBefore = range().cursor;
      }
      List<RawRecord> kept = page;
      if (!page.isEmpty() && page.get(page.size() - 1).id() > hi) {
        kept = page.stream().filter(x -> x.id() <= hi).toList();
      }
      Runnable acked = er.send(kept);
      long cursor = kept.isEmpty() ? cursorBefore : kept.get(kept.size() - 1).id();
      boolean finished = page.size() < pageSize || kept.size() < page.size() || cursor >= hi;
      return () -> {
        acked.run();
        move(cursor, finished);
      };
    }

    void checkpoint(long cursor, boolean finished) {
      move(cursor, finished);
      er.save();
    }

    private void move(long cursor, boolean finished) {
      synchronized (er) {
        FetchState.Range r = range();
        r.cursor = cursor;
        r.done = finished || cursor >= r.upper();
      }
    }

    /** One page by a single query; on a persistent 5xx, bisect instead. */
    void stepSingle() {
      long c;
      long hi;
      boolean open;
      synchronized (er) {
        FetchState.Range r = range();
        c = r.cursor;
        hi = r.hi;
        open = r.openEnded();
      }
      try {
        accept(client.query(er.endpoint.path(), pageQuery(c, hi)));
      } catch (IgdbException e) {
        if (e.status() < 500) {
          throw e;
        }
        bisecting = true;
        long bound;
        synchronized (er) {
          // a split may have moved the upper bound meanwhile; no split while bisecting
          bound = open ? c + 2L * pageSize : range().hi;
        }
        LOG.warn(
            "{}: page after id {} keeps failing (HTTP {}); bisecting ({}, {}]",
            er.endpoint.path(),
            c,
            e.status(),
            c,
            bound);
        try {
          bisect(c, bound);
          checkpoint(bound, !open && bound >= hi);
        } finally {
          bisecting = false;
        }
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

  private StateStore state_() {
    return state;
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
