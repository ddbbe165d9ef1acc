package io.gamedata.recommender.engine.index;

import java.util.Arrays;

/**
 * Per-thread scratch space for exact queries against an {@link Index}: a dense integer accumulator,
 * the list of touched slots, epoch marks and a bounded heap for the top K'; the plain exact queries
 * (a full inverted-index query, and the refill's light-term query with its bound). The pruned
 * queries of the full build and of an upsert run on one of these ({@code engine.build.BuildQuery},
 * {@code engine.update.UpsertQuery}).
 */
public final class Scorer {

  public final Index ix;
  public int[] acc;
  public int[] touched;
  public int touchedSize;
  public int[] mark;
  private int epoch;

  /** Heap of the worst-first top entries: slots and scores, at most {@link #capacity}. */
  private final int[] heapSlot;

  public final int[] heapScore;
  public int heapSize;

  /** Queries that fell back to the full exact query ({@link #exactList}). */
  public long fallbacks;

  /** Entries the heap keeps: K' for lists, any n for {@link #exactList} of another length. */
  public final int capacity;

  /** A scorer of top-K' lists. */
  public Scorer(Index ix) {
    this(ix, ix.k);
  }

  /** A scorer whose heap keeps the top {@code capacity}. */
  public Scorer(Index ix, int capacity) {
    this.ix = ix;
    this.capacity = capacity;
    int n = Math.max(16, ix.slots);
    acc = new int[n];
    touched = new int[n + 1]; // one spare entry: the build's branch-free append writes one ahead
    mark = new int[n];
    heapSlot = new int[capacity];
    heapScore = new int[capacity];
  }

  /** Grows the scratch arrays to the index's slots. */
  public void ensure() {
    if (acc.length < ix.slots) {
      int n = Math.max(ix.slots, acc.length * 2);
      acc = Arrays.copyOf(acc, n);
      touched = Arrays.copyOf(touched, n + 1);
      mark = Arrays.copyOf(mark, n);
    }
  }

  /** A new epoch for {@link #mark} (a slot is marked when {@code mark[slot] == epoch}). */
  public int nextEpoch() {
    int e = ++epoch;
    if (e == Integer.MAX_VALUE) {
      Arrays.fill(mark, 0);
      epoch = e = 1;
    }
    return e;
  }

  /**
   * Exact scores of every game sharing a term with {@code slot}: afterwards {@code acc[y]} holds
   * the integer dot product for each of {@code touched[0..touchedSize)} (self included). Call
   * {@link #reset()} when done.
   */
  public void scoreAll(int slot) {
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

  public void reset() {
    for (int i = 0; i < touchedSize; i++) {
      acc[touched[i]] = 0;
    }
    touchedSize = 0;
  }

  // ------------------------------------------------------------------ heap of the top K'

  public void heapClear() {
    heapSize = 0;
  }

  public void heapOffer(int score, int slot) {
    if (score <= 0) {
      return;
    }
    if (heapSize < capacity) {
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
  public int heapDrain(int[] outSlots, int[] outScores) {
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

  /**
   * The exact top list of a slot (its {@link #capacity} best games, variants left out) by a full
   * inverted-index query.
   */
  public int exactList(int slot, int[] outSlots, int[] outScores) {
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
   * (posting lists no longer than {@link Index#heavyDf()}); every candidate is scored exactly over
   * all its terms. A game sharing only heavy terms scores at most {@code bound = min(sum over heavy
   * terms of w * max posted weight, |heavy part| * max norm)}; if the K'-th candidate beats that
   * bound the list is exact, else the full query ({@link #exactList}) runs.
   */
  public int fastList(int slot, int[] outSlots, int[] outScores) {
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
    boolean exact = bound == 0 || (heapSize == capacity && heapScore[0] > Math.ceil(bound) + 1);
    if (!exact) {
      fallbacks++;
      return exactList(slot, outSlots, outScores);
    }
    return heapDrain(outSlots, outScores);
  }
}
