package io.gamedata.recommender.engine.update;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.GameKind;
import io.gamedata.recommender.engine.UpdateResult;
import io.gamedata.recommender.engine.index.Index;
import io.gamedata.recommender.engine.index.Scorer;
import io.gamedata.recommender.engine.vector.Vectorizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Applies upserts and deletes to one {@link Index}, keeping every list exact (the incremental path;
 * one writer per index, never two threads at once).
 *
 * <p>Upsert of x: replace x's postings; one pruned exact query ({@link UpsertQuery}) gives x's list
 * and sim(x, y) for every y whose list x may enter (cosine is symmetric; heavy terms are bounded by
 * Cauchy-Schwarz, games sharing only heavy terms are found through the threshold algorithm for x's
 * list and through tail/heavy-norm buckets for theirs); where x was listed it is re-inserted if it
 * still ranks before the list's old tail (every game outside a list ranks after its tail), else
 * dropped; x is inserted into every other list whose tail it now beats (or that is complete).
 * Delete: walk x's reverse list and remove x. Either way a list that fell below the watermark is
 * refilled.
 */
public final class IndexWriter {

  private final Index ix;
  private final Scorer sc;
  private final UpsertQuery query;
  private final LongAdder refills;

  /** Lists already handled by an upsert (epoch marks). */
  private int[] handledMark = new int[0];

  private int handledEpoch;

  /** True when the last upsert only touched the document (same vector): not a change. */
  private boolean lastWasTouch;

  /**
   * @param refills counts the lists recomputed because they fell below the watermark
   */
  public IndexWriter(Index ix, LongAdder refills) {
    this.ix = ix;
    this.sc = new Scorer(ix);
    this.query = new UpsertQuery(sc);
    this.refills = refills;
  }

  /** The index this writer changes. */
  public Index index() {
    return ix;
  }

  /**
   * True when the last {@link #upsert} only replaced the document (same vector and kind): no list
   * changed, and it does not count towards the IDF drift.
   */
  public boolean lastWasTouch() {
    return lastWasTouch;
  }

  /** Inserts or replaces a game; returns the lists that changed, its own included. */
  public UpdateResult upsert(EnrichedGame g) {
    lastWasTouch = false;
    Integer existing = ix.slotOf.get(g.id());
    int[] oldRev = new int[0];
    if (existing != null && sameVector(existing, g)) {
      // same terms, weights and kind (e.g. a touch of updated_at): no list can change
      ix.touch(existing, g);
      lastWasTouch = true;
      return new UpdateResult(Set.of(), Set.of(), ix.generation.number(), false);
    }
    if (existing != null) {
      int x = existing;
      oldRev = Arrays.copyOf(ix.rev[x], ix.revSize[x]);
      ix.removePostings(x);
    }
    int x = ix.put(g);
    ix.addPostings(x);

    // snapshot of every list we may touch, to report real changes
    Map<Integer, long[]> before = new HashMap<>();
    snapshotList(x, before);
    for (int y : oldRev) {
      snapshotList(y, before);
    }

    if (handledMark.length < ix.slots) {
      handledMark = new int[Math.max(ix.slots, handledMark.length * 2)];
    }
    int[] handled = handledMark;
    if (handledEpoch == Integer.MAX_VALUE) {
      Arrays.fill(handled, 0);
      handledEpoch = 0;
    }
    int epoch = ++handledEpoch;
    // x's own list and the lists x may enter (pruned, exact)
    int[] outS = new int[ix.k];
    int[] outV = new int[ix.k];
    int n = query.run(x, outS, outV);
    int candSize = query.candSize;
    int[] cand = Arrays.copyOf(query.cand, candSize);
    int[] candScore = Arrays.copyOf(query.candScore, candSize);
    ix.setList(x, outS, outV, n);

    boolean listable = !ix.variant[x];
    for (int y : oldRev) {
      if (y == x) {
        continue;
      }
      handled[y] = epoch;
      int pos = ix.indexInList(y, x);
      if (pos < 0) {
        continue;
      }
      // boundary: every game outside y's list ranks after its tail (unless the list is complete)
      int last = ix.listSize[y] - 1;
      int tailScore = ix.listScores[y][last];
      int tailSlot = ix.listSlots[y][last];
      ix.removeFromList(y, pos);
      int s = ix.dot(x, y);
      if (listable && s > 0) {
        boolean ranksInside =
            ix.complete[y]
                || (tailSlot == x ? s >= tailScore : ix.better(s, x, tailScore, tailSlot));
        if (ranksInside) {
          ix.insertInList(y, x, s);
        }
      }
      refillIfShort(y);
    }
    if (listable) {
      for (int i = 0; i < candSize; i++) {
        int y = cand[i];
        if (y == x || handled[y] == epoch) {
          continue;
        }
        int s = candScore[i];
        int size = ix.listSize[y];
        if (ix.complete[y]
            || (size > 0
                && ix.better(s, x, ix.listScores[y][size - 1], ix.listSlots[y][size - 1]))) {
          snapshotList(y, before);
          ix.insertInList(y, x, s);
        }
      }
    }
    Set<Long> changed = new HashSet<>();
    if (existing == null) {
      changed.add(g.id());
    }
    for (var e : before.entrySet()) {
      if (!Arrays.equals(e.getValue(), ix.encodeList(e.getKey()))) {
        changed.add(ix.ids[e.getKey()]);
      }
    }
    return new UpdateResult(changed, Set.of(), ix.generation.number(), false);
  }

