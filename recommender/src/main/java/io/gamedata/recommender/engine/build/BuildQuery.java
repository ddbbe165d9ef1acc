package io.gamedata.recommender.engine.build;

import io.gamedata.recommender.engine.index.Index;
import io.gamedata.recommender.engine.index.Scorer;

/**
 * One build thread's exact top-K' query with a {@link BuildPlan} (see {@link #list}), on its own
 * {@link Scorer}.
 */
final class BuildQuery {

  private final Index ix;
  private final Scorer sc;
  private final BuildPlan plan;

  /** Lists that fell back to the plain exact query. */
  long fallbacks;

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

  BuildQuery(Index ix, BuildPlan plan) {
    this.ix = ix;
    this.sc = new Scorer(ix);
    this.plan = plan;
  }

  /**
   * The exact top-K' list of a slot with a {@link BuildPlan}: (A) light postings accumulate the
   * light part of every candidate's score; the heavy part of a candidate is bounded by the product
   * of the heavy norms and, when that bound can enter the list, added exactly from the per-slot
   * heavy masks and weights (a few bit operations per shared heavy term, no merge of vectors); (C)
   * games sharing no light term come from the impact-ordered heavy lists (threshold algorithm: walk
   * until the bound over games not reached yet cannot enter), bounded and scored the same way. If
   * the work exceeds the naive query's, the naive query runs instead.
   */
  int list(int x, int[] outSlots, int[] outScores) {
    sc.ensure();
    int[] acc = sc.acc;
    int[] touched = sc.touched;
    int[] mark = sc.mark;
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
    sc.touchedSize = n;
    // (A) every game sharing a light term is scored: its light part is accumulated, its heavy part
    // is bounded first without touching its heavy entry (Cauchy-Schwarz: at most the product of the
    // two heavy norms; the norms of all games fit a core's cache) and taken exactly (a few bit
    // operations per shared heavy term, BuildPlan.heavyDot) only when the bound can enter.
    // The K' games with the largest bounds go first, so the list's floor is near its final value
    // before the others are looked at.
    sc.heapClear();
    int e = sc.nextEpoch();
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
        sc.heapOffer(acc[y] + plan.heavyDot(xw, xmask, y), y);
      }
    }
    for (int i = 0; i < n; i++) {
      int ub = bounds[i];
      if (ub >= cut || ub <= 0) {
        continue;
      }
      if (sc.heapSize == ix.k && ub < sc.heapScore[0]) {
        continue; // its score is below the list's worst: it cannot enter
      }
      int y = touched[i];
      sc.heapOffer(acc[y] + plan.heavyDot(xw, xmask, y), y);
    }
    w0 += n;
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
        if (best < 0 || (sc.heapSize == ix.k && bound < sc.heapScore[0])) {
          break;
        }
        if (w0 > naiveCost) {
          sc.reset();
          fallbacks++;
          return sc.exactList(x, outSlots, outScores);
        }
        int[] is = plan.impactSlots[ht[best]];
        int end = Math.min(is.length, cur[best] + BLOCK);
        for (int p = cur[best]; p < end; p++) {
          int y = is[p];
          if (y == x || acc[y] != 0 || mark[y] == e) {
            continue;
          }
          mark[y] = e;
          if (sc.heapSize == ix.k && xn * norms[y] < sc.heapScore[0]) {
            continue;
          }
          w0 += 2;
          sc.heapOffer(plan.heavyDot(xw, xmask, y), y); // no light term shared: heavy part only
        }
        w0 += end - cur[best];
        cur[best] = end;
      }
    }
    sc.reset();
    return sc.heapDrain(outSlots, outScores);
  }
}
