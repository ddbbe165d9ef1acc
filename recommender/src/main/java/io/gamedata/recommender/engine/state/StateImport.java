package io.gamedata.recommender.engine.state;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.EngineState;
import io.gamedata.recommender.engine.IdfGeneration;
import io.gamedata.recommender.engine.build.Parallel;
import io.gamedata.recommender.engine.index.Index;
import io.gamedata.recommender.engine.vector.Vectorizer;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Loads an exported {@link EngineState} into a new index without scoring anything: lists are taken
 * as saved. With the state's vectors, in bulk on the build threads; without, the vectors are
 * recomputed under the saved generation.
 */
public final class StateImport {

  private static final String THREADS = "recommender-import";

  private StateImport() {}

  /**
   * The index of a state.
   *
   * @throws IllegalArgumentException when a list is longer than K', names an unknown game, or ids
   *     repeat
   */
  public static Index index(EngineConfig config, EngineState state) {
    IdfGeneration gen = state.generation();
    Index next = new Index(config, gen);
    if (state.hasVectors()) {
      bulk(config, next, state);
      return next;
    }
    List<EnrichedGame> docs = state.games();
    List<List<Vectorizer.Weighted>> vectors =
        Parallel.map(THREADS, config.threads(), docs, g -> next.vectorizer.vector(g, gen));
    for (int i = 0; i < docs.size(); i++) {
      if (next.slotOf.containsKey(docs.get(i).id())) {
        throw appearsTwice(docs.get(i));
      }
      next.put(docs.get(i), vectors.get(i));
    }
    for (int s = 0; s < next.slots; s++) {
      next.addPostings(s);
    }
    int[] members = new int[next.k];
    int[] scores = new int[next.k];
    for (int i = 0; i < docs.size(); i++) {
      long[] ids = state.listIds()[i];
      checkLength(next, docs.get(i), ids, state.listScores()[i]);
      for (int j = 0; j < ids.length; j++) {
        Integer y = next.slotOf.get(ids[j]);
        if (y == null) {
          throw unknownMember(docs.get(i), ids[j]);
        }
        members[j] = y;
        scores[j] = state.listScores()[i][j];
      }
      next.setList(
          next.slotOf.get(docs.get(i).id()), members, scores, ids.length, state.complete(i));
    }
    return next;
  }

