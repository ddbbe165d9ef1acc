package io.gamedata.connect.schema;

/** The BigQuery types the warehouse uses, with their DuckDB counterparts. */
public enum ColumnType {
  STRING("VARCHAR"),
  INT64("BIGINT"),
  FLOAT64("DOUBLE"),
  /** An instant (UTC); DuckDB {@code TIMESTAMPTZ}, Connect {@code Timestamp} logical type. */
  TIMESTAMP("TIMESTAMPTZ"),
  RECORD("STRUCT");

  private final String duckDbType;

  ColumnType(String duckDbType) {
    this.duckDbType = duckDbType;
  }

  public String duckDbType() {
    return duckDbType;
  }
}
