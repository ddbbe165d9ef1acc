package io.gamedata.recommender.engine;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mutable state of one IDF generation: slots, documents, forward vectors, inverted index,
 * top-K' lists and reverse lists, all in primitive arrays. Not thread-safe: {@link
 * ExactSimilarityEngine} guards it.
 */
final class Index {

  final EngineConfig config;
  final IdfGeneration generation;
  final Vectorizer vectorizer;
  final int k;

  /** Lists shorter than this that are not complete are refilled. */
  final int watermark;

  // ---- term dictionary and inverted index
  final Map<String, Integer> termIds = new HashMap<>();
  final List<String> termNames = new ArrayList<>();
  int[][] postSlots = new int[1024][];
  short[][] postWeights = new short[1024][];
  int[] postSize = new int[1024];

  /** Upper bound of any weight ever posted under the term (never decreases). */
  int[] postMax = new int[1024];

  long postings;

  // ---- games
  final Map<Long, Integer> slotOf = new HashMap<>();
  long[] ids = new long[1024];
  EnrichedGame[] docs = new EnrichedGame[1024];
  boolean[] variant = new boolean[1024];
  int[][] vecTerms = new int[1024][];
  short[][] vecWeights = new short[1024][];
  int slots;
  final ArrayList<Integer> freeSlots = new ArrayList<>();
  final TreeMap<String, Long> names = new TreeMap<>();

  // ---- lists: best first; score desc, id asc
  int[][] listSlots = new int[1024][];
  int[][] listScores = new int[1024][];
  int[] listSize = new int[1024];

  /**
   * True when a list holds every listable game with a positive score (fewer than K' exist): a new
   * candidate is then inserted wherever it ranks, even after the tail. A list that is not complete
   * is an exact prefix of the full top-K' list: every game outside it ranks after its tail.
   */
  boolean[] complete = new boolean[1024];

  int[][] rev = new int[1024][];
  int[] revSize = new int[1024];

  /** Upper bound of any game's quantised L2 norm (never decreases). */
  double maxNorm = Vectorizer.SCALE;

  // ---- upsert pruning: heavy terms, impact-ordered heavy postings, tail/heavy-norm buckets

  /**
   * Terms whose posting list grew past {@link #upsertHeavyDf()}: never accumulated by an upsert;
   * kept in impact order (weight desc, slot asc) for the threshold algorithm. Never demoted.
   */
  boolean[] heavyTerm = new boolean[1024];

  int[][] impSlots = new int[1024][];
  short[][] impWeights = new short[1024][];
  int[] impSize = new int[1024];

  /** Per slot: sum of the squared weights of its heavy terms. */
  long[] heavyNorm2 = new long[1024];

  /**
   * Per slot: {@code tail score / |heavy part|} (0 for a complete or empty list); a game that
   * shares only heavy terms with x can enter the slot's list only if this is <= |x's heavy part|
   * (Cauchy-Schwarz). Slots are kept in buckets by this ratio; slots without heavy terms in none.
   */
  double[] ratio = new double[1024];

  /**
   * Per slot, flat for the upsert's scan: the score x must reach to enter the list (the tail score;
   * Integer.MIN_VALUE when complete, Integer.MAX_VALUE when empty and not complete).
   */
  int[] tail = new int[1024];

  /** Per slot: the norm of its heavy part ({@code sqrt(heavyNorm2)}). */
  double[] heavyNormD = new double[1024];

  static final int BUCKETS = 4096;
  static final double BUCKET_STEP = 2.0 * Vectorizer.SCALE / BUCKETS;
  final int[][] bucket = new int[BUCKETS][];
  final int[] bucketSize = new int[BUCKETS];
  int[] bucketOf = new int[1024];
  int[] bucketPos = new int[1024];

  /** False during bulk loads (builds, imports): the structures above are set up by track(). */
  boolean tracking;

  Index(EngineConfig config, IdfGeneration generation) {
    this.config = config;
    this.generation = generation;
    this.vectorizer = new Vectorizer(config);
    this.k = config.listSize();
    this.watermark = config.watermark();
    Arrays.fill(bucketOf, -1);
  }

  /** Posting-list length above which a term is heavy (skipped for candidate generation). */
  int heavyDf() {
    return config.heavyDf(size());
  }

