package io.gamedata.connect.sink.duckdb;

/** Plugin version reported to the Connect worker. */
final class Version {
  static final String VERSION = "0.1.0";

  private Version() {}
}
