package io.gamedata.streams.domain;

import io.gamedata.contracts.igdb.IgdbEndpoint;

/**
 * A reference record as the game tasks need it: named references carry their display name, covers
 * their image id, involved companies their company and roles. The router keeps its {@link
 * #storedValue()}; a change of a known reference travels on the internal {@code reference-updates}
 * topic to every game partition.
 *
 * @param value display name (named references) or image id (covers); null for involved companies
 *     and deletes
 */
public record RefUpdate(
    IgdbEndpoint endpoint,
    long id,
    boolean deleted,
    String value,
    Long company,
    boolean developer,
    boolean publisher,
    Long game) {

  public static RefUpdate named(IgdbEndpoint endpoint, long id, String name) {
    return new RefUpdate(endpoint, id, false, name, null, false, false, null);
  }

  public static RefUpdate cover(long id, String imageId, Long game) {
    return new RefUpdate(IgdbEndpoint.COVERS, id, false, imageId, null, false, false, game);
  }

  public static RefUpdate involvedCompany(
      long id, long company, boolean developer, boolean publisher, Long game) {
    return new RefUpdate(
        IgdbEndpoint.INVOLVED_COMPANIES, id, false, null, company, developer, publisher, game);
  }

  public static RefUpdate deleted(IgdbEndpoint endpoint, long id) {
    return new RefUpdate(endpoint, id, true, null, null, false, false, null);
  }

  /** The value kept in the reference store; null for a delete. */
  public String storedValue() {
    if (deleted) {
      return null;
    }
    if (endpoint == IgdbEndpoint.INVOLVED_COMPANIES) {
      return new InvolvedCompanyLink(company, developer, publisher).storedValue();
    }
    return value;
  }
}
