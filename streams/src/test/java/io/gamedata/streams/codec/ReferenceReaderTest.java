package io.gamedata.streams.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.streams.domain.ReferenceValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ReferenceReader} against databind: whenever the reader answers, the router's outcome
 * (validation, stored value, announced fields) is databind's; real IGDB records take the reader's
 * path; anything doubtful is left to databind.
 */
class ReferenceReaderTest {

  /** IGDB 2026 sample records (MIT, see its LICENSE file), shared with the contracts tests. */
  private static final Path SAMPLES = Path.of("../contracts/src/test/resources/igdb");

  private static final List<IgdbEndpoint> SAMPLED =
      List.of(
          IgdbEndpoint.GENRES,
          IgdbEndpoint.THEMES,
          IgdbEndpoint.GAME_MODES,
          IgdbEndpoint.PLAYER_PERSPECTIVES,
          IgdbEndpoint.PLATFORMS,
          IgdbEndpoint.GAME_TYPES,
          IgdbEndpoint.GAME_STATUSES,
          IgdbEndpoint.KEYWORDS,
          IgdbEndpoint.COMPANIES,
          IgdbEndpoint.INVOLVED_COMPANIES,
          IgdbEndpoint.COVERS);

  private static final String[] VALUES = {
    "null",
    "0",
    "12",
    "-5",
    "1.5",
    "12.0",
    "1e3",
    "true",
    "false",
    "\"\"",
    "\"  \"",
    "\"12\"",
    "\"Name\"",
    "\"caf\\u00e9 \\\"q\\\"\"",
    "{}",
    "[]",
    "[1]",
    "{\"a\":[1,{\"b\":null}]}",
    "2147483647",
    "2147483648",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "123456789012345678901234567890"
  };

  private static final String[] FIELDS = {
    "id",
    "name",
    "slug",
    "checksum",
    "created_at",
    "updated_at",
    "type",
    "status",
    "url",
    "game",
    "image_id",
    "width",
    "height",
    "company",
    "developer",
    "publisher",
    "porting",
    "supporting",
    "description"
  };

