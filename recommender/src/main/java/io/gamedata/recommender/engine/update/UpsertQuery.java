package io.gamedata.recommender.engine.update;

import io.gamedata.recommender.engine.index.Index;
import io.gamedata.recommender.engine.index.Scorer;
import io.gamedata.recommender.engine.index.UpsertPruning;
import java.util.Arrays;

/**
 * The pruned exact query of an upsert (see {@link #run}), on a writer's {@link Scorer}: the
 * upserted game's own list, and every list it may enter with its exact score there.
 */
final class UpsertQuery {

  private final Index ix;
  private final UpsertPruning pr;

  /** Scratch, heap and the refill's queries (shared with the writer). */
  final Scorer sc;

  /** Exact score + 1 of a slot against the query of {@link #run} (0 = not computed). */
  private int[] exact = new int[0];

  /** Lists the upserted game may enter: owners and x's exact score against each. */
  int[] cand = new int[64];

  int[] candScore = new int[64];
  int candSize;

  /** Work counters, for {@code ExactSimilarityEngine#upsertWorkSummary}. */
  long statUpsertLight, statUpsertDots, statUpsertScanned, statUpsertBucket, statUpserts;

  /** Entries a threshold-algorithm step takes from one impact-ordered list. */
  private static final int BLOCK = 32;

  UpsertQuery(Scorer sc) {
    this.sc = sc;
    this.ix = sc.ix;
    this.pr = ix.pruning;
  }

  private void ensure() {
    sc.ensure();
    if (exact.length < sc.acc.length) {
      exact = Arrays.copyOf(exact, sc.acc.length);
    }
  }

  private int score(int x, int y) {
    int v = exact[y];
    if (v == 0) {
      statUpsertDots++;
      v = ix.dot(x, y) + 1;
      exact[y] = v;
    }
    return v - 1;
  }

  private void addCand(int y, int s) {
    if (candSize == cand.length) {
      cand = Arrays.copyOf(cand, candSize * 2);
      candScore = Arrays.copyOf(candScore, candSize * 2);
    }
    cand[candSize] = y;
    candScore[candSize++] = s;
  }

  /** Upper bound (+ rounding slack) of the heavy part of y's score against a heavy norm q. */
  private long heavyUb(double q, int y) {
    double h = pr.heavyNormD[y];
    return h == 0 ? 0 : (long) Math.ceil(q * h) + 2;
  }

