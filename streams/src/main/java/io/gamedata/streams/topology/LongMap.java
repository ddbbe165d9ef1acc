package io.gamedata.streams.topology;

/**
 * A hash map from primitive {@code long} keys to values (open addressing, linear probing, deletion
 * by backward shift), for the per-task indexes of the game processor: a {@code HashMap<Long, V>}
 * boxes every key it is asked about and allocates a node per entry, which showed as ~7% of the game
 * threads' time in a 350k-game load. Not thread-safe; null values are not stored.
 */
final class LongMap<V> {

  private static final int MIN_CAPACITY = 16;

  private long[] keys;
  private Object[] values;
  private int size;
  private int mask;
  private int shift;
  private int resizeAt;

  LongMap() {
    allocate(MIN_CAPACITY);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(long key) {
    return (V) values[find(key)];
  }

  /** Maps {@code key} to {@code value} (not null); returns the previous value or null. */
  @SuppressWarnings("unchecked")
  V put(long key, V value) {
    requireValue(value);
    int i = find(key);
    V old = (V) values[i];
    if (old == null) {
      insert(i, key, value);
    } else {
      values[i] = value;
    }
    return old;
  }

  /**
   * Maps {@code key} to {@code value} (not null) unless it has a value; returns that value, or null
   * when {@code value} was put. One probe where {@code get} and {@code put} take two.
   */
  @SuppressWarnings("unchecked")
  V putIfAbsent(long key, V value) {
    requireValue(value);
    int i = find(key);
    V old = (V) values[i];
    if (old == null) {
      insert(i, key, value);
    }
    return old;
  }

  private static void requireValue(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("null values are not stored");
    }
  }

  /** The slot of {@code key}, or the empty slot that ends its probe run when it is absent. */
  private int find(long key) {
    int i = slot(key);
    while (values[i] != null && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Puts a new entry into the empty slot {@code i} (found by {@link #find}). */
  private void insert(int i, long key, V value) {
    keys[i] = key;
    values[i] = value;
    if (++size > resizeAt) {
      rehash(keys.length * 2);
    }
  }

  /** Removes {@code key}; returns its value or null. */
  @SuppressWarnings("unchecked")
  V remove(long key) {
    int i = find(key);
    V old = (V) values[i];
    if (old != null) {
      shiftBack(i);
      size--;
    }
    return old;
  }

  void clear() {
    if (size > 0 || keys.length > MIN_CAPACITY) {
      allocate(MIN_CAPACITY);
      size = 0;
    }
  }

  /** Closes the gap at {@code gap} by moving back the entries of the run after it. */
  private void shiftBack(int gap) {
    int i = gap;
    while (true) {
      i = (i + 1) & mask;
      if (values[i] == null) {
        break;
      }
      int home = slot(keys[i]);
      // the entry at i may move to the gap when its home is not within (gap, i] (cyclically)
      boolean movable = gap <= i ? (home <= gap || home > i) : (home <= gap && home > i);
      if (movable) {
        keys[gap] = keys[i];
        values[gap] = values[i];
        gap = i;
      }
    }
    values[gap] = null;
  }

  private int slot(long key) {
    // Fibonacci hashing: the high bits of the product, well mixed even for sequential ids
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
    resizeAt = capacity / 2 + capacity / 4; // load factor 0.75
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    allocate(capacity);
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldValues[j] != null) {
        int i = slot(oldKeys[j]);
        while (values[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  @Override
  public String toString() {
    return "LongMap[size=" + size + ", capacity=" + keys.length + "]";
  }

  /** For tests: the keys, in slot order. */
  long[] keys() {
    long[] out = new long[size];
    int n = 0;
    for (int j = 0; j < keys.length; j++) {
      if (values[j] != null) {
        out[n++] = keys[j];
      }
    }
    return out;
  }
}
