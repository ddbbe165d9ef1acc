package io.gamedata.simulator.query;

import java.util.List;
import java.util.Set;

/**
 * A parsed Apicalypse query.
 *
 * @param fields requested fields ({@code *}, {@code a}, {@code a.b}, {@code a.*}); empty means
 *     {@code id} only, as IGDB answers a query without {@code fields}
 * @param exclude fields removed from the answer
 * @param where the filter, {@link Condition#ALL} when absent
 * @param sortField null when absent
 * @param sortAscending direction of {@code sortField}
 * @param limit 1..500, default 10
 * @param offset default 0
 * @param search the {@code search} text, null when absent
 */
public record Query(
    List<String> fields,
    Set<String> exclude,
    Condition where,
    String sortField,
    boolean sortAscending,
    int limit,
    int offset,
    String search) {

  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 500;

  /** True for {@code fields *;} with no exclusion and no expansion: the record as stored. */
  public boolean allFieldsUnexpanded() {
    return exclude.isEmpty() && fields.size() == 1 && fields.get(0).equals("*");
  }
}
