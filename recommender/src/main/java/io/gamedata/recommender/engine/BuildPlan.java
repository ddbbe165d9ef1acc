package io.gamedata.recommender.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only helper structures of one full build. Terms with more than {@code heavyDf} postings are
 * <em>heavy</em>. Every listable game is put in a <em>group</em> by its exact heavy sub-vector
 * (heavy term ids and quantised weights): games sharing no light term with a query score exactly
 * the group's dot product with the query's heavy part, so a group is scored once. Groups are
 * visited in decreasing norm of their heavy part; Cauchy-Schwarz ({@code |x_H| |g_H|}) stops the
 * walk once no further group can enter the list.
 */
final class BuildPlan {

  final boolean[] heavy;

  /** Norm of each slot's heavy part, in quantised units. */
  final double[] heavyNorm;

  final int[][] groupTerms;
  final short[][] groupWeights;
  final double[] groupNorm;

  /** Members of each group, ascending game id. */
  final int[][] groupMembers;

  BuildPlan(Index ix, int heavyDf) {
    int terms = ix.termNames.size();
    heavy = new boolean[terms];
    for (int t = 0; t < terms; t++) {
      heavy[t] = ix.postSize[t] > heavyDf;
    }
    heavyNorm = new double[ix.slots];
    Map<Key, List<Integer>> groups = new HashMap<>();
    for (int s = 0; s < ix.slots; s++) {
      if (!ix.live(s)) {
        continue;
      }
      int[] st = ix.vecTerms[s];
      short[] sw = ix.vecWeights[s];
      int n = 0;
      for (int t : st) {
        if (heavy[t]) {
          n++;
        }
      }
      int[] ht = new int[n];
      short[] hw = new short[n];
      double norm = 0;
      int j = 0;
      for (int i = 0; i < st.length; i++) {
        if (heavy[st[i]]) {
          ht[j] = st[i];
          hw[j++] = sw[i];
          norm += (double) sw[i] * sw[i];
        }
      }
      heavyNorm[s] = Math.sqrt(norm);
      if (n > 0 && !ix.variant[s]) {
        groups.computeIfAbsent(new Key(ht, hw), k -> new ArrayList<>()).add(s);
      }
    }
    List<Map.Entry<Key, List<Integer>>> entries = new ArrayList<>(groups.entrySet());
    for (var e : entries) {
      e.getValue().sort((a, b) -> Long.compare(ix.ids[a], ix.ids[b]));
    }
    entries.sort(
        (a, b) -> {
          int c = Double.compare(norm(b.getKey().w), norm(a.getKey().w));
          return c != 0
              ? c
              : Long.compare(ix.ids[a.getValue().get(0)], ix.ids[b.getValue().get(0)]);
        });
    int g = entries.size();
    groupTerms = new int[g][];
    groupWeights = new short[g][];
    groupNorm = new double[g];
    groupMembers = new int[g][];
    for (int i = 0; i < g; i++) {
      var e = entries.get(i);
      groupTerms[i] = e.getKey().t;
      groupWeights[i] = e.getKey().w;
      groupNorm[i] = norm(e.getKey().w);
      groupMembers[i] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
    }
  }

  int groups() {
    return groupTerms.length;
  }

  private static double norm(short[] w) {
    double n = 0;
    for (short v : w) {
      n += (double) v * v;
    }
    return Math.sqrt(n);
  }

  private record Key(int[] t, short[] w) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(t, k.t) && Arrays.equals(w, k.w);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(t) + Arrays.hashCode(w);
    }
  }
}
