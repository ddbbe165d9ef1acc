package io.gamedata.streams.store;

/**
 * A hash map from primitive {@code long} keys to values (open addressing, linear probing, deletion
 * by backward shift), for the per-task indexes of the game processor: a {@code HashMap<Long, V>}
 * boxes every key it is asked about and allocates a node per entry, which showed as ~7% of the game
 * threads' time in a 350k-game load. Not thread-safe; null values are not stored.
 */
public final class LongMap<V> {

  private static final int MIN_CAPACITY = 16;

  /** The key of an empty slot. */
  private static final long EMPTY = 0L;

  private long[] keys;
  private Object[] values;
  private int size;
  private int mask;
  private int shift;
  private int resizeAt;

  /** The value of key 0, which cannot have a slot (0 marks an empty one), or null. */
  private Object zeroValue;

  public LongMap() {
    allocate(MIN_CAPACITY);
  }

  public int size() {
    return size + (zeroValue == null ? 0 : 1);
  }

  boolean isEmpty() {
    return size() == 0;
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public V get(long key) {
    if (key == EMPTY) {
      return (V) zeroValue;
    }
    int i = find(key);
    return keys[i] == EMPTY ? null : (V) values[i];
  }

  /** Maps {@code key} to {@code value} (not null); returns the previous value or null. */
  @SuppressWarnings("unchecked")
  public V put(long key, V value) {
    requireValue(value);
    if (key == EMPTY) {
      V old = (V) zeroValue;
      zeroValue = value;
      return old;
    }
    int i = find(key);
    if (keys[i] == EMPTY) {
      insert(i, key, value);
      return null;
    }
    V old = (V) values[i];
    values[i] = value;
    return old;
  }

  /**
   * Maps {@code key} to {@code value} (not null) unless it has a value; returns that value, or null
   * when {@code value} was put. One probe where {@code get} and {@code put} take two.
   */
  @SuppressWarnings("unchecked")
  V putIfAbsent(long key, V value) {
    requireValue(value);
    if (key == EMPTY) {
      V old = (V) zeroValue;
      if (old == null) {
        zeroValue = value;
      }
      return old;
    }
    int i = find(key);
    if (keys[i] == EMPTY) {
      insert(i, key, value);
      return null;
    }
    return (V) values[i];
  }

  private static void requireValue(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("null values are not stored");
    }
  }

  /** The slot of {@code key}, or the empty slot that ends its probe run when it is absent. */
  private int find(long key) {
    int i = slot(key);
    long[] k = keys;
    while (k[i] != EMPTY && k[i] != key) {
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
  public V remove(long key) {
    if (key == EMPTY) {
      V old = (V) zeroValue;
      zeroValue = null;
      return old;
    }
    int i = find(key);
    if (keys[i] == EMPTY) {
      return null;
    }
    V old = (V) values[i];
    shiftBack(i);
    size--;
    return old;
  }

  public void clear() {
    zeroValue = null;
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
      if (keys[i] == EMPTY) {
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
    keys[gap] = EMPTY;
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
      if (oldKeys[j] != EMPTY) {
        int i = slot(oldKeys[j]);
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  @Override
  public String toString() {
    return "LongMap[size=" + size() + ", capacity=" + keys.length + "]";
  }

  /** For tests: the keys, in slot order. */
  long[] keys() {
    long[] out = new long[size()];
    int n = 0;
    if (zeroValue != null) {
      out[n++] = EMPTY;
    }
    for (int j = 0; j < keys.length; j++) {
      if (keys[j] != EMPTY) {
        out[n++] = keys[j];
      }
    }
    return out;
  }
}
