package io.gamedata.recommender.engine;

import java.util.Arrays;

/**
 * Per-thread scratch space for exact queries against an {@link Index}: a dense integer accumulator,
 * the list of touched slots and a bounded heap for the top K'.
 */
final class Scorer {

  final Index ix;
  int[] acc;
  int[] touched;
  int touchedSize;
  int[] mark;
  int epoch;

  /** Heap of the worst-first top entries: slots and scores. */
  final int[] heapSlot;

  final int[] heapScore;
  int heapSize;
  long fallbacks;

  Scorer(Index ix) {
    this.ix = ix;
    int n = Math.max(16, ix.slots);
    acc = new int[n];
    touched = new int[n + 1]; // one spare entry: the build's branch-free append writes one ahead
    mark = new int[n];
    heapSlot = new int[ix.k];
    heapScore = new int[ix.k];
  }

  private void ensure() {
    if (acc.length < ix.slots) {
      int n = Math.max(ix.slots, acc.length * 2);
      acc = Arrays.copyOf(acc, n);
      touched = Arrays.copyOf(touched, n + 1);
      mark = Arrays.copyOf(mark, n);
    }
    if (exact.length < acc.length) {
      exact = Arrays.copyOf(exact, acc.length);
    }
  }

  /** Exact score + 1 of a slot against the query of {@link #upsertQuery} (0 = not computed). */
  private int[] exact = new int[0];

  /** Lists the upserted game may enter: owners and x's exact score against each. */
  int[] cand = new int[64];

  int[] candScore = new int[64];
  int candSize;

  long statUpsertLight, statUpsertDots, statUpsertScanned, statUpsertBucket, statUpserts;

