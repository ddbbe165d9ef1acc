package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BigQueryDdlTest {

  @Test
  void readsTypesModesAndNestedFields() {
    String sql =
        """
        -- a comment, with a comma
        CREATE TABLE IF NOT EXISTS `p.d.games` (
          id INT64 NOT NULL OPTIONS (description = 'id, the key'),
          name STRING,
          genres ARRAY<STRING>,
          price NUMERIC(10, 2),
          cover STRUCT<url STRING NOT NULL, sizes ARRAY<INT64>>,
          links ARRAY<STRUCT<kind STRING, url STRING>>,
          PRIMARY KEY (id) NOT ENFORCED
        ) CLUSTER BY id;
        """;
    Map<String, List<BigQueryColumn>> tables = BigQueryDdl.tables(sql);

    assertThat(tables).containsOnlyKeys("games");
    assertThat(tables.get("games"))
        .containsExactly(
            new BigQueryColumn("id", "INT64", "REQUIRED", List.of()),
            new BigQueryColumn("name", "STRING", "NULLABLE", List.of()),
            new BigQueryColumn("genres", "STRING", "REPEATED", List.of()),
            new BigQueryColumn("price", "NUMERIC", "NULLABLE", List.of()),
            new BigQueryColumn(
                "cover",
                "STRUCT",
                "NULLABLE",
                List.of(
                    new BigQueryColumn("url", "STRING", "REQUIRED", List.of()),
                    new BigQueryColumn("sizes", "INT64", "REPEATED", List.of()))),
            new BigQueryColumn(
                "links",
                "STRUCT",
                "REPEATED",
                List.of(
                    new BigQueryColumn("kind", "STRING", "NULLABLE", List.of()),
                    new BigQueryColumn("url", "STRING", "NULLABLE", List.of()))));
  }

  @Test
  void legacyTypeNamesOfTheJsonSchemaMatchStandardSql() {
    assertThat(new BigQueryColumn("a", "INTEGER", "NULLABLE", List.of()))
        .isEqualTo(new BigQueryColumn("A", "INT64", "NULLABLE", List.of()));
    assertThat(BigQueryColumn.normalizeType("FLOAT")).isEqualTo("FLOAT64");
    assertThat(BigQueryColumn.normalizeType("BOOLEAN")).isEqualTo("BOOL");
    assertThat(BigQueryColumn.normalizeType("RECORD")).isEqualTo("STRUCT");
  }

  @Test
  void aDifferentModeIsADifferentColumn() {
    Map<String, List<BigQueryColumn>> a = BigQueryDdl.tables("CREATE TABLE t (id INT64 NOT NULL)");
    Map<String, List<BigQueryColumn>> b = BigQueryDdl.tables("CREATE TABLE t (id INT64)");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void unbalancedDdlIsAnError() {
    assertThatThrownBy(() -> BigQueryDdl.tables("CREATE TABLE t (id STRUCT<a INT64)"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
