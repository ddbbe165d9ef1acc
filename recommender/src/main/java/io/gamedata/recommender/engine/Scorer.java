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
    touched = new int[n];
    mark = new int[n];
    heapSlot = new int[ix.k];
    heapScore = new int[ix.k];
  }

  private void ensure() {
    if (acc.length < ix.slots) {
      int n = Math.max(ix.slots, acc.length * 2);
      acc = Arrays.copyOf(acc, n);
      touched = Arrays.copyOf(touched, n);
      mark = Arrays.copyOf(mark, n);
    }
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
    int e = ++epoch;
    if (e == Integer.MAX_VALUE) {
      Arrays.fill(mark, 0);
      epoch = e = 1;
    }
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

  /**
   * The exact top-K' list of a slot with a {@link BuildPlan}: (A) light postings accumulate the
   * light part of every candidate's score; the K' best by light score are scored exactly; (B) the
   * other candidates are scored exactly only when {@code light + |x_H| |y_H|} can still enter; (C)
   * games sharing no light term are scored per heavy group, groups by decreasing norm until {@code
   * |x_H| |g_H|} cannot enter. If the work exceeds the naive query's, the naive query runs instead.
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
    double xh = 0;
    int j = 0;
    long w0 = 0;
    int n = 0;
    for (int i = 0; i < st.length; i++) {
      int t = st[i];
      if (plan.heavy[t]) {
        ht[j] = t;
        hw[j++] = sw[i];
        xh += (double) sw[i] * sw[i];
        continue;
      }
      int w = sw[i];
      int[] ps = ix.postSlots[t];
      short[] pw = ix.postWeights[t];
      int m = ix.postSize[t];
      w0 += m;
      for (int p = 0; p < m; p++) {
        int y = ps[p];
        if (acc[y] == 0) {
          touched[n++] = y;
        }
        acc[y] += w * pw[p];
      }
    }
    touchedSize = n;
    xh = Math.sqrt(xh);
    // (A) best K' by light score, scored exactly
    heapClear();
    for (int i = 0; i < n; i++) {
      int y = touched[i];
      if (y != x && !ix.variant[y]) {
        heapOffer(acc[y], y);
      }
    }
    int[] firstS = new int[heapSize];
    int[] firstV = new int[heapSize];
    int first = heapDrain(firstS, firstV);
    int e = ++epoch;
    if (e == Integer.MAX_VALUE) {
      Arrays.fill(mark, 0);
      epoch = e = 1;
    }
    for (int i = 0; i < first; i++) {
      int y = firstS[i];
      mark[y] = e;
      heapOffer(ix.dot(x, y), y);
    }
    w0 += (long) first * 8;
    // (B) the other candidates, when their bound can still enter
    for (int i = 0; i < n; i++) {
      int y = touched[i];
      if (y == x || ix.variant[y] || mark[y] == e) {
        continue;
      }
      long ub = acc[y] + (long) (xh * plan.heavyNorm[y]) + 2;
      if (heapSize == ix.k && ub < heapScore[0]) {
        continue;
      }
      w0 += 8;
      heapOffer(ix.dot(x, y), y);
    }
    // (C) games sharing only heavy terms, by group
    if (nh > 0) {
      for (int g = 0; g < plan.groups(); g++) {
        if (heapSize == ix.k && xh * plan.groupNorm[g] + 1 < heapScore[0]) {
          break;
        }
        w0 += 2 + nh;
        if (w0 > naiveCost) {
          reset();
          fallbacks++;
          return exactList(x, outSlots, outScores);
        }
        int s = dotSorted(ht, hw, plan.groupTerms[g], plan.groupWeights[g]);
        if (s <= 0 || (heapSize == ix.k && s < heapScore[0])) {
          continue;
        }
        for (int y : plan.groupMembers[g]) {
          w0++;
          if (y == x || acc[y] != 0) {
            continue;
          }
          if (heapRejects(s, y)) {
            break;
          }
          heapOffer(s, y);
        }
      }
    }
    work += w0;
    reset();
    return heapDrain(outSlots, outScores);
  }

  private static int dotSorted(int[] ta, short[] wa, int[] tb, short[] wb) {
    int i = 0;
    int j = 0;
    int s = 0;
    while (i < ta.length && j < tb.length) {
      if (ta[i] == tb[j]) {
        s += wa[i++] * wb[j++];
      } else if (ta[i] < tb[j]) {
        i++;
      } else {
        j++;
      }
    }
    return s;
  }
}
