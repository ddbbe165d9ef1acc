package io.gamedata.recommender.engine.index;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.GameKind;
import io.gamedata.recommender.engine.IdfGeneration;
import io.gamedata.recommender.engine.vector.Vectorizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The mutable state of one IDF generation: slots, documents, forward vectors, inverted index,
 * top-K' lists and reverse lists, all in primitive arrays, plus the structures that prune an
 * upsert's query ({@link UpsertPruning}).
 *
 * <p>A struct of arrays for the engine's own packages (build, update, query, state), which read and
 * write the fields directly in their inner loops; nothing outside the engine reaches it (the
 * recommender's ImportRulesTest). Not thread-safe: {@code ExactSimilarityEngine} guards it.
 */
public final class Index {

  public final EngineConfig config;
  public final IdfGeneration generation;
  public final Vectorizer vectorizer;
  public final int k;

  /** Lists shorter than this that are not complete are refilled. */
  public final int watermark;

  // ---- term dictionary and inverted index
  public final Map<String, Integer> termIds = new HashMap<>();
  public final List<String> termNames = new ArrayList<>();
  public int[][] postSlots = new int[1024][];
  public short[][] postWeights = new short[1024][];
  public int[] postSize = new int[1024];

  /** Upper bound of any weight ever posted under the term (never decreases). */
  public int[] postMax = new int[1024];

  public long postings;

  // ---- games
  public final Map<Long, Integer> slotOf = new HashMap<>();
  public long[] ids = new long[1024];
  public EnrichedGame[] docs = new EnrichedGame[1024];
  public boolean[] variant = new boolean[1024];
  public int[][] vecTerms = new int[1024][];
  public short[][] vecWeights = new short[1024][];
  public int slots;
  private final ArrayList<Integer> freeSlots = new ArrayList<>();
  public final TreeMap<String, Long> names = new TreeMap<>();

  // ---- lists: best first; score desc, id asc
  public int[][] listSlots = new int[1024][];
  public int[][] listScores = new int[1024][];
  public int[] listSize = new int[1024];

  /**
   * True when a list holds every listable game with a positive score (fewer than K' exist): a new
   * candidate is then inserted wherever it ranks, even after the tail. A list that is not complete
   * is an exact prefix of the full top-K' list: every game outside it ranks after its tail.
   */
  public boolean[] complete = new boolean[1024];

  public int[][] rev = new int[1024][];
  public int[] revSize = new int[1024];

  /** Upper bound of any game's quantised L2 norm (never decreases). */
  public double maxNorm = Vectorizer.SCALE;

  /** Heavy terms, impact lists and tail buckets of the upsert's pruned query. */
  public final UpsertPruning pruning = new UpsertPruning(this);

  public Index(EngineConfig config, IdfGeneration generation) {
    this.config = config;
    this.generation = generation;
    this.vectorizer = new Vectorizer(config);
    this.k = config.listSize();
    this.watermark = config.watermark();
  }

  /**
   * Posting-list length above which a term is heavy for upserts and refills (skipped for candidate
   * generation; at 350k, {@code recommender-update} p99 with games/50: 77 ms, games/25: 9.5-10.2
   * ms, games/17: 6.3 ms, games/12: 5.2 ms, games/7: 5.8 ms; fewer heavy terms accumulate more
   * postings, more make the bounds looser).
   */
  public int heavyDf() {
    return config.heavyDf(size());
  }

  public int size() {
    return slotOf.size();
  }

  /**
   * The slot of a game.
   *
   * @throws java.util.NoSuchElementException when the game is unknown
   */
  public int requireSlot(long id) {
    Integer slot = slotOf.get(id);
    if (slot == null) {
      throw new java.util.NoSuchElementException("unknown game " + id);
    }
    return slot;
  }

  public boolean live(int slot) {
    return docs[slot] != null;
  }

  // ------------------------------------------------------------------ terms

  public int termId(String term) {
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
    pruning.ensureTerms(t + 1);
    postSlots[t] = new int[4];
    postWeights[t] = new short[4];
    return t;
  }

  // ------------------------------------------------------------------ games

  public void ensureSlots(int n) {
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
    pruning.ensureSlots(c);
  }

  /** Sets a game's document and vector (no postings); returns its slot. */
  public int put(EnrichedGame g) {
    return put(g, vectorizer.vector(g, generation));
  }

  /** Sets a game's document and its precomputed vector (no postings); returns its slot. */
  public int put(EnrichedGame g, List<Vectorizer.Weighted> vec) {
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
   * changed in place; no postings); returns its slot. A null {@code nameKey} leaves the name out of
   * {@link #names} (a bulk load adds every name at once).
   */
  public int put(EnrichedGame g, int[] st, short[] sw, String nameKey) {
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

  /** Replaces a game's document by one with the same vector (no list can change). */
  public void touch(int slot, EnrichedGame g) {
    names.remove(nameKey(docs[slot]));
    docs[slot] = g;
    names.put(nameKey(g), g.id());
  }

  /** The key of a game in {@link #names}: lower-case name, NUL, id zero-padded to 20 digits. */
  public static String nameKey(EnrichedGame g) {
    String n = g.name() == null ? "" : g.name().toLowerCase(java.util.Locale.ROOT);
    String digits = Long.toString(g.id());
    StringBuilder b = new StringBuilder(n.length() + 21).append(n).append('\u0000');
    for (int i = digits.length(); i < 20; i++) {
      b.append('0');
    }
    return b.append(digits).toString();
  }

  public void addPostings(int slot) {
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
    pruning.added(slot);
  }

  public void removePostings(int slot) {
    int[] st = vecTerms[slot];
    pruning.removing(slot);
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
  public void free(int slot) {
    names.remove(nameKey(docs[slot]));
    slotOf.remove(ids[slot]);
    docs[slot] = null;
    vecTerms[slot] = null;
    vecWeights[slot] = null;
    variant[slot] = false;
    listSize[slot] = 0;
    complete[slot] = false;
    pruning.freed(slot);
    freeSlots.add(slot);
  }

  // ------------------------------------------------------------------ scores

  /** Exact integer dot product of two games' vectors. */
  public int dot(int a, int b) {
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

  /** What {@link #forSharedTerms} calls for each term two games share. */
  @FunctionalInterface
  public interface SharedTerm {
    void accept(int term, long product);
  }

  /** Calls {@code visit} with every term slots a and b share and its weight product, by term. */
  public void forSharedTerms(int a, int b, SharedTerm visit) {
    int[] ta = vecTerms[a];
    int[] tb = vecTerms[b];
    short[] wa = vecWeights[a];
    short[] wb = vecWeights[b];
    int i = 0;
    int j = 0;
    while (i < ta.length && j < tb.length) {
      if (ta[i] == tb[j]) {
        visit.accept(ta[i], (long) wa[i] * wb[j]);
        i++;
        j++;
      } else if (ta[i] < tb[j]) {
        i++;
      } else {
        j++;
      }
    }
  }

  /** True when (scoreA, slotA) ranks before (scoreB, slotB): higher score, then lower id. */
  public boolean better(int scoreA, int slotA, int scoreB, int slotB) {
    return scoreA > scoreB || (scoreA == scoreB && ids[slotA] < ids[slotB]);
  }

  // ------------------------------------------------------------------ lists

  private void addRev(int member, int owner) {
    int n = revSize[member];
    if (n == rev[member].length) {
      rev[member] = Arrays.copyOf(rev[member], n * 2);
    }
    rev[member][n] = owner;
    revSize[member] = n + 1;
  }

  private void removeRev(int member, int owner) {
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
  public void setList(int owner, int[] members, int[] scores, int n) {
    setList(owner, members, scores, n, n < k);
  }

  public void setList(int owner, int[] members, int[] scores, int n, boolean isComplete) {
    clearList(owner);
    complete[owner] = isComplete;
    System.arraycopy(members, 0, listSlots[owner], 0, n);
    System.arraycopy(scores, 0, listScores[owner], 0, n);
    listSize[owner] = n;
    for (int i = 0; i < n; i++) {
      addRev(members[i], owner);
    }
    pruning.listChanged(owner);
  }

  public void clearList(int owner) {
    int n = listSize[owner];
    for (int i = 0; i < n; i++) {
      removeRev(listSlots[owner][i], owner);
    }
    listSize[owner] = 0;
    pruning.listChanged(owner);
  }

  /** Position of member in owner's list, or -1. */
  public int indexInList(int owner, int member) {
    int[] l = listSlots[owner];
    int n = listSize[owner];
    for (int i = 0; i < n; i++) {
      if (l[i] == member) {
        return i;
      }
    }
    return -1;
  }

  public void removeFromList(int owner, int pos) {
    int member = listSlots[owner][pos];
    int n = listSize[owner];
    System.arraycopy(listSlots[owner], pos + 1, listSlots[owner], pos, n - pos - 1);
    System.arraycopy(listScores[owner], pos + 1, listScores[owner], pos, n - pos - 1);
    listSize[owner] = n - 1;
    removeRev(member, owner);
    pruning.listChanged(owner);
  }

  /**
   * Inserts member in sorted position; evicts the last entry of a full list (which is then no
   * longer complete).
   */
  public void insertInList(int owner, int member, int score) {
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
    pruning.listChanged(owner);
  }

  /** Rebuilds every reverse list from the lists (after a bulk load wrote them directly). */
  public void addAllRev() {
    for (int s = 0; s < slots; s++) {
      for (int i = 0; i < listSize[s]; i++) {
        addRev(listSlots[s][i], s);
      }
    }
  }

  /** A slot's list as ids and integer scores, interleaved (to compare lists before and after). */
  public long[] encodeList(int slot) {
    int n = listSize[slot];
    long[] out = new long[2 * n];
    for (int i = 0; i < n; i++) {
      out[2 * i] = ids[listSlots[slot][i]];
      out[2 * i + 1] = listScores[slot][i];
    }
    return out;
  }

  /** Ids of the games whose list here differs from their list in {@code old} (by id and score). */
  public Set<Long> listsDifferingFrom(Index old) {
    Set<Long> changed = new HashSet<>();
    for (int s = 0; s < slots; s++) {
      if (!live(s)) {
        continue;
      }
      long id = ids[s];
      Integer os = old.slotOf.get(id);
      if (os == null || !sameList(old, os, this, s)) {
        changed.add(id);
      }
    }
    return changed;
  }

  private static boolean sameList(Index a, int sa, Index b, int sb) {
    int n = a.listSize[sa];
    if (n != b.listSize[sb]) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (a.ids[a.listSlots[sa][i]] != b.ids[b.listSlots[sb][i]]
          || a.listScores[sa][i] != b.listScores[sb][i]) {
        return false;
      }
    }
    return true;
  }
}
