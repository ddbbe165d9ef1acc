package io.gamedata.simulator.catalog;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;

/**
 * One change applied to a {@link Catalog}.
 *
 * @param endpoint the endpoint whose table changed
 * @param kind what happened
 * @param id the record id
 * @param record the record after the change; for {@link Kind#DELETED} the record as it was
 */
public record CatalogChange(IgdbEndpoint endpoint, Kind kind, long id, IgdbRecord record) {

  /** What a change did. */
  public enum Kind {
    /** A new id. */
    CREATED,
    /** Content changed (a new checksum) and {@code updated_at} moved. */
    UPDATED,
    /** Only {@code updated_at} moved, as IGDB's frequent "touches" do. */
    TOUCHED,
    /** The id is gone. */
    DELETED;

    /** The IGDB webhook method that reports this kind. */
    public String webhookMethod() {
      return switch (this) {
        case CREATED -> "create";
        case UPDATED, TOUCHED -> "update";
        case DELETED -> "delete";
      };
    }
  }
}
