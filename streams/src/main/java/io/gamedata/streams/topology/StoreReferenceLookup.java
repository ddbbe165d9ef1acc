package io.gamedata.streams.topology;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.streams.domain.InvolvedCompanyLink;
import io.gamedata.streams.domain.Reference;
import io.gamedata.streams.domain.ReferenceLookup;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Reference lookups over the reference store, with a small per-task read-through memo in front of
 * it (every write to the store goes through {@link #put}, so the memo never goes stale; a new task
 * starts with an empty memo).
 */
final class StoreReferenceLookup implements ReferenceLookup {

  private static final String ABSENT = "\u0000absent";

  private final KeyValueStore<Long, String> store;
  private final Map<Long, String> memo;

  StoreReferenceLookup(KeyValueStore<Long, String> store, int memoEntries) {
    this.store = store;
    this.memo =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > memoEntries;
          }
        };
  }

  String get(long packed) {
    if (!memoized(packed)) {
      return store.get(packed);
    }
    String v = memo.get(packed);
    if (v == null) {
      v = store.get(packed);
      memo.put(packed, v == null ? ABSENT : v);
      return v;
    }
    return v == ABSENT ? null : v;
  }

  /** Covers and involved companies are read once per game: memoizing them only churns the memo. */
  private static boolean memoized(long packed) {
    IgdbEndpoint e = Reference.unpack(packed).endpoint();
    return e != IgdbEndpoint.COVERS && e != IgdbEndpoint.INVOLVED_COMPANIES;
  }

  /** Writes (or deletes, with null) a reference; true when the stored value changed. */
  boolean put(long packed, String value) {
    String old = get(packed);
    if (java.util.Objects.equals(old, value)) {
      return false;
    }
    if (value == null) {
      store.delete(packed);
    } else {
      store.put(packed, value);
    }
    if (memoized(packed)) {
      memo.put(packed, value == null ? ABSENT : value);
    }
    return true;
  }

  @Override
  public String name(IgdbEndpoint endpoint, long id) {
    return get(Reference.of(endpoint, id).packed());
  }

  @Override
  public InvolvedCompanyLink involvedCompany(long id) {
    String v = get(Reference.of(IgdbEndpoint.INVOLVED_COMPANIES, id).packed());
    return v == null ? null : RefUpdate.decode(v);
  }

  @Override
  public String coverImageId(long id) {
    return get(Reference.of(IgdbEndpoint.COVERS, id).packed());
  }
}