  private int nextEpoch() {
    int e = ++epoch;
    if (e == Integer.MAX_VALUE) {
      Arrays.fill(mark, 0);
      epoch = e = 1;
    }
    return e;
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
    double h = ix.heavyNormD[y];
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
  int upsertQuery(int x, int[] outS, int[] outV) {
    ensure();
    statUpserts++;
    int[] st = ix.vecTerms[x];
    short[] sw = ix.vecWeights[x];
    int e = nextEpoch();
    mark[x] = e;
    int n = 0;
    int nh = 0;
    for (int i = 0; i < st.length; i++) {
      int t = st[i];
      if (ix.heavyTerm[t]) {
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
    double q = Math.sqrt((double) ix.heavyNorm2[x]);
    candSize = 0;
    // (A) the K' best by light score, scored exactly
    heapClear();
    for (int i = 0; i < light; i++) {
      int y = touched[i];
      if (!ix.variant[y]) {
        heapOffer(acc[y], y);
      }
    }
    int first = heapSize;
    int[] firstS = new int[first];
    heapDrain(firstS, new int[first]);
    for (int i = 0; i < first; i++) {
      heapOffer(score(x, firstS[i]), firstS[i]);
    }
    // (B) every light candidate: x's list when its bound can enter; y's list when x can reach it
    for (int i = 0; i < light; i++) {
      int y = touched[i];
      long ub = acc[y] + heavyUb(q, y);
      if (exact[y] == 0 && !ix.variant[y] && (heapSize < ix.k || ub >= heapScore[0])) {
        heapOffer(score(x, y), y);
      }
      if (ub >= ix.tail[y]) {
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
        if (ix.heavyTerm[st[i]]) {
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
          if (cur[h] < ix.impSize[ht[h]]) {
            long part = (long) hw[h] * ix.impWeights[ht[h]][cur[h]];
            bound += part;
            if (part > bestPart) {
              bestPart = part;
              best = h;
            }
          }
        }
        if (best < 0 || (heapSize == ix.k && bound < heapScore[0])) {
          break;
        }
        int t = ht[best];
        int[] is = ix.impSlots[t];
        int end = Math.min(ix.impSize[t], cur[best] + BLOCK);
        statUpsertScanned += end - cur[best];
        for (int p = cur[best]; p < end; p++) {
          int y = is[p];
          if (mark[y] == e) {
            continue;
          }
          mark[y] = e;
          touched[n++] = y;
          if (ix.variant[y] || (heapSize == ix.k && heavyUb(q, y) < heapScore[0])) {
            continue;
          }
          heapOffer(score(x, y), y);
        }
        cur[best] = end;
      }
      // (D) lists of games sharing only heavy terms that x can reach
      double limit = q * (1 + 1e-9) + 1e-6;
      int bmax = (int) Math.min(Index.BUCKETS - 1, limit / Index.BUCKET_STEP);
      for (int b = 0; b <= bmax; b++) {
        int[] bk = ix.bucket[b];
        int bs = ix.bucketSize[b];
        statUpsertBucket += bs;
        for (int i = 0; i < bs; i++) {
          int y = bk[i];
          if (y == x || acc[y] > 0 || ix.ratio[y] > limit) {
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
    touchedSize = 0;
    return heapDrain(outS, outV);
  }

  /**
   * Exact scores of every game sharing a term with {@code slot}: afterwards {@code acc[y]} holds
   * the integer dot product for each of {@code touched[0..touchedSize)} (self included). Call
   * {@link #reset()} when done.
   */
  void scoreAll(int slot) {
    ensure();
    int[] st = ix.vecTerms[slot];
    short[] sw = ix.vecWeights[slot];
    int n = 0;
    for (int i = 0; i < st.length; i++) {
      int t = st[i];
      int w = sw[i];
      int[] ps = ix.postSlots[t];
      short[] pw = ix.postWeights[t];
      int m = ix.postSize[t];
      for (int j = 0; j < m; j++) {
        int y = ps[j];
        if (acc[y] == 0) {
          touched[n++] = y;
        }
        acc[y] += w * pw[j];
      }
    }
    touchedSize = n;
  }

  void reset() {
    for (int i = 0; i < touchedSize; i++) {
      acc[touched[i]] = 0;
    }
    touchedSize = 0;
  }

  // ------------------------------------------------------------------ heap of the top K'

  void heapClear() {
    heapSize = 0;
  }

  /** True when (score, slot) ranks after the worst entry of a full heap. */
  boolean heapRejects(int score, int slot) {
    return heapSize == ix.k && !ix.better(score, slot, heapScore[0], heapSlot[0]);
  }

  void heapOffer(int score, int slot) {
    if (score <= 0) {
      return;
    }
    if (heapSize < ix.k) {
      int i = heapSize++;
      heapSlot[i] = slot;
      heapScore[i] = score;
      siftUp(i);
    } else if (ix.better(score, slot, heapScore[0], heapSlot[0])) {
      heapSlot[0] = slot;
      heapScore[0] = score;
      siftDown(0);
    }
  }

  /** worse(a, b): entry a ranks after entry b (heap root = worst). */
  private boolean worse(int a, int b) {
    return ix.better(heapScore[b], heapSlot[b], heapScore[a], heapSlot[a]);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (worse(i, p)) {
        swap(i, p);
        i = p;
      } else {
        return;
      }
    }
  }

  private void siftDown(int i) {
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int m = i;
      if (l < heapSize && worse(l, m)) {
        m = l;
      }
      if (r < heapSize && worse(r, m)) {
        m = r;
      }
      if (m == i) {
        return;
      }
      swap(i, m);
      i = m;
    }
  }

  private void swap(int a, int b) {
    int s = heapSlot[a];
    heapSlot[a] = heapSlot[b];
    heapSlot[b] = s;
    int c = heapScore[a];
    heapScore[a] = heapScore[b];
    heapScore[b] = c;
  }

  /** Drains the heap into the arrays best first; returns the count. */
  int heapDrain(int[] outSlots, int[] outScores) {
    int n = heapSize;
    for (int i = n - 1; i >= 0; i--) {
      outSlots[i] = heapSlot[0];
      outScores[i] = heapScore[0];
      heapSize--;
      heapSlot[0] = heapSlot[heapSize];
      heapScore[0] = heapScore[heapSize];
      siftDown(0);
    }
    heapSize = 0;
    return n;
  }

  // ------------------------------------------------------------------ lists

  /** The exact top-K' list of a slot by a full inverted-index query. */
  int exactList(int slot, int[] outSlots, int[] outScores) {
    scoreAll(slot);
    heapClear();
    for (int i = 0; i < touchedSize; i++) {
      int y = touched[i];
      if (y != slot && !ix.variant[y]) {
        heapOffer(acc[y], y);
      }
    }
    reset();
    return heapDrain(outSlots, outScores);
  }

  /**
   * The exact top-K' list of a slot, fast: candidates come only from the slot's light terms
   * (posting lists no longer than {@link EngineConfig#heavyTermDf()}); every candidate is scored
   * exactly over all its terms. A game sharing only heavy terms scores at most {@code bound =
   * min(sum over heavy terms of w * max posted weight, |heavy part| * max norm)}; if the K'-th
   * candidate beats that bound the list is exact, else the full query ({@link #exactList}) runs.
   */
  int fastList(int slot, int[] outSlots, int[] outScores) {
    ensure();
    int[] st = ix.vecTerms[slot];
    short[] sw = ix.vecWeights[slot];
    int heavyLimit = ix.heavyDf();
    double sumBound = 0;
    double heavyNorm2 = 0;
    int e = nextEpoch();
    mark[slot] = e;
    heapClear();
    for (int i = 0; i < st.length; i++) {
      int t = st[i];
      int m = ix.postSize[t];
      if (m > heavyLimit) {
        sumBound += (double) sw[i] * ix.postMax[t];
        heavyNorm2 += (double) sw[i] * sw[i];
        continue;
      }
      int[] ps = ix.postSlots[t];
      for (int j = 0; j < m; j++) {
        int y = ps[j];
        if (mark[y] != e) {
          mark[y] = e;
          if (!ix.variant[y]) {
            heapOffer(ix.dot(slot, y), y);
          }
        }
      }
    }
    double bound = Math.min(sumBound, Math.sqrt(heavyNorm2) * ix.maxNorm);
    boolean exact = bound == 0 || (heapSize == ix.k && heapScore[0] > Math.ceil(bound) + 1);
    if (!exact) {
      fallbacks++;
      return exactList(slot, outSlots, outScores);
    }
    return heapDrain(outSlots, outScores);
  }

  long work;
  long statSkipped, statLight, statDotsAb, statDotsC, statScanC, statQueries, statNh;

  /** Scratch of a build query: the candidates' upper bounds, and a copy for selection. */
  private int[] bounds = new int[256];

  private int[] pick = new int[256];

  /**
   * The {@code k}-th largest of {@code v[0..n)} ({@code n > k}; {@code scratch} is overwritten).
   */
  static int kthLargest(int[] v, int[] scratch, int n, int k) {
    System.arraycopy(v, 0, scratch, 0, n);
    int lo = 0;
    int hi = n - 1;
    int target = k - 1; // descending order position
    while (lo < hi) {
      int pivot = scratch[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (scratch[i] > pivot) {
          i++;
        }
        while (scratch[j] < pivot) {
          j--;
        }
        if (i <= j) {
          int t = scratch[i];
          scratch[i++] = scratch[j];
          scratch[j--] = t;
        }
      }
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return scratch[target];
      }
    }
    return scratch[target];
  }

  /** The query's heavy weights, dense by heavy index (only its own bits are ever read). */
  private final int[] xw = new int[BuildPlan.MAX_HEAVY];

  /** Entries a threshold-algorithm step takes from one impact-ordered list. */
  private static final int BLOCK = 32;

  /**
   * The exact top-K' list of a slot with a {@link BuildPlan}: (A) light postings accumulate the
   * light part of every candidate's score; the heavy part of a candidate is bounded by the product
   * of the heavy norms and, when that bound can enter the list, added exactly from the per-slot
   * heavy masks and weights (a few bit operations per shared heavy term, no merge of vectors); (C)
   * games sharing no light term come from the impact-ordered heavy lists (threshold algorithm: walk
   * until the bound over games not reached yet cannot enter), bounded and scored the same way. If
   * the work exceeds the naive query's, the naive query runs instead.
   */
  int planList(int x, BuildPlan plan, int[] outSlots, int[] outScores) {
    ensure();
    int[] st = ix.vecTerms[x];
    short[] sw = ix.vecWeights[x];
    long naiveCost = 0;
    int nh = 0;
    for (int t : st) {
      naiveCost += ix.postSize[t];
      if (plan.heavy[t]) {
        nh++;
      }
    }
    int[] ht = new int[nh];
    short[] hw = new short[nh];
    long xmask = 0;
    int j = 0;
    long w0 = 0;
    int n = 0;
    for (int i = 0; i < st.length; i++) {
      int t = st[i];
      if (plan.heavy[t]) {
        ht[j] = t;
        hw[j++] = sw[i];
        xmask |= 1L << plan.heavyIndex[t];
        xw[plan.heavyIndex[t]] = sw[i];
        continue;
      }
      int w = sw[i];
      int[] ps = plan.lightSlots[t];
      short[] pw = plan.lightWeights[t];
      int m = plan.lightSize[t];
      w0 += m;
      for (int p = 0; p < m; p++) {
        int y = ps[p];
        int a = acc[y];
        touched[n] = y; // kept only when first touched (weights are positive)
        n += a == 0 ? 1 : 0;
        acc[y] = a + w * pw[p];
      }
    }
    touchedSize = n;
    statLight += w0;
    statNh += nh;
    statQueries++;
    // (A) every game sharing a light term is scored: its light part is accumulated, its heavy part
    // is bounded first without touching its heavy entry (Cauchy-Schwarz: at most the product of the
    // two heavy norms; the norms of all games fit a core's cache) and taken exactly (a few bit
    // operations per shared heavy term, BuildPlan.heavyDot) only when the bound can enter.
    // The K' games with the largest bounds go first, so the list's floor is near its final value
    // before the others are looked at.
    heapClear();
    int e = nextEpoch();
    double xn = 0;
    for (int h = 0; h < nh; h++) {
      xn += (double) hw[h] * hw[h];
    }
    xn = Math.sqrt(xn) * BuildPlan.NORM_MARGIN;
    float[] norms = plan.heavyNorm;
    if (bounds.length < n) {
      bounds = new int[Math.max(n, 2 * bounds.length)];
      pick = new int[bounds.length];
    }
    for (int i = 0; i < n; i++) {
      int y = touched[i];
      long ub = acc[y] + (long) Math.ceil(xn * norms[y]);
      bounds[i] = y == x ? -1 : (int) Math.min(Integer.MAX_VALUE, ub);
    }
    int cut = n <= ix.k ? Integer.MIN_VALUE : kthLargest(bounds, pick, n, ix.k);
    for (int i = 0; i < n; i++) {
      if (bounds[i] >= cut && bounds[i] > 0) {
        int y = touched[i];
        heapOffer(acc[y] + plan.heavyDot(xw, xmask, y), y);
      }
    }
    for (int i = 0; i < n; i++) {
      int ub = bounds[i];
      if (ub >= cut || ub <= 0) {
        continue;
      }
      if (heapSize == ix.k && ub < heapScore[0]) {
        statSkipped++;
        continue; // its score is below the list's worst: it cannot enter
      }
      int y = touched[i];
      heapOffer(acc[y] + plan.heavyDot(xw, xmask, y), y);
    }
    w0 += n;
    statDotsAb += n;
    // (C) games sharing only heavy terms: threshold algorithm over impact-ordered heavy lists
    if (nh > 0) {
      int[] cur = new int[nh];
      while (true) {
        long bound = 0;
        int best = -1;
        long bestPart = 0;
        for (int h = 0; h < nh; h++) {
          short[] iw = plan.impactWeights[ht[h]];
          if (cur[h] < iw.length) {
            long part = (long) hw[h] * iw[cur[h]];
            bound += part;
            if (part > bestPart) {
              bestPart = part;
              best = h;
            }
          }
        }
        if (best < 0 || (heapSize == ix.k && bound < heapScore[0])) {
          break;
        }
        if (w0 > naiveCost) {
          reset();
          fallbacks++;
          return exactList(x, outSlots, outScores);
        }
        int[] is = plan.impactSlots[ht[best]];
        int end = Math.min(is.length, cur[best] + BLOCK);
        for (int p = cur[best]; p < end; p++) {
          int y = is[p];
          if (y == x || acc[y] != 0 || mark[y] == e) {
            continue;
          }
          mark[y] = e;
          if (heapSize == ix.k && xn * norms[y] < heapScore[0]) {
            statSkipped++;
            continue;
          }
          w0 += 2;
          statDotsC++;
          heapOffer(plan.heavyDot(xw, xmask, y), y); // no light term shared: heavy part only
        }
        w0 += end - cur[best];
        statScanC += end - cur[best];
        cur[best] = end;
      }
    }
    work += w0;
    reset();
    return heapDrain(outSlots, outScores);
  }
}
