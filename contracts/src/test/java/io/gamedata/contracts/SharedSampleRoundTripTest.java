package io.gamedata.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.contracts.json.JsonSerde;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in: round-trips every record of the real samples outside the repository (the 500 games and
 * reference tables of 2026, and the 5,230 pre-2025 games of 2021), which the default suite must not
 * read. Run with {@code ./mvnw -pl contracts test -Dgamedata.shared.data=../shared/data}.
 */
@EnabledIfSystemProperty(named = "gamedata.shared.data", matches = ".+")
class SharedSampleRoundTripTest {

  private final Path root = Path.of(System.getProperty("gamedata.shared.data", "."));

  @Test
  void all2026RecordsRoundTrip() throws IOException {
    int total = 0;
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      Path file = root.resolve("igdb-sample-2026").resolve(e.path() + ".json");
      if (!Files.exists(file)) {
        continue;
      }
      total += roundTrip(e, List.of(Json.mapper().readTree(file.toFile())).get(0));
    }
    System.out.println("2026 records round-tripped: " + total);
    assertThat(total).isGreaterThanOrEqualTo(500);
  }

  @Test
  void all2021RecordsRoundTrip() throws IOException {
    List<JsonNode> records = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(root.resolve("igdb-2021-dev/games.jsonl"))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          records.add(Json.mapper().readTree(line));
        }
      }
    }
    int n = roundTrip(IgdbEndpoint.GAMES, Json.mapper().valueToTree(records));
    System.out.println("2021 records round-tripped: " + n);
    assertThat(n).isEqualTo(5230);
  }

  private int roundTrip(IgdbEndpoint endpoint, JsonNode array) throws IOException {
    @SuppressWarnings("unchecked")
    JsonSerde<IgdbRecord> serde = new JsonSerde<>((Class<IgdbRecord>) endpoint.model());
    int n = 0;
    for (JsonNode original : array) {
      IgdbRecord parsed = serde.fromBytes(Json.mapper().writeValueAsBytes(original));
      assertThat(Json.mapper().readTree(serde.toBytes(parsed)))
          .as("%s %s", endpoint, original.get("id"))
          .isEqualTo(original);
      n++;
    }
    return n;
  }
}
