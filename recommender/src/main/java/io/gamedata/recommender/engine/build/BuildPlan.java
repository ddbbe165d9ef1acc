package io.gamedata.recommender.engine.build;

import io.gamedata.recommender.engine.index.Index;

/**
 * Read-only helper structures of one full build. Terms with more than {@code heavyDf} postings are
 * <em>heavy</em>: they are never accumulated posting by posting. Instead each heavy posting list is
 * copied in impact order (weight descending, variants left out, since they are never listed), so
 * that a query can walk the heavy lists of its terms from the largest weights down and stop as soon
 * as the sum of {@code x_t * (weight under the cursor)} over its heavy terms, an upper bound of the
 * score of every game not reached yet, cannot enter its list (Fagin's threshold algorithm).
 */
final class BuildPlan {

  final boolean[] heavy;

  /** Most heavy terms: a slot's heavy terms are a bit mask. */
  static final int MAX_HEAVY = 64;

  /** Bit of each heavy term in {@link #heavyPacked} (-1 for light terms). */
  final int[] heavyIndex;

  /** Heavy weights kept inline next to a slot's mask; the rest go to {@link #heavyW}. */
  static final int INLINE = 4;

  /**
   * Per slot, side by side (one cache line, one miss per candidate): at {@code 2 s} the heavy terms
   * as a bit mask, at {@code 2 s + 1} the weights of its first {@value #INLINE} heavy terms (in
   * heavy-index order), 16 bits each, the first in the low bits. The weight of heavy term {@code h}
   * is at rank {@code bitCount(mask & ((1L << h) - 1))}, so the heavy part of a dot product costs a
   * few bit operations per shared heavy term instead of a merge of two vectors.
   */
  final long[] heavyPacked;

  /**
   * Weights of heavy terms of rank {@value #INLINE} and more: entries {@code heavyStart[s] ..
   * heavyStart[s + 1]} of {@code heavyW}.
   */
  final int[] heavyStart;

  final short[] heavyW;

  /**
   * Per slot, an upper bound of the L2 norm of its heavy weights (4 bytes a game: the array stays
   * in a core's cache where {@link #heavyPacked} does not), so that {@code |x_heavy| *
   * heavyNorm[y]} bounds the heavy part of a dot product before it is read.
   */
  final float[] heavyNorm;

  /** Relative margin that keeps rounded norms (and their products) upper bounds. */
  static final double NORM_MARGIN = 1.0001;

  /**
   * Light posting lists without variants (which are never listed), ascending by slot: what a query
   * accumulates (entries {@code 0 .. lightSize[t]}; the index's own arrays when a term has no
   * variant; null for heavy terms).
   */
  final int[][] lightSlots;

  final short[][] lightWeights;

  final int[] lightSize;

  /** Impact-ordered heavy posting lists (null for light terms). */
  final int[][] impactSlots;

  final short[][] impactWeights;

