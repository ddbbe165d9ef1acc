package io.gamedata.recommender.engine.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/** Sorted entries as a SortedMap, just enough for TreeMap's linear-time putAll. */
final class SortedEntries extends AbstractMap<String, Long> implements SortedMap<String, Long> {

  private final Map.Entry<String, Long>[] entries;

  SortedEntries(Map.Entry<String, Long>[] entries) {
    this.entries = entries;
  }

  @Override
  public Set<Map.Entry<String, Long>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Long>> iterator() {
        return Arrays.asList(entries).iterator();
      }

      @Override
      public int size() {
        return entries.length;
      }
    };
  }

  @Override
  public int size() {
    return entries.length;
  }

  @Override
  public Comparator<? super String> comparator() {
    return null;
  }

  @Override
  public SortedMap<String, Long> subMap(String from, String to) {
    throw new UnsupportedOperationException();
  }

  @Override
  public SortedMap<String, Long> headMap(String to) {
    throw new UnsupportedOperationException();
  }

  @Override
  public SortedMap<String, Long> tailMap(String from) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String firstKey() {
    return entries[0].getKey();
  }

  @Override
  public String lastKey() {
    return entries[entries.length - 1].getKey();
  }
}
