package io.gamedata.connect.query;

import io.gamedata.connect.schema.WarehouseDdl;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/**
 * Queries the local warehouse while the sink holds the DuckDB file (DuckDB allows one writer per
 * file, and no reader beside it): an in-memory DuckDB with views {@code games}, {@code
 * games_changelog} and {@code games_current} over the Parquet snapshots the sink writes to its
 * {@code snapshot.dir}. With {@code --db FILE} it opens the database file itself read-only, which
 * works only when no sink is running.
 *
 * <pre>
 * java -cp connect.jar:duckdb_jdbc.jar:... io.gamedata.connect.query.WarehouseQuery \
 *     --snapshots /var/lib/gamedata/snapshots "SELECT count(*) FROM games"
 * </pre>
 */
public final class WarehouseQuery implements AutoCloseable {

  private final Connection conn;

  private WarehouseQuery(Connection conn) {
    this.conn = conn;
  }

  /** Views over {@code games.parquet} and {@code games_changelog.parquet} in {@code dir}. */
  public static WarehouseQuery overSnapshots(Path dir) throws SQLException {
    for (String table : List.of(WarehouseDdl.GAMES, WarehouseDdl.GAMES_CHANGELOG)) {
      if (!Files.isRegularFile(dir.resolve(table + ".parquet"))) {
        throw new IllegalArgumentException(
            "no snapshot "
                + dir.resolve(table + ".parquet")
                + " (is the sink's snapshot.dir set?)");
      }
    }
    Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
    try (Statement s = c.createStatement()) {
      for (String table : List.of(WarehouseDdl.GAMES, WarehouseDdl.GAMES_CHANGELOG)) {
        s.execute(
            "CREATE VIEW "
                + table
                + " AS SELECT * FROM read_parquet('"
                + dir.resolve(table + ".parquet").toAbsolutePath().toString().replace("'", "''")
                + "')");
      }
      s.execute(
          "CREATE VIEW "
              + WarehouseDdl.GAMES_CURRENT
              + " AS "
              + WarehouseDdl.currentViewSelect(WarehouseDdl.GAMES_CHANGELOG));
    }
    return new WarehouseQuery(c);
  }

  /** The database file itself, read-only (fails while a writer holds it). */
  public static WarehouseQuery readOnly(Path file) throws SQLException {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    return new WarehouseQuery(
        new DuckDBDriver().connect("jdbc:duckdb:" + file.toAbsolutePath(), p));
  }

  /** Runs one query; rows as lists of column values (JDBC objects). */
  public List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Runs one query and prints a header line and tab-separated rows. */
  public void print(String sql, PrintStream out) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      List<String> header = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        header.add(md.getColumnLabel(i));
      }
      out.println(String.join("\t", header));
      while (rs.next()) {
        List<String> cells = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          cells.add(String.valueOf(rs.getString(i)));
        }
        out.println(String.join("\t", cells));
      }
    }
  }

  @Override
  public void close() throws SQLException {
    conn.close();
  }

  /** {@code WarehouseQuery (--snapshots DIR | --db FILE) SQL}. */
  public static void main(String[] args) throws SQLException {
    if (args.length != 3 || !(args[0].equals("--snapshots") || args[0].equals("--db"))) {
      System.err.println("usage: WarehouseQuery (--snapshots DIR | --db FILE) \"SQL\"");
      System.exit(2);
    }
    Path path = Path.of(args[1]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (WarehouseQuery q = args[0].equals("--db") ? readOnly(path) : overSnapshots(path)) {
      q.print(args[2], out);
    }
  }
}