  /**
   * Posting-list length above which an upsert treats a term as heavy (see {@link #heavyTerm}):
   * {@link #heavyDf()} (at 350k, `recommender-update` p99 with games/50: 77 ms, games/25: 9.5-10.2
   * ms, games/17: 6.3 ms, games/12: 5.2 ms, games/7: 5.8 ms; fewer heavy terms accumulate more
   * postings, more make the bounds looser).
   */
  int upsertHeavyDf() {
    return heavyDf();
  }

  int size() {
    return slotOf.size();
  }

  boolean live(int slot) {
    return docs[slot] != null;
  }

  // ------------------------------------------------------------------ terms

  int termId(String term) {
    Integer id = termIds.get(term);
    if (id != null) {
      return id;
    }
    int t = termNames.size();
    termIds.put(term, t);
    termNames.add(term);
    if (t == postSlots.length) {
      int n = t * 2;
      postSlots = Arrays.copyOf(postSlots, n);
      postWeights = Arrays.copyOf(postWeights, n);
      postSize = Arrays.copyOf(postSize, n);
      postMax = Arrays.copyOf(postMax, n);
    }
    if (t == heavyTerm.length) {
      int n = t * 2;
      heavyTerm = Arrays.copyOf(heavyTerm, n);
      impSlots = Arrays.copyOf(impSlots, n);
      impWeights = Arrays.copyOf(impWeights, n);
      impSize = Arrays.copyOf(impSize, n);
    }
    postSlots[t] = new int[4];
    postWeights[t] = new short[4];
    return t;
  }

  // ------------------------------------------------------------------ games

  void ensureSlots(int n) {
    if (n <= ids.length) {
      return;
    }
    int c = Math.max(n, ids.length * 2);
    ids = Arrays.copyOf(ids, c);
    docs = Arrays.copyOf(docs, c);
    variant = Arrays.copyOf(variant, c);
    vecTerms = Arrays.copyOf(vecTerms, c);
    vecWeights = Arrays.copyOf(vecWeights, c);
    listSlots = Arrays.copyOf(listSlots, c);
    listScores = Arrays.copyOf(listScores, c);
    listSize = Arrays.copyOf(listSize, c);
    complete = Arrays.copyOf(complete, c);
    rev = Arrays.copyOf(rev, c);
    revSize = Arrays.copyOf(revSize, c);
    heavyNorm2 = Arrays.copyOf(heavyNorm2, c);
    ratio = Arrays.copyOf(ratio, c);
    tail = Arrays.copyOf(tail, c);
    heavyNormD = Arrays.copyOf(heavyNormD, c);
    int old = bucketOf.length;
    bucketOf = Arrays.copyOf(bucketOf, c);
    Arrays.fill(bucketOf, old, c, -1);
    bucketPos = Arrays.copyOf(bucketPos, c);
  }

  /** Sets a game's document and vector (no postings); returns its slot. */
  int put(EnrichedGame g) {
    return put(g, vectorizer.vector(g, generation));
  }

