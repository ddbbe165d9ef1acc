package io.gamedata.producer.fetch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands ranges to workers: planning first, then queued ranges in order (references before games);
 * when the queue is empty and fewer than {@code minActive} ranges are being scanned, the range with
 * the most estimated pages left is split in two (past the page its owner has in flight), so the end
 * of the fetch stays as parallel as its middle. Each split costs one partial page, so ranges are
 * split only when needed and only when both halves keep a few pages.
 */
final class FetchScheduler {

  /** A split leaves at least this many estimated pages to each half. */
  static final double MIN_SPLIT_PAGES = 1.5;

  /** Ranges one multiquery carries at most. */
  static final int MULTIQUERY_MAX = 10;

  /** Multiqueries in flight at once, each carrying up to {@link #MULTIQUERY_MAX} ranges. */
  static final int MQ_WORKERS = 6;

  final List<EndpointRun> plans = new ArrayList<>();
  final ArrayDeque<RangeCursor> queue = new ArrayDeque<>();
  private final Set<RangeCursor> active = new LinkedHashSet<>();
  private final FetchContext ctx;
  private final FetchPlanner planner;
  private int planning;
  int minActive = 1;

  FetchScheduler(FetchContext ctx, FetchPlanner planner) {
    this.ctx = ctx;
    this.planner = planner;
  }

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
    queue.addAll(er.openRanges());
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

  /** A worker of single queries: plans, then ranges, page by page. */
  void workSingle() {
    while (true) {
      Object job = next(minActive, MIN_SPLIT_PAGES, true);
      if (job == null) {
        return;
      }
      if (job instanceof EndpointRun er) {
        try {
          planner.plan(er);
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

  /** A worker of multiqueries: up to {@link #MULTIQUERY_MAX} ranges a page each per request. */
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
        RangeCursor.stepMulti(ctx, mine);
        for (Iterator<RangeCursor> it = mine.iterator(); it.hasNext(); ) {
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