  private boolean sameVector(int slot, EnrichedGame g) {
    if (GameKind.isVariant(g) != ix.variant[slot]) {
      return false;
    }
    List<Vectorizer.Weighted> vec = ix.vectorizer.vector(g, ix.generation);
    int[] st = ix.vecTerms[slot];
    if (vec.size() != st.length) {
      return false;
    }
    Map<Integer, Short> old = new HashMap<>();
    for (int i = 0; i < st.length; i++) {
      old.put(st[i], ix.vecWeights[slot][i]);
    }
    for (var w : vec) {
      Integer t = ix.termIds.get(w.term());
      if (t == null || !old.containsKey(t) || old.get(t) != (short) w.weight()) {
        return false;
      }
    }
    return true;
  }

  /** Removes a game; an unknown id is a no-op with an empty result. */
  public UpdateResult delete(long id) {
    Integer slot = ix.slotOf.get(id);
    if (slot == null) {
      return new UpdateResult(Set.of(), Set.of(), ix.generation.number(), false);
    }
    int x = slot;
    ix.removePostings(x);
    ix.clearList(x);
    int[] owners = Arrays.copyOf(ix.rev[x], ix.revSize[x]);
    // hide x from refills: postings are gone, mark it a variant so no list takes it
    ix.variant[x] = true;
    Set<Long> changed = new HashSet<>();
    for (int y : owners) {
      ix.removeFromList(y, ix.indexInList(y, x));
      refillIfShort(y);
      changed.add(ix.ids[y]);
    }
    ix.free(x);
    return new UpdateResult(changed, Set.of(id), ix.generation.number(), false);
  }

  /**
   * Refills a list that is not complete and fell below the watermark: until then it stays a valid
   * (shorter) prefix of the exact top-K' list, so most removals cost nothing.
   */
  private void refillIfShort(int y) {
    if (!ix.complete[y] && ix.listSize[y] < ix.watermark) {
      refills.increment();
      int[] outS = new int[ix.k];
      int[] outV = new int[ix.k];
      int n = sc.fastList(y, outS, outV);
      ix.setList(y, outS, outV, n);
    }
  }

  private void snapshotList(int slot, Map<Integer, long[]> before) {
    before.computeIfAbsent(slot, ix::encodeList);
  }

  /** Average work of the pruned upsert query so far (for benchmarks). */
  public String workSummary() {
    double q = Math.max(1, query.statUpserts);
    return String.format(
        "per upsert: light postings %.0f, exact dots %.0f, heavy postings scanned %.0f,"
            + " bucket entries %.0f",
        query.statUpsertLight / q,
        query.statUpsertDots / q,
        query.statUpsertScanned / q,
        query.statUpsertBucket / q);
  }
}
