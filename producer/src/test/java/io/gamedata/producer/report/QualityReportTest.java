package io.gamedata.producer.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.publish.RawCopyWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityReportTest {

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void fillRatesTypesDeprecatedAndUnknownFields(@TempDir Path dir) throws Exception {
    try (RawCopyWriter w = new RawCopyWriter(dir)) {
      w.write(
          IgdbEndpoint.GAMES,
          List.of(
              b("{\"id\":1,\"name\":\"A\",\"rating\":70.5,\"category\":0,\"genres\":[1,2]}"),
              b("{\"id\":2,\"name\":\"Bee\",\"rating\":null,\"shiny_new_field\":true}")));
    }
    // a resumed run appends a second gzip member with one duplicate
    try (RawCopyWriter w = new RawCopyWriter(dir)) {
      w.write(
          IgdbEndpoint.GAMES,
          List.of(b("{\"id\":2,\"name\":\"Bee\"}"), b("{\"id\":3,\"name\":\"C\",\"rating\":10}")));
    }
    QualityReport r = QualityReport.analyse(dir);
    QualityReport.EndpointStats g = r.endpoints.get("games");
    assertThat(g.records).isEqualTo(3);
    assertThat(g.duplicates).isEqualTo(1);
    assertThat(g.fields.get("name").fillRate).isEqualTo(1.0);
    assertThat(g.fields.get("rating").fillRate)
        .isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(g.fields.get("rating").types).containsExactly("integer", "null", "number");
    assertThat(g.fields.get("rating").min).isEqualTo(10.0);
    assertThat(g.fields.get("rating").max).isEqualTo(70.5);
    assertThat(g.fields.get("genres").types).containsExactly("array<integer>");
    assertThat(g.deprecatedPresent).containsEntry("category", 1L);
    assertThat(g.unknownFields).containsExactly("shiny_new_field");
    assertThat(g.sizes).containsKeys("p50", "p99", "max");
    r.write(dir);
    assertThat(Files.readString(dir.resolve("quality-report.md")))
        .contains("| games | 3 |")
        .contains("shiny_new_field");
    assertThat(Files.readString(dir.resolve("quality-report.json"))).contains("\"fill_rate\"");
  }

  @Test
  void aTruncatedCopyIsReadUpToTheCut(@TempDir Path dir) throws Exception {
    try (RawCopyWriter w = new RawCopyWriter(dir)) {
      for (int i = 1; i <= 2000; i++) {
        w.write(
            IgdbEndpoint.GENRES,
            List.of(b("{\"id\":" + i + ",\"name\":\"genre number " + i + "\"}")));
      }
    }
    Path f = RawCopyWriter.fileOf(dir, IgdbEndpoint.GENRES);
    byte[] all = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(all, all.length - 20));
    QualityReport r = QualityReport.analyse(dir);
    assertThat(r.endpoints.get("genres").truncated).isTrue();
    assertThat(r.endpoints.get("genres").records).isBetween(1L, 1999L);
  }
}
