package io.gamedata.streams.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reverse index "reference -> games built from it" of one game task, in memory. It is derived
 * state: every game's state in {@code game-state} keeps the references its document was built from,
 * and the task rebuilds the index from them when it starts (one scan it makes anyway, for the
 * pending flags). Kept in memory, not in a changelogged store, so that indexing a game costs no
 * store write and no changelog record: with ~15 references per game, the index writes were most of
 * the state writes of a bulk load (one per reference and bucket of games per commit).
 *
 * <p>One {@code long[]} of (reference, value) pairs, open addressing with linear probing: a slot's
 * key and value share a cache line, so indexing a reference costs one memory access where a map of
 * keys, values and boxed ids took three (a map of separate arrays was ~8% of the game threads' time
 * in a 350k-game load). A value {@code >= 0} is the reference's one game (every cover and involved
 * company has one, and they are most of the entries: ~3 per game); a negative value {@code ~g}
 * points to group {@code g}, the games of a reference with several. Heap: 16 bytes per slot, 21-43
 * per reference with the table's load (0.375-0.75), plus for a reference with several games its
 * group (~56 bytes with room for four, then 8-16 bytes per game as the array doubles). Game ids are
 * {@code >= 0}. Not thread-safe.
 */
public final class ReverseIndex {

  private static final int MIN_CAPACITY = 1 << 10;

  /** The key of an empty slot; reference 0 itself is kept aside, in {@link #zeroValue}. */
  private static final long EMPTY = 0L;

  /** What {@link #removed} returns when the reference has no game left (no value is this). */
  private static final long EMPTY_VALUE = Long.MIN_VALUE;

  /** Slot {@code i} at {@code [2i]} (reference) and {@code [2i + 1]} (value). */
  private long[] table;

  private int mask;
  private int shift;
  private int resizeAt;
  private int size;

  private boolean hasZero;
  private long zeroValue;

  /** Groups: the games of a reference with two or more, unordered, and their counts. */
  private long[][] groups = new long[64][];

  private int[] groupSizes = new int[64];
  private int groupCount;
  private int[] freeGroups = new int[16];
  private int freeCount;

  public ReverseIndex() {
    allocate(MIN_CAPACITY);
  }

  /** Replaces a game's entries {@code before} by {@code after} (both sorted), applying the diff. */
  public void update(long gameId, long[] before, long[] after) {
    if (gameId < 0) {
      throw new IllegalArgumentException("game ids are >= 0: " + gameId);
    }
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
    if (reference == EMPTY) {
      if (!hasZero) {
        hasZero = true;
        zeroValue = gameId;
      } else {
        zeroValue = added(zeroValue, gameId);
      }
      return;
    }
    int s = find(reference);
    if (table[s] == EMPTY) {
      table[s] = reference;
      table[s + 1] = gameId;
      if (++size > resizeAt) {
        rehash(capacity() * 2);
      }
    } else {
      table[s + 1] = added(table[s + 1], gameId);
    }
  }

  /** The value of a reference with the games of {@code value} and {@code gameId}. */
  private long added(long value, long gameId) {
    if (value >= 0) {
      if (value == gameId) {
        return value;
      }
      int g = newGroup();
      long[] ids = groups[g];
      ids[0] = value;
      ids[1] = gameId;
      groupSizes[g] = 2;
      return ~g;
    }
    int g = (int) ~value;
    long[] ids = groups[g];
    int n = groupSizes[g];
    if (n == ids.length) {
      ids = groups[g] = Arrays.copyOf(ids, n * 2);
    }
    ids[n] = gameId; // the diff adds a game to a reference once
    groupSizes[g] = n + 1;
    return value;
  }

  private void remove(long reference, long gameId) {
    if (reference == EMPTY) {
      if (hasZero) {
        long v = removed(zeroValue, gameId);
        hasZero = v != EMPTY_VALUE;
        zeroValue = hasZero ? v : 0;
      }
      return;
    }
    int s = find(reference);
    if (table[s] == EMPTY) {
      return;
    }
    long v = removed(table[s + 1], gameId);
    if (v == EMPTY_VALUE) {
      shiftBack(s);
      size--;
    } else {
      table[s + 1] = v;
    }
  }

