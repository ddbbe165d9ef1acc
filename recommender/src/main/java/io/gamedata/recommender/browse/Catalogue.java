package io.gamedata.recommender.browse;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a player browses by besides similarity, kept in step with the index: the games of each
 * franchise and series (collection), and how many games each platform and game type has (the
 * choices of the recommendation filters). Written by one thread (through {@link TrackedEngine}),
 * read by any.
 */
public final class Catalogue {

  /** A value and how many games have it. */
  public record Count(String name, int games) {}

  private final Map<String, Set<Long>> franchises = new ConcurrentHashMap<>();
  private final Map<String, Set<Long>> collections = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> platforms = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> gameTypes = new ConcurrentHashMap<>();

  /** Forgets everything, then takes these games (a full load). */
  void reset(Collection<EnrichedGame> games) {
    franchises.clear();
    collections.clear();
    platforms.clear();
    gameTypes.clear();
    Map<Long, EnrichedGame> byId = new LinkedHashMap<>(); // the last of an id wins, as in the index
    games.forEach(g -> byId.put(g.id(), g));
    byId.values().forEach(this::add);
  }

  void add(EnrichedGame g) {
    g.franchises()
        .forEach(
            f -> franchises.computeIfAbsent(f, k -> ConcurrentHashMap.newKeySet()).add(g.id()));
    g.collections()
        .forEach(
            c -> collections.computeIfAbsent(c, k -> ConcurrentHashMap.newKeySet()).add(g.id()));
    distinct(g.platforms())
        .forEach(p -> platforms.computeIfAbsent(p, k -> new AtomicInteger()).incrementAndGet());
    if (g.gameType() != null) {
      gameTypes.computeIfAbsent(g.gameType(), k -> new AtomicInteger()).incrementAndGet();
    }
  }

  void remove(EnrichedGame g) {
    g.franchises().forEach(f -> removeMember(franchises, f, g.id()));
    g.collections().forEach(c -> removeMember(collections, c, g.id()));
    distinct(g.platforms()).forEach(p -> decrement(platforms, p));
    if (g.gameType() != null) {
      decrement(gameTypes, g.gameType());
    }
  }

  private static List<String> distinct(List<String> values) {
    return values.stream().filter(v -> v != null).distinct().toList();
  }

  private static void removeMember(Map<String, Set<Long>> groups, String name, long id) {
    groups.computeIfPresent(
        name,
        (k, ids) -> {
          ids.remove(id);
          return ids.isEmpty() ? null : ids;
        });
  }

  private static void decrement(Map<String, AtomicInteger> counts, String name) {
    counts.computeIfPresent(name, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  /** The ids of the games of a franchise (empty when none). */
  public Set<Long> franchise(String name) {
    return Set.copyOf(franchises.getOrDefault(name, Set.of()));
  }

  /** The ids of the games of a series (collection). */
  public Set<Long> collection(String name) {
    return Set.copyOf(collections.getOrDefault(name, Set.of()));
  }

  /** Platforms, most games first (then by name). */
  public List<Count> platforms() {
    return counts(platforms);
  }

  /** Game types, most games first (then by name). */
  public List<Count> gameTypes() {
    return counts(gameTypes);
  }

  private static List<Count> counts(Map<String, AtomicInteger> counts) {
    List<Count> out = new ArrayList<>();
    counts.forEach(
        (name, n) -> {
          if (n.get() > 0) {
            out.add(new Count(name, n.get()));
          }
        });
    out.sort(Comparator.comparingInt(Count::games).reversed().thenComparing(Count::name));
    return out;
  }
}
