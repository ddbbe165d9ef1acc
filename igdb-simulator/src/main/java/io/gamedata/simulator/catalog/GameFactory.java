package io.gamedata.simulator.catalog;

import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import java.util.List;
import java.util.SplittableRandom;

/** Makes the new and changed games of live mode. */
public interface GameFactory {

  /**
   * A new game with a fresh id (above every id of the catalogue), with its cover and involved
   * companies, not yet added to the catalogue.
   */
  NewGame newGame(Catalog catalog, long nowSeconds, SplittableRandom rng);

  /** A content change of a game: new checksum, {@code updated_at} = now. */
  IgdbGame update(IgdbGame game, long nowSeconds, SplittableRandom rng);

  /** A generated game and the related rows to add before it. */
  record NewGame(IgdbGame game, IgdbCover cover, List<IgdbInvolvedCompany> involvedCompanies) {}
}