  /**
   * The pruned exact query of an upsert of x (postings already in place): x's exact top-K' list
   * into the arrays (returns its length), and in {@link #cand}/{@link #candScore} every other slot
   * y whose list x may enter (complete, or x's exact score could reach y's tail), with the exact
   * score. Light terms of x are accumulated; a light candidate is scored exactly only when its
   * light score plus the Cauchy-Schwarz bound of the heavy part can enter x's list or reach y's
   * tail. Games sharing only heavy terms with x: for x's list, Fagin's threshold algorithm over the
   * impact-ordered heavy lists; for their own lists, only slots whose {@code tail/|y_H|} bucket is
   * at most {@code |x_H|} (their score is at most {@code |x_H| |y_H|}).
   */
  int run(int x, int[] outS, int[] outV) {
    ensure();
    int[] acc = sc.acc;
    int[] touched = sc.touched;
    int[] mark = sc.mark;
    statUpserts++;
    int[] st = ix.vecTerms[x];
    short[] sw = ix.vecWeights[x];
    int e = sc.nextEpoch();
    mark[x] = e;
    int n = 0;
    int nh = 0;
    for (int i = 0; i < st.length; i++) {
      int t = st[i];
      if (pr.heavyTerm[t]) {
        nh++;
        continue;
      }
      int w = sw[i];
      int[] ps = ix.postSlots[t];
      short[] pw = ix.postWeights[t];
      int m = ix.postSize[t];
      statUpsertLight += m;
      for (int j = 0; j < m; j++) {
        int y = ps[j];
        if (y == x) {
          continue;
        }
        if (mark[y] != e) {
          mark[y] = e;
          touched[n++] = y;
        }
        acc[y] += w * pw[j];
      }
    }
    int light = n;
    double q = Math.sqrt((double) pr.heavyNorm2[x]);
    candSize = 0;
    // (A) the K' best by light score, scored exactly
    sc.heapClear();
    for (int i = 0; i < light; i++) {
      int y = touched[i];
      if (!ix.variant[y]) {
        sc.heapOffer(acc[y], y);
      }
    }
    int first = sc.heapSize;
    int[] firstS = new int[first];
    sc.heapDrain(firstS, new int[first]);
    for (int i = 0; i < first; i++) {
      sc.heapOffer(score(x, firstS[i]), firstS[i]);
    }
    // (B) every light candidate: x's list when its bound can enter; y's list when x can reach it
    for (int i = 0; i < light; i++) {
      int y = touched[i];
      long ub = acc[y] + heavyUb(q, y);
      if (exact[y] == 0 && !ix.variant[y] && (sc.heapSize < ix.k || ub >= sc.heapScore[0])) {
        sc.heapOffer(score(x, y), y);
      }
      if (ub >= pr.tail[y]) {
        int s = score(x, y);
        if (s > 0) {
          addCand(y, s);
        }
      }
    }
    if (nh > 0) {
      // (C) x's list: games sharing only heavy terms, threshold algorithm
      int[] ht = new int[nh];
      int[] hw = new int[nh];
      int h0 = 0;
      for (int i = 0; i < st.length; i++) {
        if (pr.heavyTerm[st[i]]) {
          ht[h0] = st[i];
          hw[h0++] = sw[i];
        }
      }
      int[] cur = new int[nh];
      while (true) {
        long bound = 0;
        int best = -1;
        long bestPart = 0;
        for (int h = 0; h < nh; h++) {
          if (cur[h] < pr.impSize[ht[h]]) {
            long part = (long) hw[h] * pr.impWeights[ht[h]][cur[h]];
            bound += part;
            if (part > bestPart) {
              bestPart = part;
              best = h;
            }
          }
        }
        if (best < 0 || (sc.heapSize == ix.k && bound < sc.heapScore[0])) {
          break;
        }
        int t = ht[best];
        int[] is = pr.impSlots[t];
        int end = Math.min(pr.impSize[t], cur[best] + BLOCK);
        statUpsertScanned += end - cur[best];
        for (int p = cur[best]; p < end; p++) {
          int y = is[p];
          if (mark[y] == e) {
            continue;
          }
          mark[y] = e;
          touched[n++] = y;
          if (ix.variant[y] || (sc.heapSize == ix.k && heavyUb(q, y) < sc.heapScore[0])) {
            continue;
          }
          sc.heapOffer(score(x, y), y);
        }
        cur[best] = end;
      }
      // (D) lists of games sharing only heavy terms that x can reach
      double limit = q * (1 + 1e-9) + 1e-6;
      int bmax = (int) Math.min(UpsertPruning.BUCKETS - 1, limit / UpsertPruning.BUCKET_STEP);
      for (int b = 0; b <= bmax; b++) {
        int[] bk = pr.bucket[b];
        int bs = pr.bucketSize[b];
        statUpsertBucket += bs;
        for (int i = 0; i < bs; i++) {
          int y = bk[i];
          if (y == x || acc[y] > 0 || pr.ratio[y] > limit) {
            continue;
          }
          if (!ix.complete[y] && ix.listSize[y] == 0) {
            continue;
          }
          if (mark[y] != e) {
            mark[y] = e;
            touched[n++] = y;
          }
          int s = score(x, y);
          if (s > 0) {
            addCand(y, s);
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      acc[touched[i]] = 0;
      exact[touched[i]] = 0;
    }
    sc.touchedSize = 0;
    return sc.heapDrain(outS, outV);
  }
}
