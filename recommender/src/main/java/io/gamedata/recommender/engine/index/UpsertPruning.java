package io.gamedata.recommender.engine.index;

import io.gamedata.recommender.engine.vector.Vectorizer;
import java.util.Arrays;

/**
 * What the upsert's pruned query ({@code engine.update.UpsertQuery}) reads besides the postings:
 * heavy terms with their postings in impact order, each slot's heavy norm, and the slots bucketed
 * by {@code tail score / heavy norm}. Kept in step with the {@link Index} it belongs to by the
 * index itself (postings added or removed, a list changed, a slot freed), once {@link #track()} set
 * it up after a bulk load.
 */
public final class UpsertPruning {

  private final Index ix;

  /**
   * Terms whose posting list grew past {@link Index#heavyDf()}: never accumulated by an upsert;
   * kept in impact order (weight desc, slot asc) for the threshold algorithm. Never demoted.
   */
  public boolean[] heavyTerm = new boolean[1024];

  public int[][] impSlots = new int[1024][];
  public short[][] impWeights = new short[1024][];
  public int[] impSize = new int[1024];

  /** Per slot: sum of the squared weights of its heavy terms. */
  public long[] heavyNorm2 = new long[1024];

  /**
   * Per slot: {@code tail score / |heavy part|} (0 for a complete or empty list); a game that
   * shares only heavy terms with x can enter the slot's list only if this is <= |x's heavy part|
   * (Cauchy-Schwarz). Slots are kept in buckets by this ratio; slots without heavy terms in none.
   */
  public double[] ratio = new double[1024];

  /**
   * Per slot, flat for the upsert's scan: the score x must reach to enter the list (the tail score;
   * Integer.MIN_VALUE when complete, Integer.MAX_VALUE when empty and not complete).
   */
  public int[] tail = new int[1024];

  /** Per slot: the norm of its heavy part ({@code sqrt(heavyNorm2)}). */
  public double[] heavyNormD = new double[1024];

  public static final int BUCKETS = 4096;
  public static final double BUCKET_STEP = 2.0 * Vectorizer.SCALE / BUCKETS;
  public final int[][] bucket = new int[BUCKETS][];
  public final int[] bucketSize = new int[BUCKETS];
  private int[] bucketOf = new int[1024];
  private int[] bucketPos = new int[1024];

  /** False during bulk loads (builds, imports): the structures above are set up by track(). */
  private boolean tracking;

  UpsertPruning(Index ix) {
    this.ix = ix;
    Arrays.fill(bucketOf, -1);
  }

  void ensureTerms(int n) {
    if (n <= heavyTerm.length) {
      return;
    }
    int c = heavyTerm.length * 2;
    heavyTerm = Arrays.copyOf(heavyTerm, c);
    impSlots = Arrays.copyOf(impSlots, c);
    impWeights = Arrays.copyOf(impWeights, c);
    impSize = Arrays.copyOf(impSize, c);
  }

  void ensureSlots(int c) {
    heavyNorm2 = Arrays.copyOf(heavyNorm2, c);
    ratio = Arrays.copyOf(ratio, c);
    tail = Arrays.copyOf(tail, c);
    heavyNormD = Arrays.copyOf(heavyNormD, c);
    int old = bucketOf.length;
    bucketOf = Arrays.copyOf(bucketOf, c);
    Arrays.fill(bucketOf, old, c, -1);
    bucketPos = Arrays.copyOf(bucketPos, c);
  }

  /** A slot's postings were added: its heavy entries, norm and bucket; terms that became heavy. */
  void added(int slot) {
    if (!tracking) {
      return;
    }
    int[] st = ix.vecTerms[slot];
    short[] sw = ix.vecWeights[slot];
    long hn = 0;
    int limit = ix.heavyDf();
    for (int i = 0; i < st.length; i++) {
      int t = st[i];
      if (heavyTerm[t]) {
        impInsert(t, slot, sw[i]);
        hn += (long) sw[i] * sw[i];
      }
    }
    heavyNorm2[slot] = hn;
    updateRatio(slot);
    for (int t : st) {
      if (!heavyTerm[t] && ix.postSize[t] > limit) {
        promote(t, true);
      }
    }
  }

  /** A slot's postings are about to be removed: out of the impact lists and its bucket. */
  void removing(int slot) {
    if (!tracking) {
      return;
    }
    int[] st = ix.vecTerms[slot];
    short[] sw = ix.vecWeights[slot];
    for (int i = 0; i < st.length; i++) {
      if (heavyTerm[st[i]]) {
        impRemove(st[i], slot, sw[i]);
      }
    }
    heavyNorm2[slot] = 0;
    updateRatio(slot);
  }

  void freed(int slot) {
    heavyNorm2[slot] = 0;
    updateRatio(slot);
  }

  void listChanged(int slot) {
    updateRatio(slot);
  }