  @Test
  void everySampleRecordTakesTheReaderAndGetsDatabindsOutcome() throws Exception {
    int n = 0;
    for (IgdbEndpoint e : SAMPLED) {
      for (byte[] json : samples(e)) {
        IgdbRecord fast = ReferenceReader.read(e, json);
        assertNotNull(fast, () -> e + " " + new String(json, StandardCharsets.UTF_8));
        assertEquals(databind(e, json), outcome(e, fast), e.path());
        n++;
      }
    }
    assertTrue(n > 300, "samples read: " + n);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "genres|{\"id\":1,\"name\":\"Action\"}|true",
        "genres|{\"name\":\"Action\",\"id\":1,\"extra\":{\"x\":[1,2,{}]}}|true",
        "game_types|{\"id\":3,\"type\":\"Bundle\"}|true",
        "game_types|{\"id\":3,\"type\":5}|true",
        "game_statuses|{\"id\":3,\"status\":\"Released\",\"type\":{\"a\":1}}|true",
        "companies|{\"id\":3,\"name\":null,\"status\":0}|true",
        "genres|{\"id\":1}|true",
        "genres|{\"id\":-1,\"name\":\"x\"}|true",
        "genres|{\"id\":1,\"name\":\"  \"}|true",
        "covers|{\"id\":9,\"image_id\":\"co1\",\"game\":4,\"width\":264,\"height\":374}|true",
        "covers|{\"id\":9,\"image_id\":\"co1\",\"game\":0}|true",
        "covers|{\"id\":9,\"game\":4}|true",
        "involved_companies|{\"id\":5,\"company\":7,\"game\":4,\"developer\":true}|true",
        "involved_companies|{\"id\":5,\"company\":null,\"publisher\":false}|true",
        // left to databind: coercions, nulls for primitives, duplicates, other roots, bad JSON
        "genres|{\"id\":\"1\",\"name\":\"Action\"}|false",
        "genres|{\"id\":1.0,\"name\":\"Action\"}|false",
        "genres|{\"id\":null,\"name\":\"Action\"}|false",
        "genres|{\"name\":\"Action\"}|false",
        "genres|{\"id\":1,\"id\":2,\"name\":\"Action\"}|false",
        "genres|{\"id\":1,\"name\":\"A\",\"name\":\"B\"}|false",
        "game_types|{\"id\":3,\"type\":\"A\",\"type\":7}|false",
        "genres|{\"id\":1,\"name\":12}|false",
        "genres|{\"id\":1,\"name\":[\"A\"]}|false",
        "genres|{\"id\":1,\"updated_at\":\"12\"}|false",
        "genres|{\"id\":9223372036854775808}|false",
        "genres|[{\"id\":1}]|false",
        "genres|null|false",
        "genres|{\"id\":1,\"name\":\"A\"|false",
        "genres|{\"id\":1,\"name\":\"A\",}|false",
        "covers|{\"id\":9,\"image_id\":\"co1\",\"width\":2147483648}|false",
        "covers|{\"id\":9,\"image_id\":\"co1\",\"game\":true}|false",
        "involved_companies|{\"id\":5,\"company\":7,\"developer\":\"true\"}|false",
        "involved_companies|{\"id\":5,\"company\":7,\"developer\":1}|false",
      })
  void edgeCases(String path, String json, boolean fastPath) throws Exception {
    IgdbEndpoint e = IgdbEndpoint.fromPath(path).orElseThrow();
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    IgdbRecord fast = ReferenceReader.read(e, bytes);
    if (fastPath) {
      assertNotNull(fast, json);
      assertEquals(databind(e, bytes), outcome(e, fast), json);
    } else {
      assertNull(fast, json);
    }
  }

  @Test
  void mutatedRecordsGetDatabindsOutcomeOrGoToDatabind() throws Exception {
    SplittableRandom random = new SplittableRandom(20261129);
    int fast = 0;
    int total = 0;
    for (IgdbEndpoint e : SAMPLED) {
      for (byte[] json : samples(e)) {
        for (int i = 0; i < 12; i++) {
          byte[] mutated = mutate(json, random);
          IgdbRecord r = ReferenceReader.read(e, mutated);
          total++;
          if (r != null) {
            fast++;
            String text = new String(mutated, StandardCharsets.UTF_8);
            assertEquals(databind(e, mutated), outcome(e, r), () -> e + " " + text);
          }
        }
      }
    }
    assertTrue(fast > total / 4 && fast < total, fast + " of " + total + " took the reader");
  }

  /** A field replaced, added, duplicated or removed; or bytes changed. */
  private static byte[] mutate(byte[] json, SplittableRandom r) throws Exception {
    int kind = r.nextInt(5);
    if (kind == 4) {
      byte[] b = json.clone();
      int at = r.nextInt(b.length);
      String chars = "{}[]\",:0a-. \\e";
      b[at] = (byte) chars.charAt(r.nextInt(chars.length()));
      return b;
    }
    ObjectNode node = (ObjectNode) Json.mapper().readTree(json);
    String field = FIELDS[r.nextInt(FIELDS.length)];
    String value = VALUES[r.nextInt(VALUES.length)];
    String body = new String(Json.mapper().writeValueAsBytes(node), StandardCharsets.UTF_8);
    String inner = body.substring(1, body.length() - 1);
    String pair = "\"" + field + "\":" + value;
    String out =
        switch (kind) {
          case 0 -> {
            node.remove(field);
            String rest = new String(Json.mapper().writeValueAsBytes(node), StandardCharsets.UTF_8);
            String restInner = rest.substring(1, rest.length() - 1);
            yield "{" + pair + (restInner.isEmpty() ? "" : "," + restInner) + "}";
          }
          case 1 -> "{" + inner + (inner.isEmpty() ? "" : ",") + pair + "}"; // maybe a duplicate
          case 2 -> {
            node.remove(field);
            yield new String(Json.mapper().writeValueAsBytes(node), StandardCharsets.UTF_8);
          }
          default -> "{" + pair + (inner.isEmpty() ? "" : ",") + inner + "} trailing";
        };
    return out.getBytes(StandardCharsets.UTF_8);
  }

  private static List<byte[]> samples(IgdbEndpoint e) throws Exception {
    JsonNode array = Json.mapper().readTree(SAMPLES.resolve(e.path() + "-2026.json").toFile());
    List<byte[]> out = new ArrayList<>();
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      out.add(Json.mapper().writeValueAsBytes(it.next()));
    }
    assertTrue(!out.isEmpty(), e.path());
    return out;
  }

  /** What the router makes of the record with databind, or "error" when databind fails. */
  private static String databind(IgdbEndpoint e, byte[] json) {
    IgdbRecord r;
    try {
      r = Json.mapper().readerFor(e.model()).readValue(json);
    } catch (Exception ex) {
      return "error";
    }
    return r == null ? "null" : outcome(e, r);
  }

  /** The router's view of a record: the id's validation, then the fields it keeps and announces. */
  private static String outcome(IgdbEndpoint e, IgdbRecord r) {
    long key = r.id();
    Optional<String> violation = ReferenceValidator.violation(key, r);
    if (violation.isPresent()) {
      return "invalid: " + violation.get();
    }
    if (r instanceof IgdbCover c) {
      return "cover " + c.id() + " " + c.imageId() + " " + c.game();
    }
    if (r instanceof IgdbInvolvedCompany ic) {
      return "ic "
          + ic.id()
          + " "
          + ic.company()
          + " "
          + ic.isDeveloper()
          + " "
          + ic.isPublisher()
          + " "
          + ic.game();
    }
    return e + " " + r.id() + " " + ((IgdbNamed) r).displayName();
  }
}
