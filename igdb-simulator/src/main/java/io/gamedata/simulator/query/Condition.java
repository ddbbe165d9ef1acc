package io.gamedata.simulator.query;

import io.gamedata.contracts.igdb.IgdbRecord;

/** A {@code where} filter over records. */
@FunctionalInterface
public interface Condition {

  /** Matches every record. */
  Condition ALL = r -> true;

  boolean test(IgdbRecord record);

  /**
   * For keyset paging: the exclusive lower bound on {@code id} the condition implies, or {@code
   * Long.MIN_VALUE} when it implies none. Only conditions whose every match has {@code id > bound}
   * may return a bound.
   */
  default long idLowerBound() {
    return Long.MIN_VALUE;
  }

  /**
   * The inclusive upper bound on {@code id} every match satisfies, {@code Long.MAX_VALUE} if none.
   */
  default long idUpperBound() {
    return Long.MAX_VALUE;
  }
}
