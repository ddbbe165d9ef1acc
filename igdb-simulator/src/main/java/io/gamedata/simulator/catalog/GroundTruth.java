package io.gamedata.simulator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The hidden structure a synthetic catalogue was generated from, to measure recommendations
 * against. Games belong to a <em>family</em> (sequels, spin-offs, DLCs: same franchise or
 * collection, same developer, a shared keyword set, near-identical genres/themes); families belong
 * to a <em>cluster</em> (a shared genre/theme/platform profile and keyword pool). A good "similar
 * games" list ranks family members first, then cluster members. Never served over HTTP.
 */
public final class GroundTruth {

  private final Map<Long, Integer> familyOfGame = new ConcurrentHashMap<>();
  private final Map<Integer, List<Long>> membersOfFamily = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> clusterOfFamily = new ConcurrentHashMap<>();

  GroundTruth() {}

  void add(long gameId, int family, int cluster) {
    familyOfGame.put(gameId, family);
    clusterOfFamily.putIfAbsent(family, cluster);
    membersOfFamily.computeIfAbsent(family, f -> new CopyOnWriteArrayList<>()).add(gameId);
  }

  /** The family of a game, empty for an unknown id. */
  public OptionalInt familyOf(long gameId) {
    Integer f = familyOfGame.get(gameId);
    return f == null ? OptionalInt.empty() : OptionalInt.of(f);
  }

  /** The cluster of a game, empty for an unknown id. */
  public OptionalInt clusterOf(long gameId) {
    Integer f = familyOfGame.get(gameId);
    return f == null ? OptionalInt.empty() : OptionalInt.of(clusterOfFamily.get(f));
  }

  /** The other games of the same family (ids ever generated, deleted ones included). */
  public List<Long> familyMembers(long gameId) {
    Integer f = familyOfGame.get(gameId);
    if (f == null) {
      return List.of();
    }
    List<Long> out = new ArrayList<>(membersOfFamily.get(f));
    out.remove(Long.valueOf(gameId));
    return out;
  }

  /** True when both games belong to the same family. */
  public boolean sameFamily(long a, long b) {
    Integer fa = familyOfGame.get(a);
    return fa != null && fa.equals(familyOfGame.get(b));
  }

  /** True when both games belong to the same cluster. */
  public boolean sameCluster(long a, long b) {
    OptionalInt ca = clusterOf(a);
    OptionalInt cb = clusterOf(b);
    return ca.isPresent() && cb.isPresent() && ca.getAsInt() == cb.getAsInt();
  }

  /** Number of games known. */
  public int games() {
    return familyOfGame.size();
  }
}
