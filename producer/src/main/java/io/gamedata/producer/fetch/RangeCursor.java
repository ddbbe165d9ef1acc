package io.gamedata.producer.fetch;

import io.gamedata.producer.client.IgdbException;
import io.gamedata.producer.client.RawRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyset cursor of one range of an endpoint ({@code where id > cursor & id <= hi; sort id
 * asc}): every step publishes one page and checkpoints; a page that keeps failing with 5xx is
 * bisected down to the single bad id. The range itself lives in its endpoint's checkpoint, guarded
 * by the {@link EndpointRun}.
 */
final class RangeCursor {

  private static final Logger LOG = LoggerFactory.getLogger(BulkFetcher.class);
  private static final int BISECT_ATTEMPTS = 2;

  final EndpointRun er;
  final int index;
  private final FetchContext ctx;
  private volatile boolean bisecting;

  RangeCursor(FetchContext ctx, EndpointRun er, int index) {
    this.ctx = ctx;
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
      return (r.hi - r.cursor) * er.state.density / ctx.pageSize;
    }
  }

  /** Gives the upper part of this range, past the page in flight, to a new range. */
  RangeCursor split() {
    RangeCursor out;
    synchronized (er) {
      FetchState.Range r = range();
      long inFlight = (long) Math.ceil(ctx.pageSize / Math.max(1e-9, er.state.density));
      long mid = r.cursor + inFlight + (r.hi - r.cursor - inFlight) / 2;
      if (mid <= r.cursor || mid >= r.hi) {
        return null;
      }
      FetchState.Range upper = new FetchState.Range(mid, r.hi);
      r.hi = mid;
      er.state.ranges.add(upper);
      out = new RangeCursor(ctx, er, er.state.ranges.size() - 1);
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
    boolean finished = page.size() < ctx.pageSize || kept.size() < page.size() || cursor >= hi;
    return () -> {
      acked.run();
      move(cursor, finished);
    };
  }

  private void checkpoint(long cursor, boolean finished) {
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
      accept(ctx.client.query(er.endpoint.path(), ctx.pageQuery(c, hi)));
    } catch (IgdbException e) {
      if (e.status() < 500) {
        throw e;
      }
      bisecting = true;
      long bound;
      synchronized (er) {
        // a split may have moved the upper bound meanwhile; no split while bisecting
        bound = open ? c + 2L * ctx.pageSize : range().hi;
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
            ctx.client.query(
                er.endpoint.path(),
                ctx.pageQuery(c, hi),
                hi - c == 1 ? ctx.config.maxAttempts() : BISECT_ATTEMPTS);
        er.publishPage(page);
        if (page.size() < ctx.pageSize) {
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

  /**
   * One multiquery carrying the next page of each range of {@code group}: every page is sent first,
   * then Kafka is awaited once, then one checkpoint is written per endpoint. A failed multiquery
   * falls back to single queries, one page each.
   */
  static void stepMulti(FetchContext ctx, List<RangeCursor> group) {
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
          .append(ctx.pageQuery(cursor, hi))
          .append(" };\n");
    }
    Map<String, List<RawRecord>> answer;
    try {
      answer = ctx.client.multiquery(body.toString(), ctx.config.maxAttempts());
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
    List<Runnable> acks = new ArrayList<>();
    List<RangeCursor> missing = new ArrayList<>();
    Set<EndpointRun> touched = new LinkedHashSet<>();
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
}