  BuildPlan(Index ix, int heavyDf) {
    int terms = ix.termNames.size();
    heavy = new boolean[terms];
    impactSlots = new int[terms][];
    impactWeights = new short[terms][];
    // at most MAX_HEAVY heavy terms (the longest lists), so that a slot's heavy terms fit a mask
    int[] dfs = new int[terms];
    for (int t = 0; t < terms; t++) {
      dfs[t] = ix.postSize[t];
    }
    java.util.Arrays.sort(dfs);
    int limit = heavyDf;
    if (terms > MAX_HEAVY) {
      limit = Math.max(limit, dfs[terms - MAX_HEAVY - 1]);
    }
    heavyIndex = new int[terms];
    int hc = 0;
    lightSlots = new int[terms][];
    lightWeights = new short[terms][];
    lightSize = new int[terms];
    for (int t = 0; t < terms; t++) {
      heavy[t] = ix.postSize[t] > limit && hc < MAX_HEAVY;
      heavyIndex[t] = heavy[t] ? hc++ : -1;
      if (!heavy[t]) {
        light(ix, t);
        continue;
      }
      int m = ix.postSize[t];
      int[] ps = ix.postSlots[t];
      short[] pw = ix.postWeights[t];
      // sort keys: weight desc, then slot (the order among equal weights does not matter)
      long[] keys = new long[m];
      int n = 0;
      for (int j = 0; j < m; j++) {
        if (!ix.variant[ps[j]]) {
          keys[n++] = ((long) (Short.MAX_VALUE - pw[j]) << 32) | ps[j];
        }
      }
      java.util.Arrays.sort(keys, 0, n);
      int[] outS = new int[n];
      short[] outW = new short[n];
      for (int j = 0; j < n; j++) {
        outS[j] = (int) keys[j];
        outW[j] = (short) (Short.MAX_VALUE - (keys[j] >>> 32));
      }
      impactSlots[t] = outS;
      impactWeights[t] = outW;
    }
    heavyPacked = new long[2 * ix.slots];
    heavyStart = new int[ix.slots + 1];
    int overflow = 0;
    for (int s = 0; s < ix.slots; s++) {
      heavyStart[s] = overflow;
      if (ix.live(s)) {
        int count = 0;
        for (int t : ix.vecTerms[s]) {
          if (heavy[t]) {
            count++;
          }
        }
        overflow += Math.max(0, count - INLINE);
      }
    }
    heavyStart[ix.slots] = overflow;
    heavyW = new short[overflow];
    heavyNorm = new float[ix.slots];
    for (int s = 0; s < ix.slots; s++) {
      if (!ix.live(s)) {
        continue;
      }
      int[] st = ix.vecTerms[s];
      short[] sw = ix.vecWeights[s];
      long mask = 0;
      long inline = 0;
      // heavy indexes ascend with term ids, and the vector is sorted by term: heavy-index order
      int rank = 0;
      double norm2 = 0;
      for (int i = 0; i < st.length; i++) {
        if (heavy[st[i]]) {
          norm2 += (double) sw[i] * sw[i];
          mask |= 1L << heavyIndex[st[i]];
          if (rank < INLINE) {
            inline |= (long) (sw[i] & 0xFFFF) << (16 * rank);
          } else {
            heavyW[heavyStart[s] + rank - INLINE] = sw[i];
          }
          rank++;
        }
      }
      heavyPacked[2 * s] = mask;
      heavyNorm[s] = (float) (Math.sqrt(norm2) * NORM_MARGIN + 1);
      heavyPacked[2 * s + 1] = inline;
    }
  }

  private void light(Index ix, int t) {
    int m = ix.postSize[t];
    int[] ps = ix.postSlots[t];
    short[] pw = ix.postWeights[t];
    int n = 0;
    for (int j = 0; j < m; j++) {
      if (!ix.variant[ps[j]]) {
        n++;
      }
    }
    if (n == m) {
      lightSlots[t] = ps;
      lightWeights[t] = pw;
    } else {
      int[] outS = new int[n];
      short[] outW = new short[n];
      n = 0;
      for (int j = 0; j < m; j++) {
        if (!ix.variant[ps[j]]) {
          outS[n] = ps[j];
          outW[n++] = pw[j];
        }
      }
      lightSlots[t] = outS;
      lightWeights[t] = outW;
    }
    lightSize[t] = n;
  }

  /**
   * The heavy part of the dot product of a query (its heavy weights dense by heavy index in {@code
   * xw}, its heavy terms as {@code xmask}) with slot {@code y}: exact, as {@link Index#dot}
   * restricted to heavy terms.
   */
  int heavyDot(int[] xw, long xmask, int y) {
    long ymask = heavyPacked[2 * y];
    long shared = xmask & ymask;
    if (shared == 0) {
      return 0;
    }
    long inline = heavyPacked[2 * y + 1];
    int s = 0;
    while (shared != 0) {
      int h = Long.numberOfTrailingZeros(shared);
      shared &= shared - 1;
      int rank = Long.bitCount(ymask & ((1L << h) - 1));
      int w =
          rank < INLINE
              ? (int) ((inline >>> (16 * rank)) & 0xFFFF)
              : heavyW[heavyStart[y] + rank - INLINE];
      s += xw[h] * w;
    }
    return s;
  }
}