  /** The value of a reference with the games of {@code value} but {@code gameId}. */
  private long removed(long value, long gameId) {
    if (value >= 0) {
      return value == gameId ? EMPTY_VALUE : value;
    }
    int g = (int) ~value;
    long[] ids = groups[g];
    int n = groupSizes[g];
    for (int k = 0; k < n; k++) {
      if (ids[k] == gameId) {
        ids[k] = ids[--n];
        groupSizes[g] = n;
        if (n == 1) {
          long only = ids[0];
          freeGroup(g);
          return only;
        }
        return value;
      }
    }
    return value;
  }

  private int newGroup() {
    int g;
    if (freeCount > 0) {
      g = freeGroups[--freeCount];
    } else {
      if (groupCount == groups.length) {
        groups = Arrays.copyOf(groups, groupCount * 2);
        groupSizes = Arrays.copyOf(groupSizes, groupCount * 2);
      }
      g = groupCount++;
    }
    groups[g] = new long[4];
    return g;
  }

  private void freeGroup(int g) {
    groups[g] = null;
    groupSizes[g] = 0;
    if (freeCount == freeGroups.length) {
      freeGroups = Arrays.copyOf(freeGroups, freeCount * 2);
    }
    freeGroups[freeCount++] = g;
  }

  /** The ids of the games whose document was built from {@code reference}. */
  public List<Long> games(long reference) {
    long v;
    if (reference == EMPTY) {
      if (!hasZero) {
        return List.of();
      }
      v = zeroValue;
    } else {
      int s = find(reference);
      if (table[s] == EMPTY) {
        return List.of();
      }
      v = table[s + 1];
    }
    if (v >= 0) {
      return List.of(v);
    }
    int g = (int) ~v;
    long[] ids = groups[g];
    int n = groupSizes[g];
    List<Long> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(ids[k]);
    }
    return out;
  }

  /** Number of references with at least one game. */
  int references() {
    return size + (hasZero ? 1 : 0);
  }

  public void clear() {
    allocate(MIN_CAPACITY);
    size = 0;
    hasZero = false;
    zeroValue = 0;
    groups = new long[64][];
    groupSizes = new int[64];
    groupCount = 0;
    freeCount = 0;
  }

  /**
   * The index in {@link #table} of {@code reference}'s slot, or of the empty slot ending its run.
   */
  private int find(long reference) {
    int s = slot(reference) << 1;
    long[] t = table;
    int m = (mask << 1) | 1;
    while (t[s] != EMPTY && t[s] != reference) {
      s = (s + 2) & m;
    }
    return s;
  }

  private int slot(long reference) {
    // Fibonacci hashing: the high bits of the product, well mixed even for sequential ids
    return (int) ((reference * 0x9E3779B97F4A7C15L) >>> shift);
  }

  /** Closes the gap at table index {@code gap} by moving back the entries of the run after it. */
  private void shiftBack(int gap) {
    int m = (mask << 1) | 1;
    int s = gap;
    while (true) {
      s = (s + 2) & m;
      if (table[s] == EMPTY) {
        break;
      }
      int home = slot(table[s]) << 1;
      // the entry at s may move to the gap when its home is not within (gap, s] (cyclically)
      boolean movable = gap <= s ? (home <= gap || home > s) : (home <= gap && home > s);
      if (movable) {
        table[gap] = table[s];
        table[gap + 1] = table[s + 1];
        gap = s;
      }
    }
    table[gap] = EMPTY;
    table[gap + 1] = 0;
  }

  private int capacity() {
    return mask + 1;
  }

  private void allocate(int capacity) {
    table = new long[capacity * 2];
    mask = capacity - 1;
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
    resizeAt = capacity / 2 + capacity / 4; // load factor 0.75
  }

  private void rehash(int capacity) {
    long[] old = table;
    allocate(capacity);
    int m = (mask << 1) | 1;
    for (int s = 0; s < old.length; s += 2) {
      if (old[s] != EMPTY) {
        int t = slot(old[s]) << 1;
        while (table[t] != EMPTY) {
          t = (t + 2) & m;
        }
        table[t] = old[s];
        table[t + 1] = old[s + 1];
      }
    }
  }

  @Override
  public String toString() {
    return "ReverseIndex[references=" + references() + ", capacity=" + capacity() + "]";
  }
}
