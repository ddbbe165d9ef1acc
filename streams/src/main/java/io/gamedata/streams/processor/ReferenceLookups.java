package io.gamedata.streams.processor;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.streams.domain.InvolvedCompanyLink;
import io.gamedata.streams.domain.Reference;
import io.gamedata.streams.domain.ReferenceLookup;
import io.gamedata.streams.store.LongMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * A game task's view of the reference data: the global {@code reference-global} store (every
 * reference this application's router committed), a per-task memo of named references in front of
 * it, and an overlay of the changes the router announced to this task that the global store may not
 * show yet (the global thread reads the router's output on its own schedule).
 *
 * <p>The memo keeps only references that exist (a reference not known yet must be looked up again:
 * its first arrival is not announced) and forgets a reference when its change is announced. An
 * overlay entry wins over the global store until the global store shows the same value; a later
 * announcement replaces it. So a rename is seen by this task from its announcement on, even when
 * the global store still shows the old name.
 */
final class ReferenceLookups implements ReferenceLookup {

  private static final String ABSENT = "\u0000absent";

  private final LongFunction<String> global;
  private final int memoEntries;
  private final LongMap<String> memo = new LongMap<>();
  private final Map<Long, String> overlay = new HashMap<>();

  /**
   * @param global the stored value of a packed reference in the global store, or null
   */
  ReferenceLookups(LongFunction<String> global, int memoEntries) {
    this.global = global;
    this.memoEntries = memoEntries;
  }

  /** The stored value of a packed reference, or null when it is not known (yet). */
  String get(long packed) {
    if (!overlay.isEmpty()) {
      String announced = overlay.get(packed);
      if (announced != null) {
        String value = announced == ABSENT ? null : announced;
        if (Objects.equals(value, global.apply(packed))) {
          overlay.remove(packed); // the global store caught up
        }
        return value;
      }
    }
    if (!memoized(packed)) {
      return global.apply(packed);
    }
    String v = memo.get(packed);
    if (v == null) {
      v = global.apply(packed);
      if (v != null && memoEntries > 0) {
        if (memo.size() >= memoEntries) {
          memo.clear(); // a bound, not an LRU: the named references a catalogue uses fit anyway
        }
        memo.put(packed, v);
      }
    }
    return v;
  }

  /** True when the reference is known now. */
  boolean known(long packed) {
    return get(packed) != null;
  }

  /** The router announced a change of {@code packed}: {@code value} is current (null = deleted). */
  void announced(long packed, String value) {
    memo.remove(packed);
    overlay.put(packed, value == null ? ABSENT : value);
  }

  /** Announced changes the global store may not show yet. */
  int overlaid() {
    return overlay.size();
  }

  /**
   * Forgets announced changes the global store shows by now (a change no game of this task looks up
   * again would otherwise stay forever); looks at up to {@code limit} of them.
   */
  void prune(int limit) {
    var it = overlay.entrySet().iterator();
    for (int n = 0; n < limit && it.hasNext(); n++) {
      Map.Entry<Long, String> e = it.next();
      String value = e.getValue() == ABSENT ? null : e.getValue();
      if (Objects.equals(value, global.apply(e.getKey()))) {
        it.remove();
      }
    }
  }

  /** Covers and involved companies are read once per game: memoizing them only churns the memo. */
  private static boolean memoized(long packed) {
    int endpoint = (int) (packed >>> 56); // see Reference#packed
    return endpoint != COVERS && endpoint != INVOLVED_COMPANIES;
  }

  private static final int COVERS = IgdbEndpoint.COVERS.ordinal();
  private static final int INVOLVED_COMPANIES = IgdbEndpoint.INVOLVED_COMPANIES.ordinal();

  @Override
  public String name(IgdbEndpoint endpoint, long id) {
    return get(Reference.of(endpoint, id).packed());
  }

  @Override
  public InvolvedCompanyLink involvedCompany(long id) {
    String v = get(Reference.of(IgdbEndpoint.INVOLVED_COMPANIES, id).packed());
    return v == null ? null : InvolvedCompanyLink.ofStoredValue(v);
  }

  @Override
  public String coverImageId(long id) {
    return get(Reference.of(IgdbEndpoint.COVERS, id).packed());
  }
}
