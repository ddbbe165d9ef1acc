package io.gamedata.simulator.catalog;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The records the simulator serves: one table per {@link IgdbEndpoint}, each sorted by id. Reads
 * are thread-safe and lock-free (a concurrent sorted map per endpoint), so a keyset page {@code
 * where id > N; sort id asc; limit 500;} is a {@code tailMap} walk; writes ({@link #put}, {@link
 * #remove}) may run concurrently with reads, as live mode does, and are reported to listeners.
 *
 * <p>A synthetic catalogue also carries its hidden {@link GroundTruth} (families of games) and a
 * {@link GameFactory} for live mode; a catalogue loaded from real records has neither.
 */
public final class Catalog {

  private final Map<IgdbEndpoint, ConcurrentSkipListMap<Long, IgdbRecord>> tables =
      new EnumMap<>(IgdbEndpoint.class);
  private final List<Consumer<CatalogChange>> listeners = new CopyOnWriteArrayList<>();
  private volatile GroundTruth groundTruth;
  private volatile GameFactory gameFactory;

  /** An empty catalogue with a table for every endpoint. */
  public Catalog() {
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      tables.put(e, new ConcurrentSkipListMap<>());
    }
  }

  /** A catalogue holding the given records (no listeners are called). */
  public static Catalog of(Map<IgdbEndpoint, ? extends Collection<? extends IgdbRecord>> records) {
    Catalog c = new Catalog();
    records.forEach(c::putAll);
    return c;
  }

  /** Adds or replaces records without notifying listeners (bulk load). */
  public void putAll(IgdbEndpoint endpoint, Collection<? extends IgdbRecord> records) {
    ConcurrentSkipListMap<Long, IgdbRecord> table = table(endpoint);
    for (IgdbRecord r : records) {
      checkModel(endpoint, r);
      table.put(r.id(), r);
    }
  }

  /** Every game sorted by id: a snapshot, same as {@code records(GAMES)}. */
  @SuppressWarnings("unchecked")
  public List<IgdbGame> games() {
    return (List<IgdbGame>) (List<?>) records(IgdbEndpoint.GAMES);
  }

  /** The records of one endpoint sorted by id: an unmodifiable snapshot. */
  public List<? extends IgdbRecord> records(IgdbEndpoint endpoint) {
    return Collections.unmodifiableList(new ArrayList<>(table(endpoint).values()));
  }

  /** A live, read-only, id-sorted view of one table (cheap; reflects later changes). */
  public NavigableMap<Long, IgdbRecord> view(IgdbEndpoint endpoint) {
    return Collections.unmodifiableNavigableMap(table(endpoint));
  }

  /** The record with this id, if any. */
  public Optional<IgdbRecord> get(IgdbEndpoint endpoint, long id) {
    return Optional.ofNullable(table(endpoint).get(id));
  }

  /** The game with this id, if any. */
  public Optional<IgdbGame> game(long id) {
    return get(IgdbEndpoint.GAMES, id).map(IgdbGame.class::cast);
  }

  /** Number of records of one endpoint. */
  public int size(IgdbEndpoint endpoint) {
    return table(endpoint).size();
  }

  /** The largest id of one endpoint, 0 when empty. */
  public long maxId(IgdbEndpoint endpoint) {
    var t = table(endpoint);
    return t.isEmpty() ? 0 : t.lastKey();
  }

  /** Up to {@code limit} records with an id greater than {@code afterId}, in id order. */
  public List<IgdbRecord> page(IgdbEndpoint endpoint, long afterId, int limit) {
    List<IgdbRecord> out = new ArrayList<>(Math.min(limit, 1024));
    for (IgdbRecord r : table(endpoint).tailMap(afterId, false).values()) {
      if (out.size() >= limit) {
        break;
      }
      out.add(r);
    }
    return out;
  }

  /**
   * Adds or replaces a record and tells the listeners. The change kind is CREATED for a new id,
   * TOUCHED when only {@code updated_at} moved (same checksum), UPDATED otherwise.
   *
   * @return the change applied
   */
  public CatalogChange put(IgdbEndpoint endpoint, IgdbRecord record) {
    checkModel(endpoint, record);
    IgdbRecord previous = table(endpoint).put(record.id(), record);
    CatalogChange.Kind kind;
    if (previous == null) {
      kind = CatalogChange.Kind.CREATED;
    } else if (Objects.equals(Checksums.checksumOf(previous), Checksums.checksumOf(record))
        && Checksums.checksumOf(record) != null) {
      kind = CatalogChange.Kind.TOUCHED;
    } else {
      kind = CatalogChange.Kind.UPDATED;
    }
    CatalogChange change = new CatalogChange(endpoint, kind, record.id(), record);
    fire(change);
    return change;
  }

  /** Removes a record and tells the listeners; empty when the id was absent. */
  public Optional<CatalogChange> remove(IgdbEndpoint endpoint, long id) {
    IgdbRecord previous = table(endpoint).remove(id);
    if (previous == null) {
      return Optional.empty();
    }
    CatalogChange change = new CatalogChange(endpoint, CatalogChange.Kind.DELETED, id, previous);
    fire(change);
    return Optional.of(change);
  }

  /** Calls {@code listener} after every {@link #put}/{@link #remove}, on the writer's thread. */
  public void addListener(Consumer<CatalogChange> listener) {
    listeners.add(listener);
  }

  public void removeListener(Consumer<CatalogChange> listener) {
    listeners.remove(listener);
  }

  /** The hidden family structure of a synthetic catalogue; empty for real records. */
  public Optional<GroundTruth> groundTruth() {
    return Optional.ofNullable(groundTruth);
  }

  /** The generator live mode uses for new and changed games; empty for real records. */
  public Optional<GameFactory> gameFactory() {
    return Optional.ofNullable(gameFactory);
  }

  void attachSynthetic(GroundTruth truth, GameFactory factory) {
    this.groundTruth = truth;
    this.gameFactory = factory;
  }

  private void fire(CatalogChange change) {
    for (Consumer<CatalogChange> l : listeners) {
      l.accept(change);
    }
  }

  private ConcurrentSkipListMap<Long, IgdbRecord> table(IgdbEndpoint endpoint) {
    return tables.get(Objects.requireNonNull(endpoint, "endpoint"));
  }

  private static void checkModel(IgdbEndpoint endpoint, IgdbRecord r) {
    if (!endpoint.model().isInstance(r)) {
      throw new IllegalArgumentException(
          endpoint.path()
              + " holds "
              + endpoint.model().getSimpleName()
              + ", not "
              + r.getClass().getSimpleName());
    }
  }
}
