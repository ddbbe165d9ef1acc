package io.gamedata.streams.domain;

import io.gamedata.contracts.igdb.IgdbEndpoint;

/** Read access to the reference data known so far; null means "not known (yet)". */
public interface ReferenceLookup {

  /** Display name of a named reference (genres, companies, game types, ...). */
  String name(IgdbEndpoint endpoint, long id);

  /** An involved company (company + roles). */
  InvolvedCompanyLink involvedCompany(long id);

  /** The image id of a cover. */
  String coverImageId(long id);
}
