package io.gamedata.simulator.query;

/** A query IGDB would refuse: answered as a 400 with IGDB's error shape. */
public final class QueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String title;

  public QueryException(String title, String cause) {
    super(cause);
    this.title = title;
  }

  /** A "Syntax Error". */
  public static QueryException syntax(String cause) {
    return new QueryException("Syntax Error", cause);
  }

  /** IGDB's error title, e.g. "Syntax Error". */
  public String title() {
    return title;
  }
}