  /**
   * Loads a state with vectors into an empty index in bulk: term ids in the state's order (so its
   * vectors are reused as they are when sorted), vectors, name keys and list members resolved on
   * the build threads, slots and postings in one pass, lists written directly.
   */
  private static void bulk(EngineConfig config, Index next, EngineState state) {
    int threads = config.threads();
    List<EnrichedGame> docs = state.games();
    int n = docs.size();
    String[] terms = state.terms();
    int[] map = new int[terms.length];
    boolean identity = true;
    for (int i = 0; i < terms.length; i++) {
      map[i] = next.termId(terms[i]);
      identity &= map[i] == i;
    }
    boolean sameOrder = identity;
    int[][] vt = new int[n][];
    short[][] vw = new short[n][];
    String[] keys = new String[n];
    each(
        threads,
        n,
        i -> {
          int[] t = state.vecTerms()[i];
          short[] w = state.vecWeights()[i];
          if (t.length != w.length) {
            throw new IllegalArgumentException(
                "vector of game " + docs.get(i).id() + " has mismatched terms and weights");
          }
          boolean sorted = sameOrder;
          for (int j = 1; sorted && j < t.length; j++) {
            sorted = t[j - 1] < t[j];
          }
          if (sorted) {
            vt[i] = t;
            vw[i] = w;
          } else {
            long[] k = new long[t.length];
            for (int j = 0; j < t.length; j++) {
              k[j] = ((long) map[t[j]] << 32) | j;
            }
            Arrays.sort(k);
            int[] st = new int[t.length];
            short[] sw = new short[t.length];
            for (int j = 0; j < t.length; j++) {
              st[j] = (int) (k[j] >>> 32);
              sw[j] = w[(int) k[j]];
            }
            vt[i] = st;
            vw[i] = sw;
          }
          keys[i] = Index.nameKey(docs.get(i));
        });
    next.ensureSlots(n);
    each(
        threads,
        n,
        i -> {
          next.listSlots[i] = new int[next.k];
          next.listScores[i] = new int[next.k];
        });
    for (int i = 0; i < n; i++) {
      EnrichedGame g = docs.get(i);
      if (next.slotOf.containsKey(g.id())) {
        throw appearsTwice(g);
      }
      int slot = next.put(g, vt[i], vw[i], null);
      if (slot != i) {
        throw new IllegalStateException("bulk import expects slot " + i + ", got " + slot);
      }
    }
    // names: sorted on the build threads, then a linear-time TreeMap build
    @SuppressWarnings("unchecked")
    Map.Entry<String, Long>[] named = new Map.Entry[n];
    for (int i = 0; i < n; i++) {
      named[i] = new AbstractMap.SimpleImmutableEntry<>(keys[i], next.ids[i]);
    }
    Arrays.parallelSort(named, Map.Entry.comparingByKey());
    next.names.putAll(new SortedEntries(named));
    for (int s = 0; s < n; s++) {
      next.addPostings(s);
    }
    // id -> slot, open addressing, read by the build threads
    int cap = Integer.highestOneBit(Math.max(2, n) * 2) * 2;
    long[] hk = new long[cap];
    int[] hv = new int[cap];
    Arrays.fill(hv, -1);
    for (int i = 0; i < n; i++) {
      long id = next.ids[i];
      int h = (int) (mix(id) & (cap - 1));
      while (hv[h] >= 0) {
        h = (h + 1) & (cap - 1);
      }
      hk[h] = id;
      hv[h] = i;
    }
    each(
        threads,
        n,
        i -> {
          long[] l = state.listIds()[i];
          int[] sc = state.listScores()[i];
          checkLength(next, docs.get(i), l, sc);
          int[] out = next.listSlots[i];
          for (int j = 0; j < l.length; j++) {
            int h = (int) (mix(l[j]) & (cap - 1));
            while (hv[h] >= 0 && hk[h] != l[j]) {
              h = (h + 1) & (cap - 1);
            }
            if (hv[h] < 0) {
              throw unknownMember(docs.get(i), l[j]);
            }
            out[j] = hv[h];
          }
          System.arraycopy(sc, 0, next.listScores[i], 0, l.length);
          next.listSize[i] = l.length;
          next.complete[i] = state.complete(i);
        });
    // reverse lists: exact sizes first, then each thread fills the members of its own slot range
    int[] revCount = new int[n];
    for (int s = 0; s < n; s++) {
      int[] l = next.listSlots[s];
      for (int j = 0; j < next.listSize[s]; j++) {
        revCount[l[j]]++;
      }
    }
    for (int m = 0; m < n; m++) {
      next.rev[m] = new int[Math.max(4, revCount[m])];
    }
    int parts = Math.max(1, Math.min(threads, n / 1000 + 1));
    int span = (n + parts - 1) / parts;
    Parallel.range(
        THREADS,
        threads,
        parts,
        1,
        p -> {
          int lo = p * span;
          int hi = Math.min(n, lo + span);
          for (int s = 0; s < n; s++) {
            int[] l = next.listSlots[s];
            for (int j = 0; j < next.listSize[s]; j++) {
              int m = l[j];
              if (m >= lo && m < hi) {
                next.rev[m][next.revSize[m]++] = s;
              }
            }
          }
        });
  }

  /** Runs body(i) for i in [0, n) on the import threads, at least 1,000 items a thread. */
  private static void each(int threads, int n, IntConsumer body) {
    Parallel.range(THREADS, threads, n, 1000, body);
  }

  private static void checkLength(Index next, EnrichedGame g, long[] ids, int[] scores) {
    if (ids.length > next.k || scores.length != ids.length) {
      throw new IllegalArgumentException(
          "list of game " + g.id() + " has " + ids.length + " entries, K' is " + next.k);
    }
  }

  private static IllegalArgumentException appearsTwice(EnrichedGame g) {
    return new IllegalArgumentException("game " + g.id() + " appears twice");
  }

  private static IllegalArgumentException unknownMember(EnrichedGame g, long member) {
    return new IllegalArgumentException("list of game " + g.id() + " names unknown game " + member);
  }

  private static long mix(long id) {
    long h = id * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }
}
