package io.gamedata.contracts.json;

import static io.gamedata.contracts.json.CodecAssertions.assertSameAsDatabind;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.igdb.IgdbGame;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IgdbGameReaderTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<byte[]> sampleGames() throws IOException {
    List<byte[]> games = new ArrayList<>();
    try (InputStream in = IgdbGameReaderTest.class.getResourceAsStream("/igdb/games-2026.json")) {
      for (JsonNode g : Json.mapper().readTree(in)) {
        games.add(Json.mapper().writeValueAsBytes(g));
      }
    }
    try (InputStream in =
        IgdbGameReaderTest.class.getResourceAsStream("/igdb/games-legacy-schema.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          games.add(utf8(line));
        }
      }
    }
    return games;
  }

  @Test
  void fieldTableMatchesTheModel() {
    RecordComponent[] components = IgdbGame.class.getRecordComponents();
    assertThat(IgdbGameReader.NAMES).hasSize(components.length - 1);
    for (int i = 0; i < IgdbGameReader.NAMES.length; i++) {
      JsonProperty p = components[i].getAccessor().getAnnotation(JsonProperty.class);
      assertThat(p).as(components[i].getName()).isNotNull();
      assertThat(IgdbGameReader.NAMES[i]).isEqualTo(p.value());
    }
    assertThat(components[components.length - 1].getName()).isEqualTo("other");
  }

  @Test
  void everySampleGameReadsLikeDatabindOnTheFastPath() throws IOException {
    List<byte[]> games = sampleGames();
    assertThat(games.size()).isGreaterThan(40);
    for (byte[] g : games) {
      CodecAssertions.Outcome o = assertSameAsDatabind(g);
      assertThat(o.error()).isNull();
      assertThat(IgdbGameReader.tryFast(g, true)).as(CodecAssertions.describe(g)).isNotNull();
      assertThat(IgdbGameReader.tryFast(g, false)).isNotNull();
    }
  }

  @Test
  void sampleGamesWithTheirFieldsShuffledReadLikeDatabind() throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    for (byte[] g : sampleGames()) {
      JsonNode tree = Json.mapper().readTree(g);
      List<String> names = new ArrayList<>();
      tree.fieldNames().forEachRemaining(names::add);
      StringBuilder sb = new StringBuilder("{");
      while (!names.isEmpty()) {
        String n = names.remove(random.nextInt(names.size()));
        sb.append(sb.length() > 1 ? ",\n " : "").append('"').append(n).append("\":");
        sb.append(tree.get(n));
      }
      assertSameAsDatabind(utf8(sb.append('}').toString()));
    }
  }

  @Test
  void randomGamesReadLikeDatabind() {
    SplittableRandom random = new SplittableRandom(20261129);
    int fast = 0;
    for (int i = 0; i < 10_000; i++) {
      byte[] json = utf8(RandomGames.game(random));
      assertSameAsDatabind(json);
      if (IgdbGameReader.tryFast(json, true) != null) {
        fast++;
      }
    }
    // most random games have only the common shapes: the fast path must not give up on them
    assertThat(fast).isGreaterThan(2_500);
  }

  @Test
  void mutatedGamesFailOrReadLikeDatabind() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      byte[] json = utf8(RandomGames.game(random));
      assertSameAsDatabind(RandomGames.mutate(json, random));
    }
  }

  static Stream<String> edgeCases() {
    String big = "9".repeat(30);
    return Stream.of(
        // numbers where databind coerces or rejects
        "{\"id\":1,\"rating_count\":\"12\"}",
        "{\"id\":1,\"created_at\":\"12\"}",
        "{\"id\":\"12\"}",
        "{\"id\":1,\"rating\":\"1.5\"}",
        "{\"id\":1,\"rating_count\":1.5}",
        "{\"id\":1,\"rating_count\":1.0}",
        "{\"id\":1.0}",
        "{\"id\":1.5}",
        "{\"id\":1,\"cover\":2.5}",
        "{\"id\":1,\"genres\":[1.5,2]}",
        "{\"id\":1,\"genres\":[\"3\",2]}",
        "{\"id\":1,\"rating_count\":2147483647,\"hypes\":-2147483648}",
        "{\"id\":1,\"rating_count\":2147483648}",
        "{\"id\":1,\"category\":-2147483649}",
        "{\"id\":9223372036854775807,\"cover\":-9223372036854775808}",
        "{\"id\":9223372036854775808}",
        "{\"id\":1,\"cover\":-9223372036854775809}",
        "{\"id\":1,\"genres\":[9223372036854775808]}",
        "{\"id\":1,\"rating\":" + big + "}",
        "{\"id\":1,\"rating\":1e400}",
        "{\"id\":1,\"rating\":-1e-400}",
        "{\"id\":1,\"rating\":-0.0}",
        "{\"id\":1,\"rating\":0.1,\"total_rating\":1E20,\"aggregated_rating\":100.0}",
        "{\"id\":1,\"rating\":true}",
        "{\"id\":1,\"rating_count\":false}",
        "{\"id\":true}",
        "{\"id\":1,\"rating_count\":\"\"}",
        "{\"id\":1,\"cover\":\"\"}",
        "{\"id\":\"\"}",
        "{\"id\":1,\"rating\":\"\"}",
        "{\"id\":1,\"rating\":NaN}",
        "{\"id\":1,\"rating\":Infinity}",
        "{\"id\":1,\"rating\":-Infinity}",
        "{\"id\":1,\"rating\":\"NaN\"}",
        "{\"id\":1,\"x\":NaN}",
        "{\"id\":1,\"rating\":01}",
        "{\"id\":1,\"rating\":+1}",
        "{\"id\":1,\"rating\":.5}",
        // id
        "{}",
        "{\"name\":\"x\"}",
        "{\"id\":null}",
        "{\"id\":null,\"id\":1}",
        "{\"id\":1,\"id\":2}",
        "{\"id\":[1]}",
        "{\"id\":{}}",
        // duplicates
        "{\"id\":1,\"name\":\"a\",\"name\":\"b\"}",
        "{\"id\":1,\"genres\":[1],\"genres\":null}",
        "{\"id\":1,\"x\":1,\"y\":2,\"x\":3}",
        "{\"id\":1,\"x\":{\"a\":1,\"a\":[2]}}",
        // shapes
        "{\"id\":1,\"genres\":5}",
        "{\"id\":1,\"genres\":\"5\"}",
        "{\"id\":1,\"genres\":\"\"}",
        "{\"id\":1,\"genres\":{}}",
        "{\"id\":1,\"genres\":[[1]]}",
        "{\"id\":1,\"genres\":[{}]}",
        "{\"id\":1,\"genres\":[]}",
        "{\"id\":1,\"genres\":[null]}",
        "{\"id\":1,\"genres\":[1,null,3],\"themes\":null}",
        "{\"id\":1,\"name\":{\"a\":1}}",
        "{\"id\":1,\"name\":[\"a\"]}",
        "{\"id\":1,\"name\":12}",
        "{\"id\":1,\"name\":1.5}",
        "{\"id\":1,\"name\":true}",
        "{\"id\":1,\"name\":\"\"}",
        "{\"id\":1,\"cover\":{}}",
        "{\"id\":1,\"cover\":[]}",
        "{\"id\":1,\"other\":{\"a\":1}}",
        "{\"id\":1,\"other\":5}",
        "{\"id\":1,\"versionTitle\":\"v\",\"effectiveGameType\":2,\"withUpdatedAt\":3}",
        "{\"id\":1,\"x\":null,\"y\":[],\"z\":{},\"w\":[null,{\"a\":[true,false]}],\"v\":1.5}",
        "{\"id\":1,\"x\":" + big + ",\"y\":-" + big + ".5e3,\"z\":2147483648}",
        // roots
        "",
        " ",
        "null",
        "1",
        "\"x\"",
        "[]",
        "[{\"id\":1}]",
        "true",
        // truncated and trailing
        "{",
        "{\"id\"",
        "{\"id\":",
        "{\"id\":1",
        "{\"id\":1,",
        "{\"id\":1,\"x\":[1,2",
        "{\"id\":1,\"name\":\"abc",
        "{\"id\":1} garbage",
        "{\"id\":1} {\"id\":2}",
        "{\"id\":1}}",
        "{\"id\":1}]",
        "  \n{\"id\":1}\n",
        // malformed inside fields
        "{\"id\":1,\"x\":[1,}",
        "{\"id\":1,\"x\":{\"a\" 1}}",
        "{\"id\":1,\"x\":{a:1}}",
        "{\"id\":1,\"x\":'a'}",
        "{\"id\":1,\"x\":tru}",
        "{\"id\":1,\"x\":\"a\\qb\"}",
        "{\"id\":1,\"name\":\"a\\qb\"}",
        "{\"id\":1,\"x\":\"a\tb\"}",
        "{\"id\":1,\"name\":\"a\u0001b\"}",
        "{\"id\":1,\"x\":[" + "1".repeat(1001) + "]}",
        "{\"id\":1,\"x\":" + "[".repeat(1001) + "]".repeat(1001) + "}",
        "{\"id\":1,\"x\":" + "[".repeat(999) + "]".repeat(999) + "}",
        "{\"id\":1,\"x\":\"\\uD83D\\uDE00 \\u00e9\\/\\\"\\\\\"}",
        "{\"id\":1,\"name\":\"\\uD83D\\uDE00 \\u00e9\\/\\\"\\\\\",\"slug\":\"\\uD83D\"}",
        "{\"id\":1,\"name\":\"\uD83D\uDE00\u00e9\u4e2d\"}",
        "{\"id\":1,/*c*/\"name\":\"a\"}",
        "{\"id\":1,\"name\":\"a\",}",
        "{\"id\":1 \"name\":\"a\"}");
  }

  @ParameterizedTest
  @MethodSource("edgeCases")
  void edgeCaseReadsOrFailsLikeDatabind(String json) {
    assertSameAsDatabind(utf8(json));
  }

  @Test
  void invalidUtf8AndOtherEncodingsFailOrReadLikeDatabind() {
    assertSameAsDatabind(
        new byte[] {
          '{',
          '"',
          'i',
          'd',
          '"',
          ':',
          '1',
          ',',
          '"',
          'n',
          'a',
          'm',
          'e',
          '"',
          ':',
          '"',
          (byte) 0xC3,
          '"',
          '}'
        });
    assertSameAsDatabind(
        new byte[] {
          '{',
          '"',
          'i',
          'd',
          '"',
          ':',
          '1',
          ',',
          '"',
          'x',
          '"',
          ':',
          '"',
          (byte) 0xF0,
          (byte) 0x9F,
          'a',
          '"',
          '}'
        });
    assertSameAsDatabind("{\"id\":1,\"name\":\"é\"}".getBytes(StandardCharsets.UTF_16BE));
    assertSameAsDatabind("{\"id\":1,\"name\":\"é\"}".getBytes(StandardCharsets.UTF_16));
    assertSameAsDatabind(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 'i', 'd', '"', ':', '1', '}'});
  }

  @Test
  void invalidUtf8InKnownAndUnknownFieldsAndNamesFailsOrReadsLikeDatabind() {
    int[][] sequences = {
      {0x80},
      {0xBF},
      {0xC0, 0x80},
      {0xC1, 0xBF},
      {0xC3},
      {0xC3, 0x28},
      {0xE0, 0x80, 0x80},
      {0xED, 0xA0, 0x80},
      {0xED, 0xBF, 0xBF},
      {0xEF, 0xBF, 0xBF},
      {0xE2, 0x82},
      {0xF0, 0x9F, 0x98},
      {0xF0, 0x80, 0x80, 0x80},
      {0xF4, 0x90, 0x80, 0x80},
      {0xF5, 0x80, 0x80, 0x80},
      {0xF8, 0x88, 0x80, 0x80, 0x80},
      {0xFE},
      {0xFF},
      {0x00},
      {0x1F},
      {0x7F}
    };
    String[][] templates = {
      {"{\"id\":1,\"name\":\"a", "b\"}"},
      {"{\"id\":1,\"x\":\"a", "b\"}"},
      {"{\"id\":1,\"x\":[\"", "\"]}"},
      {"{\"id\":1,\"x\":{\"k", "\":1}}"},
      {"{\"id\":1,\"k", "\":1}"},
      {"{\"id\":1,\"summary\":\"", "\"}"}
    };
    for (String[] t : templates) {
      for (int[] seq : sequences) {
        byte[] head = utf8(t[0]);
        byte[] tail = utf8(t[1]);
        byte[] json = new byte[head.length + seq.length + tail.length];
        System.arraycopy(head, 0, json, 0, head.length);
        for (int i = 0; i < seq.length; i++) {
          json[head.length + i] = (byte) seq[i];
        }
        System.arraycopy(tail, 0, json, head.length + seq.length, tail.length);
        assertSameAsDatabind(json);
      }
    }
  }

  @Test
  void anUnknownStringOverTheParsersLimitFailsInTheTrimmedReadToo() {
    int limit = Json.mapper().getFactory().streamReadConstraints().getMaxStringLength();
    byte[] json = utf8("{\"id\":1,\"x\":\"" + "a".repeat(limit + 1) + "\"}");
    CodecAssertions.Outcome expected = assertSameAsDatabind(json);
    assertThat(expected.error()).hasMessageContaining("String value length");
  }

  @Test
  void nullInputFailsLikeDatabind() {
    CodecAssertions.Outcome expected =
        CodecAssertions.outcome(b -> Json.mapper().readValue(b, IgdbGame.class), null);
    for (CodecAssertions.Read read :
        new CodecAssertions.Read[] {IgdbGameReader::read, IgdbGameReader::readTrimmed}) {
      CodecAssertions.Outcome actual = CodecAssertions.outcome(read, null);
      assertThat(actual.error()).isInstanceOf(expected.error().getClass());
      assertThat(actual.error().getMessage()).isEqualTo(expected.error().getMessage());
    }
  }

  @Test
  void unknownFieldsKeepDatabindsOrderAndFirstValueOfADuplicate() throws IOException {
    IgdbGame g = IgdbGameReader.read(utf8("{\"b\":1,\"id\":1,\"a\":2,\"c\":null,\"b\":3}"));
    // databind applies buffered unknown fields last first
    assertThat(new ArrayList<>(g.other().keySet())).containsExactly("b", "c", "a");
    assertThat(g.other().get("b").asInt()).isEqualTo(1);
    assertThat(g.other().get("c").isNull()).isTrue();
  }

  @Test
  void theFastPathGivesUpOnCoercions() {
    assertThat(IgdbGameReader.tryFast(utf8("{\"id\":1,\"rating_count\":\"12\"}"), true)).isNull();
    assertThat(IgdbGameReader.tryFast(utf8("{\"id\":1,\"name\":1}"), true)).isNull();
    assertThat(IgdbGameReader.tryFast(utf8("{\"id\":1,\"hypes\":1.0}"), true)).isNull();
    assertThat(IgdbGameReader.tryFast(utf8("{\"id\":1,\"id\":1}"), true)).isNull();
    assertThat(IgdbGameReader.tryFast(utf8("{\"name\":\"a\"}"), true)).isNull();
    assertThat(IgdbGameReader.tryFast(utf8("{\"id\":1,\"x\":[1,}"), false)).isNull();
    assertThat(IgdbGameReader.tryFast(utf8("{\"id\":1,\"x\":[1],\"name\":\"n\"}"), false))
        .isNotNull();
  }
}