  /**
   * Makes a term heavy: its postings in impact order; with {@code update}, each posted slot's heavy
   * norm and ratio too (during {@link #track()} these are computed afterwards).
   */
  private void promote(int t, boolean update) {
    heavyTerm[t] = true;
    int m = ix.postSize[t];
    int[] ps = ix.postSlots[t];
    short[] pw = ix.postWeights[t];
    long[] keys = new long[m];
    for (int j = 0; j < m; j++) {
      keys[j] = ((long) (Short.MAX_VALUE - pw[j]) << 32) | ps[j];
    }
    Arrays.sort(keys);
    int[] outS = new int[Math.max(4, m + m / 4)];
    short[] outW = new short[outS.length];
    for (int j = 0; j < m; j++) {
      outS[j] = (int) keys[j];
      outW[j] = (short) (Short.MAX_VALUE - (keys[j] >>> 32));
    }
    impSlots[t] = outS;
    impWeights[t] = outW;
    impSize[t] = m;
    if (update) {
      for (int j = 0; j < m; j++) {
        heavyNorm2[ps[j]] += (long) pw[j] * pw[j];
        updateRatio(ps[j]);
      }
    }
  }

  /** Position of (w, slot) in term t's impact list, or -(insertion point) - 1. */
  private int impSearch(int t, int slot, int w) {
    int[] is = impSlots[t];
    short[] iw = impWeights[t];
    int lo = 0;
    int hi = impSize[t] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = iw[mid] != w ? Integer.compare(w, iw[mid]) : Integer.compare(is[mid], slot);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -lo - 1;
  }

  private void impInsert(int t, int slot, int w) {
    int pos = -impSearch(t, slot, w) - 1;
    int n = impSize[t];
    if (n == impSlots[t].length) {
      impSlots[t] = Arrays.copyOf(impSlots[t], n * 2);
      impWeights[t] = Arrays.copyOf(impWeights[t], n * 2);
    }
    System.arraycopy(impSlots[t], pos, impSlots[t], pos + 1, n - pos);
    System.arraycopy(impWeights[t], pos, impWeights[t], pos + 1, n - pos);
    impSlots[t][pos] = slot;
    impWeights[t][pos] = (short) w;
    impSize[t] = n + 1;
  }

  private void impRemove(int t, int slot, int w) {
    int pos = impSearch(t, slot, w);
    if (pos < 0) {
      throw new IllegalStateException("impact list out of sync");
    }
    int n = impSize[t];
    System.arraycopy(impSlots[t], pos + 1, impSlots[t], pos, n - pos - 1);
    System.arraycopy(impWeights[t], pos + 1, impWeights[t], pos, n - pos - 1);
    impSize[t] = n - 1;
  }

  /** Sets up the structures after a bulk load (lists included) and keeps them from then on. */
  public void track() {
    if (tracking) {
      return; // already set up (a background generation replays writes before its swap)
    }
    int limit = ix.heavyDf();
    for (int t = 0; t < ix.termNames.size(); t++) {
      if (!heavyTerm[t] && ix.postSize[t] > limit) {
        promote(t, false);
      }
    }
    tracking = true;
    for (int s = 0; s < ix.slots; s++) {
      if (ix.live(s)) {
        heavyNorm2[s] = heavyNorm2Of(s);
        updateRatio(s);
      }
    }
  }

  /** The sum of the squared weights of a slot's heavy terms. */
  private long heavyNorm2Of(int s) {
    int[] st = ix.vecTerms[s];
    short[] sw = ix.vecWeights[s];
    long hn = 0;
    for (int i = 0; i < st.length; i++) {
      if (heavyTerm[st[i]]) {
        hn += (long) sw[i] * sw[i];
      }
    }
    return hn;
  }

  /** Recomputes a slot's ratio and moves it to its bucket. */
  private void updateRatio(int s) {
    if (!tracking) {
      return;
    }
    int b = -1;
    int n = ix.listSize[s];
    boolean complete = ix.complete[s];
    tail[s] = complete ? Integer.MIN_VALUE : n == 0 ? Integer.MAX_VALUE : ix.listScores[s][n - 1];
    heavyNormD[s] = Math.sqrt(heavyNorm2[s]);
    if (ix.docs[s] != null && heavyNorm2[s] > 0) {
      double r = complete || n == 0 ? 0 : ix.listScores[s][n - 1] / heavyNormD[s];
      ratio[s] = r;
      b = (int) Math.min(BUCKETS - 1, r / BUCKET_STEP);
    }
    int old = bucketOf[s];
    if (old == b) {
      return;
    }
    if (old >= 0) {
      int p = bucketPos[s];
      int last = bucket[old][--bucketSize[old]];
      bucket[old][p] = last;
      bucketPos[last] = p;
    }
    if (b >= 0) {
      if (bucket[b] == null) {
        bucket[b] = new int[16];
      } else if (bucketSize[b] == bucket[b].length) {
        bucket[b] = Arrays.copyOf(bucket[b], bucketSize[b] * 2);
      }
      bucketPos[s] = bucketSize[b];
      bucket[b][bucketSize[b]++] = s;
    }
    bucketOf[s] = b;
  }
}