  /** Sets a game's document and its precomputed vector (no postings); returns its slot. */
  int put(EnrichedGame g, List<Vectorizer.Weighted> vec) {
    int n = vec.size();
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) termId(vec.get(i).term()) << 32) | i;
    }
    Arrays.sort(keys);
    int[] st = new int[n];
    short[] sw = new short[n];
    for (int i = 0; i < n; i++) {
      st[i] = (int) (keys[i] >>> 32);
      sw[i] = (short) vec.get((int) keys[i]).weight();
    }
    return put(g, st, sw, nameKey(g));
  }

  /**
   * Sets a game's document and its vector as term ids ascending with weights (arrays kept, never
   * changed in place; no postings); returns its slot.
   */
  int put(EnrichedGame g, int[] st, short[] sw, String nameKey) {
    Integer s = slotOf.get(g.id());
    int slot;
    if (s != null) {
      slot = s;
      names.remove(nameKey(docs[slot]));
    } else if (!freeSlots.isEmpty()) {
      slot = freeSlots.remove(freeSlots.size() - 1);
    } else {
      ensureSlots(slots + 1);
      slot = slots++;
    }
    slotOf.put(g.id(), slot);
    ids[slot] = g.id();
    docs[slot] = g;
    variant[slot] = GameKind.isVariant(g);
    if (nameKey != null) {
      names.put(nameKey, g.id());
    }
    double norm = 0;
    for (short w : sw) {
      norm += (double) w * w;
    }
    maxNorm = Math.max(maxNorm, Math.sqrt(norm));
    vecTerms[slot] = st;
    vecWeights[slot] = sw;
    if (listSlots[slot] == null) {
      listSlots[slot] = new int[k];
      listScores[slot] = new int[k];
      rev[slot] = new int[4];
    }
    return slot;
  }

  static String nameKey(EnrichedGame g) {
    String n = g.name() == null ? "" : g.name().toLowerCase(java.util.Locale.ROOT);
    String digits = Long.toString(g.id());
    StringBuilder b = new StringBuilder(n.length() + 21).append(n).append('\u0000');
    for (int i = digits.length(); i < 20; i++) {
      b.append('0');
    }
    return b.append(digits).toString();
  }

  void addPostings(int slot) {
    int[] st = vecTerms[slot];
    short[] sw = vecWeights[slot];
    for (int i = 0; i < st.length; i++) {
      int t = st[i];
      int n = postSize[t];
      if (n == postSlots[t].length) {
        postSlots[t] = Arrays.copyOf(postSlots[t], n * 2);
        postWeights[t] = Arrays.copyOf(postWeights[t], n * 2);
      }
      postSlots[t][n] = slot;
      postWeights[t][n] = sw[i];
      postSize[t] = n + 1;
      postMax[t] = Math.max(postMax[t], sw[i]);
    }
    postings += st.length;
    if (!tracking) {
      return;
    }
    long hn = 0;
    int limit = upsertHeavyDf();
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
      if (!heavyTerm[t] && postSize[t] > limit) {
        promote(t, true);
      }
    }
  }

  /**
   * Makes a term heavy: its postings in impact order; with {@code update}, each posted slot's heavy
   * norm and ratio too (during {@link #track()} these are computed afterwards).
   */
  private void promote(int t, boolean update) {
    heavyTerm[t] = true;
    int m = postSize[t];
    int[] ps = postSlots[t];
    short[] pw = postWeights[t];
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

  /** Sets up the upsert-pruning structures after a bulk load (lists included) and keeps them. */
  void track() {
    if (tracking) {
      return; // already set up (a background generation replays writes before its swap)
    }
    int limit = upsertHeavyDf();
    for (int t = 0; t < termNames.size(); t++) {
      if (!heavyTerm[t] && postSize[t] > limit) {
        promote(t, false);
      }
    }
    tracking = true;
    for (int s = 0; s < slots; s++) {
      if (!live(s)) {
        continue;
      }
      int[] st = vecTerms[s];
      short[] sw = vecWeights[s];
      long hn = 0;
      for (int i = 0; i < st.length; i++) {
        if (heavyTerm[st[i]]) {
          hn += (long) sw[i] * sw[i];
        }
      }
      heavyNorm2[s] = hn;
      updateRatio(s);
    }
  }

  /** Recomputes a slot's ratio and moves it to its bucket. */
  void updateRatio(int s) {
    if (!tracking) {
      return;
    }
    int b = -1;
    int n = listSize[s];
    tail[s] = complete[s] ? Integer.MIN_VALUE : n == 0 ? Integer.MAX_VALUE : listScores[s][n - 1];
    heavyNormD[s] = Math.sqrt(heavyNorm2[s]);
    if (docs[s] != null && heavyNorm2[s] > 0) {
      double r = complete[s] || n == 0 ? 0 : listScores[s][n - 1] / heavyNormD[s];
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

  void removePostings(int slot) {
    int[] st = vecTerms[slot];
    if (tracking) {
      short[] sw = vecWeights[slot];
      for (int i = 0; i < st.length; i++) {
        if (heavyTerm[st[i]]) {
          impRemove(st[i], slot, sw[i]);
        }
      }
      heavyNorm2[slot] = 0;
      updateRatio(slot);
    }
    for (int t : st) {
      int[] ps = postSlots[t];
      int n = postSize[t];
      for (int j = 0; j < n; j++) {
        if (ps[j] == slot) {
          ps[j] = ps[n - 1];
          postWeights[t][j] = postWeights[t][n - 1];
          postSize[t] = n - 1;
          break;
        }
      }
    }
    postings -= st.length;
  }

  /** Frees a slot whose postings and list entries are already gone. */
  void free(int slot) {
    names.remove(nameKey(docs[slot]));
    slotOf.remove(ids[slot]);
    docs[slot] = null;
    vecTerms[slot] = null;
    vecWeights[slot] = null;
    variant[slot] = false;
    listSize[slot] = 0;
    complete[slot] = false;
    heavyNorm2[slot] = 0;
    updateRatio(slot);
    freeSlots.add(slot);
  }

  // ------------------------------------------------------------------ scores

  /** Exact integer dot product of two games' vectors. */
  int dot(int a, int b) {
    int[] ta = vecTerms[a];
    int[] tb = vecTerms[b];
    short[] wa = vecWeights[a];
    short[] wb = vecWeights[b];
    int i = 0;
    int j = 0;
    int s = 0;
    while (i < ta.length && j < tb.length) {
      int x = ta[i];
      int y = tb[j];
      if (x == y) {
        s += wa[i++] * wb[j++];
      } else if (x < y) {
        i++;
      } else {
        j++;
      }
    }
    return s;
  }

  /** True when (scoreA, slotA) ranks before (scoreB, slotB): higher score, then lower id. */
  boolean better(int scoreA, int slotA, int scoreB, int slotB) {
    return scoreA > scoreB || (scoreA == scoreB && ids[slotA] < ids[slotB]);
  }

  // ------------------------------------------------------------------ lists

  void addRev(int member, int owner) {
    int n = revSize[member];
    if (n == rev[member].length) {
      rev[member] = Arrays.copyOf(rev[member], n * 2);
    }
    rev[member][n] = owner;
    revSize[member] = n + 1;
  }

  void removeRev(int member, int owner) {
    int[] r = rev[member];
    int n = revSize[member];
    for (int j = 0; j < n; j++) {
      if (r[j] == owner) {
        r[j] = r[n - 1];
        revSize[member] = n - 1;
        return;
      }
    }
    throw new IllegalStateException("reverse list out of sync");
  }

  /**
   * Replaces a list by the result of an exact top-K' query (entries sorted best first), keeping
   * reverse lists in sync; the list is complete when the query found fewer than K'.
   */
  void setList(int owner, int[] members, int[] scores, int n) {
    setList(owner, members, scores, n, n < k);
  }

  void setList(int owner, int[] members, int[] scores, int n, boolean isComplete) {
    clearList(owner);
    complete[owner] = isComplete;
    System.arraycopy(members, 0, listSlots[owner], 0, n);
    System.arraycopy(scores, 0, listScores[owner], 0, n);
    listSize[owner] = n;
    for (int i = 0; i < n; i++) {
      addRev(members[i], owner);
    }
    updateRatio(owner);
  }

  void clearList(int owner) {
    int n = listSize[owner];
    for (int i = 0; i < n; i++) {
      removeRev(listSlots[owner][i], owner);
    }
    listSize[owner] = 0;
    updateRatio(owner);
  }

  /** Position of member in owner's list, or -1. */
  int indexInList(int owner, int member) {
    int[] l = listSlots[owner];
    int n = listSize[owner];
    for (int i = 0; i < n; i++) {
      if (l[i] == member) {
        return i;
      }
    }
    return -1;
  }

  void removeFromList(int owner, int pos) {
    int member = listSlots[owner][pos];
    int n = listSize[owner];
    System.arraycopy(listSlots[owner], pos + 1, listSlots[owner], pos, n - pos - 1);
    System.arraycopy(listScores[owner], pos + 1, listScores[owner], pos, n - pos - 1);
    listSize[owner] = n - 1;
    removeRev(member, owner);
    updateRatio(owner);
  }

  /**
   * Inserts member in sorted position; evicts the last entry of a full list (which is then no
   * longer complete).
   */
  void insertInList(int owner, int member, int score) {
    int n = listSize[owner];
    int[] l = listSlots[owner];
    int[] sc = listScores[owner];
    if (n == k) {
      removeFromList(owner, k - 1);
      complete[owner] = false;
      n--;
    }
    int pos = n;
    while (pos > 0 && better(score, member, sc[pos - 1], l[pos - 1])) {
      pos--;
    }
    System.arraycopy(l, pos, l, pos + 1, n - pos);
    System.arraycopy(sc, pos, sc, pos + 1, n - pos);
    l[pos] = member;
    sc[pos] = score;
    listSize[owner] = n + 1;
    addRev(member, owner);
    updateRatio(owner);
  }
}
