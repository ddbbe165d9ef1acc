package io.gamedata.streams.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Reverse index "reference -> games built from it" of one game task, in memory. It is derived
 * state: every game's state in {@code game-state} keeps the references its document was built from,
 * and the task rebuilds the index from them when it starts (one scan it makes anyway, for the
 * pending flags). Kept in memory, not in a changelogged store, so that indexing a game costs no
 * store write and no changelog record: with ~15 references per game, the index writes were most of
 * the state writes of a bulk load (one per reference and bucket of games per commit).
 *
 * <p>Heap: about 8 bytes per (reference, game) pair plus ~100 bytes per reference a task uses
 * (about 100 MB at 350,000 games over all tasks).
 */
final class ReverseIndex {

  /** The games of one reference, unordered. */
  private static final class Games {
    long[] ids = new long[2];
    int size;

    void add(long id) {
      if (size == ids.length) {
        ids = java.util.Arrays.copyOf(ids, size * 2);
      }
      ids[size++] = id;
    }

    boolean remove(long id) {
      for (int i = 0; i < size; i++) {
        if (ids[i] == id) {
          ids[i] = ids[--size];
          return true;
        }
      }
      return false;
    }
  }

  private final LongMap<Games> byReference = new LongMap<>();

  /** Replaces a game's entries {@code before} by {@code after} (both sorted), applying the diff. */
  void update(long gameId, long[] before, long[] after) {
    int i = 0;
    int j = 0;
    while (i < before.length || j < after.length) {
      if (j >= after.length || (i < before.length && before[i] < after[j])) {
        remove(before[i++], gameId);
      } else if (i >= before.length || after[j] < before[i]) {
        byReference.computeIfAbsent(after[j++], r -> new Games()).add(gameId);
      } else {
        i++;
        j++;
      }
    }
  }

  private void remove(long reference, long gameId) {
    Games g = byReference.get(reference);
    if (g != null && g.remove(gameId) && g.size == 0) {
      byReference.remove(reference);
    }
  }

  /** The ids of the games whose document was built from {@code reference}. */
  List<Long> games(long reference) {
    Games g = byReference.get(reference);
    if (g == null) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>(g.size);
    for (int i = 0; i < g.size; i++) {
      ids.add(g.ids[i]);
    }
    return ids;
  }

  /** Number of references with at least one game. */
  int references() {
    return byReference.size();
  }

  void clear() {
    byReference.clear();
  }
}
