package io.gamedata.producer.fetch;

import io.gamedata.producer.client.IgdbException;
import io.gamedata.producer.client.RawRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans each endpoint from its last page ({@code sort id desc; limit 500}): all of a small endpoint
 * in one request; for a large one its top ids (published, not wasted), the highest id, and one
 * range {@code (-1, lowest id of that page)} left to scan, which idle workers split as they go.
 * Records created during the fetch (ids above the plan's top) are left to the sync, whose cursor
 * starts at the fetch's start. In multiquery mode the top pages of up to 10 endpoints travel in one
 * request.
 */
final class FetchPlanner {

  private static final Logger LOG = LoggerFactory.getLogger(BulkFetcher.class);

  private final FetchContext ctx;

  FetchPlanner(FetchContext ctx) {
    this.ctx = ctx;
  }

  /** Plans one endpoint by a single query (a top page that keeps failing: one open range). */
  void plan(EndpointRun er) {
    List<RawRecord> top;
    try {
      top = ctx.client.query(er.endpoint.path(), ctx.topQuery());
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
      if (asc.size() >= ctx.pageSize) {
        long low = asc.get(0).id();
        long high = asc.get(asc.size() - 1).id();
        density = Math.min(1.0, asc.size() / (double) Math.max(1, high - low + 1));
        ranges.add(new FetchState.Range(-1, low - 1));
        ctx.stats.expect(er.endpoint, asc.size() + (long) Math.ceil(low * density));
      } else {
        ctx.stats.expect(er.endpoint, asc.size());
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
      out.add(new RangeCursor(ctx, er, i));
    }
    LOG.info(
        "{}: planned from a top page of {} records{}",
        er.endpoint.path(),
        top == null ? 0 : top.size(),
        ranges.isEmpty() ? " (complete)" : ", the rest left to scan");
    return out;
  }

  /**
   * Plans every endpoint waiting in {@code scheduler}, up to 10 per multiquery, the groups at once;
   * their ranges join the queue in plan order (references first, games last).
   */
  void planByMultiquery(FetchScheduler scheduler) {
    List<EndpointRun> todo = new ArrayList<>(scheduler.plans);
    scheduler.plans.clear();
    List<Callable<Void>> groups = new ArrayList<>();
    for (int g = 0; g < todo.size(); g += FetchScheduler.MULTIQUERY_MAX) {
      List<EndpointRun> group =
          todo.subList(g, Math.min(todo.size(), g + FetchScheduler.MULTIQUERY_MAX));
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
      BulkFetcher.invokeAll(pool, groups);
    } finally {
      pool.shutdownNow();
    }
    // keep the queue in plan order: references first, games last
    List<RangeCursor> queued = new ArrayList<>(scheduler.queue);
    queued.sort((x, y) -> Integer.compare(todo.indexOf(x.er), todo.indexOf(y.er)));
    scheduler.queue.clear();
    scheduler.queue.addAll(queued);
  }

  private void planGroup(FetchScheduler scheduler, List<EndpointRun> group) {
    StringBuilder body = new StringBuilder();
    for (EndpointRun er : group) {
      body.append("query ")
          .append(er.endpoint.path())
          .append(" \"top-")
          .append(er.endpoint.path())
          .append("\" { ")
          .append(ctx.topQuery())
          .append(" };\n");
    }
    Map<String, List<RawRecord>> answer = null;
    try {
      answer = ctx.client.multiquery(body.toString(), ctx.config.maxAttempts());
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
        ranges = er.openRanges();
      } else {
        ranges = applyPlan(er, top);
      }
      synchronized (scheduler) {
        scheduler.queue.addAll(ranges);
      }
    }
  }
}
