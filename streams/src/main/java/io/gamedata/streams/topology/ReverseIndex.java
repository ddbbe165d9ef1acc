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
 * <p>Heap: a map slot (~32 bytes with its load factor) and a boxed id (16 bytes) per reference with
 * one game, plus about 8 bytes per further (reference, game) pair and ~60 bytes per reference with
 * several games.
 */
final class ReverseIndex {

  /** The games of one reference with two or more, unordered. */
  private static final class Games {
    long[] ids;
    int size;

    Games(long first, long second) {
      ids = new long[] {first, second, 0, 0};
      size = 2;
    }

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

  /**
   * Reference -> its one game (a {@code Long}) or its games ({@link Games}). Most references have
   * one game: every cover and involved company belongs to one, and they are most of the entries (~3
   * per game); a boxed id spares them a {@code Games} and its array.
   */
  private final LongMap<Object> byReference = new LongMap<>();

  /** Replaces a game's entries {@code before} by {@code after} (both sorted), applying the diff. */
  void update(long gameId, long[] before, long[] after) {
    int i = 0;
    int j = 0;
    while (i < before.length || j < after.length) {
      if (j >= after.length || (i < before.length && before[i] < after[j])) {
        remove(before[i++], gameId);
      } else if (i >= before.length || after[j] < before[i]) {
        add(after[j++], gameId);
      } else {
        i++;
        j++;
      }
    }
  }

  private void add(long reference, long gameId) {
    Object v = byReference.putIfAbsent(reference, gameId);
    if (v instanceof Long one) {
      if (one != gameId) {
        byReference.put(reference, new Games(one, gameId));
      }
    } else if (v != null) {
      ((Games) v).add(gameId); // the diff adds a game to a reference once
    }
  }

  private void remove(long reference, long gameId) {
    Object v = byReference.get(reference);
    if (v instanceof Long one) {
      if (one == gameId) {
        byReference.remove(reference);
      }
    } else if (v != null) {
      Games g = (Games) v;
      if (g.remove(gameId) && g.size == 1) {
        byReference.put(reference, g.ids[0]);
      }
    }
  }

  /** The ids of the games whose document was built from {@code reference}. */
  List<Long> games(long reference) {
    Object v = byReference.get(reference);
    if (v == null) {
      return List.of();
    }
    if (v instanceof Long one) {
      return List.of(one);
    }
    Games g = (Games) v;
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
