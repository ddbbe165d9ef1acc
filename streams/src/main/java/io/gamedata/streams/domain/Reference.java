package io.gamedata.streams.domain;

import io.gamedata.contracts.igdb.IgdbEndpoint;

/**
 * A reference from a game to a record of a reference endpoint, e.g. {@code genres:12}. Packs into
 * one long (endpoint ordinal in the top byte, id below) for compact state.
 */
public record Reference(IgdbEndpoint endpoint, long id) {

  private static final IgdbEndpoint[] ENDPOINTS = IgdbEndpoint.values();
  private static final long ID_MASK = (1L << 56) - 1;

  public Reference {
    if (endpoint == IgdbEndpoint.GAMES) {
      throw new IllegalArgumentException("a game is not a reference");
    }
    if (id < 0 || id > ID_MASK) {
      throw new IllegalArgumentException("reference id out of range: " + id);
    }
  }

  public static Reference of(IgdbEndpoint endpoint, long id) {
    return new Reference(endpoint, id);
  }

  public long packed() {
    return ((long) endpoint.ordinal() << 56) | id;
  }

  public static Reference unpack(long packed) {
    return new Reference(ENDPOINTS[(int) (packed >>> 56)], packed & ID_MASK);
  }

  /** {@code <endpoint>:<id>}, the form of {@code missing_references}. */
  @Override
  public String toString() {
    return endpoint.path() + ":" + id;
  }
}
