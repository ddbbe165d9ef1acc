package io.gamedata.contracts.json;

import static io.gamedata.contracts.json.CodecAssertions.assertSameAsDatabind;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gamedata.contracts.igdb.IgdbGame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level first tier of {@link IgdbGameReader}: what it reads itself (and reads like
 * databind), and what it leaves to the slower paths (which then answer like databind).
 */
class IgdbGameScannerTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  /** The scanner reads the input itself (in both modes when asked) and like databind. */
  private static IgdbGame assertScanned(byte[] json, boolean alsoKeepingOther) {
    assertSameAsDatabind(json);
    IgdbGame trimmed = IgdbGameScanner.scan(json, false);
    assertThat(trimmed).as("scanned (trimmed): %s", CodecAssertions.describe(json)).isNotNull();
    if (alsoKeepingOther) {
      IgdbGame full = IgdbGameScanner.scan(json, true);
      assertThat(full).as("scanned: %s", CodecAssertions.describe(json)).isNotNull();
      return full;
    }
    return trimmed;
  }

  private static IgdbGame assertScanned(String json) {
    return assertScanned(utf8(json), true);
  }

  /** The scanner leaves the input to the slower paths, which answer like databind. */
  private static void assertFallsBack(byte[] json) {
    assertThat(IgdbGameScanner.scan(json, true)).as(CodecAssertions.describe(json)).isNull();
    assertThat(IgdbGameScanner.scan(json, false)).as(CodecAssertions.describe(json)).isNull();
    assertSameAsDatabind(json);
  }

  private static void assertFallsBack(String json) {
    assertFallsBack(utf8(json));
  }

  @Test
  void everySampleGameIsScannedWhenTrimmed() throws IOException {
    List<byte[]> games = IgdbGameReaderTest.sampleGames();
    int withoutUnknownFields = 0;
    for (byte[] g : games) {
      assertScanned(g, false);
      List<String> names = new ArrayList<>();
      Json.mapper().readTree(g).fieldNames().forEachRemaining(names::add);
      if (Arrays.asList(IgdbGameReader.NAMES).containsAll(names)) {
        withoutUnknownFields++;
        assertScanned(g, true); // nothing to keep: scanned in full too
      }
    }
    assertThat(withoutUnknownFields).isPositive();
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("\\\"", "\""),
        Arguments.of("\\\\", "\\"),
        Arguments.of("\\/", "/"),
        Arguments.of("\\b", "\b"),
        Arguments.of("\\f", "\f"),
        Arguments.of("\\n", "\n"),
        Arguments.of("\\r", "\r"),
        Arguments.of("\\t", "\t"),
        Arguments.of("\\u0041", "A"),
        Arguments.of("\\u0000", "\u0000"),
        Arguments.of("\\u001f", "\u001f"),
        Arguments.of("\\u00e9\\u00E9", "éé"),
        Arguments.of("\\u4e2d", "中"),
        Arguments.of("\\uFFFF", "\uFFFF"),
        Arguments.of("\\uD83D\\uDE00", "😀"),
        Arguments.of("\\ud83d\\ude00", "😀"),
        Arguments.of("\\uD83D", "\uD83D"),
        Arguments.of("\\uDE00", "\uDE00"),
        Arguments.of("\\uDE00\\uD83D", "\uDE00\uD83D"),
        Arguments.of("\\uD83Dx", "\uD83Dx"),
        Arguments.of("a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti", "a\"b\\c/d\be\ff\ng\rh\ti"),
        Arguments.of("é\\n中\\t😀", "é\n中\t😀"));
  }

  @ParameterizedTest
  @MethodSource("escapes")
  void escapesAreDecodedLikeDatabind(String escaped, String decoded) {
    String[] escape = {escaped, decoded};
    String text = "x".repeat(20) + escape[0] + "y".repeat(9);
    IgdbGame g =
        assertScanned("{\"id\":1,\"name\":\"" + escape[0] + "\",\"summary\":\"" + text + "\"}");
    assertThat(g.name()).isEqualTo(escape[1]);
    assertThat(g.summary()).isEqualTo("x".repeat(20) + escape[1] + "y".repeat(9));
    // and skipped in unknown fields
    assertScanned(utf8("{\"id\":1,\"x\":[\"" + escape[0] + "\",{\"k\":\"" + text + "\"}]}"), false);
    // but not in names: the parser decodes them otherwise (a lone surrogate fails)
    assertFallsBack("{\"id\":1,\"x\":{\"" + escape[0] + "\":1}}");
    assertFallsBack("{\"id\":1,\"" + escape[0] + "\":1}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\\q", "\\'", "\\U0041", "\\u004g", "\\u00G1", "\\x41", "\\0", "\\ ", "\\u"})
  void otherEscapesFallBack(String escape) {
    assertFallsBack("{\"id\":1,\"name\":\"a" + escape + "b\"}");
    assertFallsBack("{\"id\":1,\"x\":\"a" + escape + "b\"}");
    assertFallsBack("{\"id\":1,\"name\":\"a" + escape);
  }

  @Test
  void validUtf8OfEveryLengthIsDecodedLikeDatabind() {
    int[] codePoints = {
      0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x4E2D, 0xD7FF, 0xE000, 0xFEFF, 0xFFFD, 0xFFFF, 0x10000,
      0x1F600, 0x10FFFF
    };
    for (int cp : codePoints) {
      String s = new String(Character.toChars(cp));
      IgdbGame g = assertScanned("{\"id\":1,\"name\":\"" + s + "\",\"slug\":\"a" + s + s + "b\"}");
      assertThat(g.name()).isEqualTo(s);
      assertThat(g.slug()).isEqualTo("a" + s + s + "b");
      assertScanned(utf8("{\"id\":1,\"x\":\"" + s + "\",\"y\":{\"" + s + "\":1}}"), false);
    }
  }

  @Test
  void invalidUtf8AndControlCharactersFallBack() {
    int[][] sequences = {
      {0x80},
      {0xBF},
      {0xC0, 0x80},
      {0xC1, 0xBF},
      {0xC2},
      {0xC3, 0x28},
      {0xE0, 0x80, 0x80},
      {0xE0, 0x9F, 0xBF},
      {0xED, 0xA0, 0x80},
      {0xED, 0xBF, 0xBF},
      {0xE2, 0x82},
      {0xF0, 0x9F, 0x98},
      {0xF0, 0x80, 0x80, 0x80},
      {0xF0, 0x8F, 0xBF, 0xBF},
      {0xF4, 0x90, 0x80, 0x80},
      {0xF5, 0x80, 0x80, 0x80},
      {0xF8, 0x88, 0x80, 0x80, 0x80},
      {0xFE},
      {0xFF},
      {0x00},
      {0x1F},
      {0x09},
      {0x0A}
    };
    String[][] templates = {
      {"{\"id\":1,\"name\":\"a", "b\"}"},
      {"{\"id\":1,\"name\":\"" + "a".repeat(17), "b\"}"},
      {"{\"id\":1,\"x\":\"a", "b\"}"},
      {"{\"id\":1,\"x\":[\"", "\"]}"},
      {"{\"id\":1,\"x\":{\"k", "\":1}}"},
      {"{\"id\":1,\"k", "\":1}"},
      {"{\"id\":1,\"name", "\":\"a\"}"},
      {"{\"id\":1,\"summary\":\"", ""}
    };
    for (String[] t : templates) {
      for (int[] seq : sequences) {
        assertFallsBack(concat(utf8(t[0]), bytes(seq), utf8(t[1])));
      }
    }
  }

  @Test
  void integersInRangeAreScannedAndTheRestFallsBack() {
    String[] longs = {
      "0",
      "7",
      "-7",
      "127",
      "128",
      "-129",
      "2147483648",
      "999999999999999999",
      "1000000000000000000",
      "-999999999999999999",
      "9223372036854775807",
      "-9223372036854775808",
      "9223372036854775799",
      "-9223372036854775807"
    };
    for (String n : longs) {
      long expected = Long.parseLong(n);
      IgdbGame g =
          assertScanned("{\"id\":" + n + ",\"cover\":" + n + ",\"genres\":[" + n + "," + n + "]}");
      assertThat(g.id()).isEqualTo(expected);
      assertThat(g.cover()).isEqualTo(expected);
      assertThat(g.genres()).containsExactly(expected, expected);
    }
    for (String n : new String[] {"0", "-1", "2147483647", "-2147483648"}) {
      IgdbGame g = assertScanned("{\"id\":1,\"hypes\":" + n + ",\"category\":" + n + "}");
      assertThat(g.hypes()).isEqualTo(Integer.parseInt(n));
    }
    String[] odd = {
      "9223372036854775808",
      "-9223372036854775809",
      "9223372036854775810",
      "10000000000000000000",
      "-10000000000000000000",
      "99999999999999999999999",
      "-0",
      "00",
      "01",
      "-01",
      "007",
      "+1",
      "1.0",
      "1.5",
      "-0.0",
      "1e2",
      "1E2",
      "1e+2",
      "1.0e0",
      "0e0",
      "-",
      "1-",
      "--1",
      ".5",
      "0x10",
      "1_000",
      "\"12\"",
      "true",
      "[]",
      "{}",
      "nul",
      "NaN",
      "Infinity"
    };
    for (String n : odd) {
      assertFallsBack("{\"id\":" + n + "}");
      assertFallsBack("{\"id\":1,\"cover\":" + n + "}");
      assertFallsBack("{\"id\":1,\"genres\":[1," + n + "]}");
      assertFallsBack("{\"id\":1,\"hypes\":" + n + "}");
    }
    for (String n : new String[] {"2147483648", "-2147483649", "9223372036854775807"}) {
      assertFallsBack("{\"id\":1,\"rating_count\":" + n + "}");
      assertFallsBack("{\"id\":1,\"follows\":" + n + "}");
    }
  }

  @Test
  void randomIntegersOfEveryLengthAreScannedExactly() {
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 20_000; i++) {
      int length = random.nextInt(1, 20);
      StringBuilder digits = new StringBuilder().append(random.nextInt(1, 10));
      for (int k = 1; k < length; k++) {
        digits.append(random.nextInt(10));
      }
      String n = (random.nextBoolean() ? "-" : "") + digits;
      boolean inRange;
      long expected = 0;
      try {
        expected = Long.parseLong(n);
        inRange = true;
      } catch (NumberFormatException e) {
        inRange = false;
      }
      // at the end of the input (fewer than eight bytes left) and amid it
      String pad = " ".repeat(random.nextInt(3));
      String json =
          random.nextBoolean()
              ? "{\"genres\":[" + n + "]," + pad + "\"id\":" + n + "}"
              : "{\"id\":" + n + pad + "," + "\"name\":\"" + "x".repeat(random.nextInt(9)) + "\"}";
      IgdbGame g = IgdbGameScanner.scan(utf8(json), true);
      if (inRange) {
        assertThat(g).as(json).isNotNull();
        assertThat(g.id()).as(json).isEqualTo(expected);
      } else {
        assertThat(g).as(json).isNull();
      }
    }
    for (String n : new String[] {"0", "00", "01", "-0", "-00", "0.5", "10", "100000000"}) {
      for (String tail : new String[] {"}", ",\"name\":null}", " } ", "}" + " ".repeat(10)}) {
        byte[] json = utf8("{\"id\":" + n + tail);
        assertSameAsDatabind(json);
        assertThat(IgdbGameScanner.scan(json, true) != null)
            .as(n + tail)
            .isEqualTo(n.equals("0") || n.equals("10") || n.equals("100000000"));
      }
    }
  }

  @Test
  void ratingsAreTheDoublesDatabindReads() {
    String[] scanned = {
      "0",
      "1",
      "-1",
      "100",
      "123456789012345",
      "-123456789012345",
      "0.0",
      "-0.0",
      "0.1",
      "87.5",
      "99.99999999999999",
      "84.2760926037177",
      "1e20",
      "1E20",
      "1e+20",
      "1e-7",
      "1.5E-7",
      "-1.5e-7",
      "0.000001",
      "1e22",
      "1e23",
      "1e-22",
      "1e-23",
      "4.9e-324",
      "1.7976931348623157e308",
      "1e308",
      "1e309",
      "1e400",
      "-1e400",
      "1e-400",
      "-1e-400",
      "0e0",
      "-0e0",
      "0.0e5",
      "0.1234567890123456789",
      "12345678901234567890.5",
      "9007199254740993.0",
      "2.2250738585072011e-308",
      "1" + "0".repeat(50) + ".0"
    };
    for (String text : scanned) {
      IgdbGame g =
          assertScanned("{\"id\":1,\"rating\":" + text + ",\"total_rating\":" + text + "}");
      assertThat(Double.doubleToRawLongBits(g.rating()))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
    String[] fallBack = {
      "-0",
      "1234567890123456",
      "123456789012345678",
      "12345678901234567890",
      "01",
      "-01",
      "01.5",
      "1.",
      "-.5",
      ".5",
      "1e",
      "1e+",
      "1.e5",
      "+1",
      "1.5.5",
      "--1",
      "-",
      "NaN",
      "Infinity",
      "-Infinity",
      "\"1.5\"",
      "true",
      "0x1p3",
      "1" + "0".repeat(120) + ".0"
    };
    for (String text : fallBack) {
      assertFallsBack("{\"id\":1,\"rating\":" + text + "}");
    }
  }

  @Test
  void randomRatingsAreTheDoublesDatabindReads() throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    int scanned = 0;
    for (int i = 0; i < 20_000; i++) {
      String text =
          switch (random.nextInt(5)) {
            case 0 -> Double.toString(Double.longBitsToDouble(random.nextLong()));
            case 1 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)));
            case 2 ->
                String.format(
                    java.util.Locale.ROOT,
                    "%." + random.nextInt(20) + "f",
                    random.nextDouble() * 100);
            case 3 -> random.nextInt(1, 1_000_000) + "." + random.nextInt(1_000_000);
            default ->
                (random.nextBoolean() ? "-" : "")
                    + random.nextInt(1, 10)
                    + "."
                    + Long.toString(random.nextLong(1_000_000_000L, Long.MAX_VALUE)).substring(1)
                    + "e"
                    + random.nextInt(-330, 330);
          };
      if (text.contains("N") || text.contains("I")) {
        continue; // NaN, Infinity
      }
      byte[] json = utf8("{\"id\":1,\"rating\":" + text + "}");
      IgdbGame expected = Json.mapper().readValue(json, IgdbGame.class);
      IgdbGame g = IgdbGameScanner.scan(json, false);
      if (g != null) {
        scanned++;
        assertThat(Double.doubleToRawLongBits(g.rating()))
            .as(text)
            .isEqualTo(Double.doubleToRawLongBits(expected.rating()));
      }
    }
    assertThat(scanned).isGreaterThan(19_000);
  }

  @Test
  void nullInEveryFieldButIdIsScanned() {
    for (int i = 1; i < IgdbGameReader.NAMES.length; i++) {
      IgdbGame g = assertScanned("{\"id\":1,\"" + IgdbGameReader.NAMES[i] + "\":null}");
      assertThat(g).isEqualTo(IgdbGameScanner.scan(utf8("{\"id\":1}"), true));
    }
    assertFallsBack("{\"id\":null}");
    assertFallsBack("{\"id\":1,\"name\":nul}");
    assertFallsBack("{\"id\":1,\"name\":nullx}");
    assertFallsBack("{\"id\":1,\"name\":Null}");
  }

  @Test
  void everyListFieldTakesEmptyArraysNullsAndWhitespace() {
    for (int i = 24; i <= 37; i++) {
      String name = IgdbGameReader.NAMES[i];
      for (String list :
          new String[] {
            "[]", "[ ]", "[null]", "[1,null,3]", "[null,null]", " [ 1 , null ,\n2 ] "
          }) {
        assertScanned("{\"id\":1,\"" + name + "\":" + list + "}");
      }
      StringBuilder many = new StringBuilder("[");
      for (int k = 0; k < 5000; k++) {
        many.append(k == 0 ? "" : ",").append(k % 97 == 0 ? "null" : Integer.toString(k * 7919));
      }
      IgdbGame g = assertScanned("{\"id\":1,\"" + name + "\":" + many + "]}");
      assertThat(g).isNotNull();
      // longer than the scratch array, without nulls and with a late null
      StringBuilder ids = new StringBuilder("[");
      for (int k = 0; k < 40; k++) {
        ids.append(k == 0 ? "" : ",").append(k * 1_000_003L);
      }
      assertScanned("{\"id\":1,\"" + name + "\":" + ids + "]}");
      assertScanned("{\"id\":1,\"" + name + "\":" + ids + ",null]}");
      assertScanned("{\"id\":1,\"" + name + "\":" + ids + ",null,-5]}");
      for (String bad : new String[] {"[1,]", "[,1]", "[1 2]", "[[1]]", "[\"1\"]", "[1", "["}) {
        assertFallsBack("{\"id\":1,\"" + name + "\":" + bad + "}");
      }
    }
  }

  @Test
  void duplicatesOfKnownFieldsFallBackAndOfUnknownFieldsAreSkippedWhenTrimmed() {
    for (String name : IgdbGameReader.NAMES) {
      String value = name.equals("id") ? "1" : "null";
      assertFallsBack("{\"id\":1,\"" + name + "\":" + value + ",\"" + name + "\":" + value + "}");
    }
    byte[] json = utf8("{\"id\":1,\"x\":1,\"x\":[2],\"y\":{\"a\":1,\"a\":2}}");
    assertScanned(json, false);
    assertThat(IgdbGameScanner.scan(json, true)).isNull(); // unknown fields kept: the parser path
  }

  @Test
  void unknownFieldsWithNestedValuesAreSkippedWhenTrimmed() {
    String nested =
        "{\"id\":1,\"x\":{\"a\":[1,{\"b\":null},[],{}],\"c\":\"é\\n\\u0041\",\"d\":-1.5e-3,"
            + "\"e\":0,\"f\":-0,\"g\":1E+400,\"h\":99999999999999999999999},\"y\":[],\"z\":{},"
            + "\"w\":true,\"v\":false,\"u\":null,\"t\":\"\",\"\":1,\"name\":\"n\"}";
    IgdbGame g = assertScanned(utf8(nested), false);
    assertThat(g.name()).isEqualTo("n");
    assertThat(IgdbGameScanner.scan(utf8(nested), true)).isNull();
    String deep = "[".repeat(150) + "]".repeat(150);
    assertScanned(utf8("{\"id\":1,\"x\":" + deep + "}"), false);
    for (String bad :
        new String[] {
          "[".repeat(250) + "]".repeat(250),
          "[".repeat(1001) + "]".repeat(1001),
          "[1,]",
          "{\"a\":1,}",
          "{\"a\" 1}",
          "{a:1}",
          "'a'",
          "tru",
          "truex",
          "nulll",
          "fals",
          "01",
          "1.",
          "-",
          "[1 2]",
          "{\"a\":1 \"b\":2}",
          "1" + "0".repeat(150),
          "\"a\tb\"",
          "NaN",
          "{\"a\":}",
          "["
        }) {
      assertFallsBack("{\"id\":1,\"x\":" + bad + "}");
    }
  }

  @Test
  void namesTheScannerDoesNotMatchFallBack() {
    assertFallsBack("{\"id\":1,\"other\":{\"a\":1}}");
    assertFallsBack("{\"\\u0069d\":1}");
    assertFallsBack("{\"id\":1,\"na\\u006de\":\"a\"}");
    assertFallsBack("{\"id\":1,\"ключ\":1}");
    assertFallsBack("{\"id\":1,\"x\":1,\"other\":null}");
    // near misses of known names are unknown fields
    for (String name :
        new String[] {"i", "ids", "Id", "nam", "names", "game_type_", "collection_"}) {
      IgdbGame g = assertScanned(utf8("{\"id\":1,\"" + name + "\":\"a\"}"), false);
      assertThat(g.name()).isNull();
    }
  }

  @Test
  void whitespaceBetweenEveryTokenIsScanned() throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    for (byte[] g : IgdbGameReaderTest.sampleGames()) {
      for (int k = 0; k < 3; k++) {
        assertScanned(rewrite(Json.mapper().readTree(g), random), false);
      }
    }
  }

  @Test
  void otherWhitespaceAndTrailingContentFallBack() {
    for (String ws : new String[] {"\f", "\u000b", "\u00a0", "\u2028", "\u0000", "\u001f"}) {
      assertFallsBack(ws + "{\"id\":1}");
      assertFallsBack("{" + ws + "\"id\":1}");
      assertFallsBack("{\"id\":" + ws + "1}");
      assertFallsBack("{\"id\":1" + ws + "}");
      assertFallsBack("{\"id\":1}" + ws);
    }
    assertScanned(" \t\r\n{ \t\r\n\"id\" \t\r\n: \t\r\n1 \t\r\n} \t\r\n");
    for (String tail : new String[] {"x", "}", "]", ",", "{\"id\":2}", "null", "/"}) {
      assertFallsBack("{\"id\":1}" + tail);
      assertFallsBack("{\"id\":1} \n" + tail);
    }
    for (String root : new String[] {"", " ", "null", "[]", "[{\"id\":1}]", "\"x\"", "1", "{}"}) {
      assertFallsBack(root);
    }
    assertFallsBack(bytes(0xEF, 0xBB, 0xBF, '{', '"', 'i', 'd', '"', ':', '1', '}'));
    assertFallsBack("{\"id\":1,\"name\":\"é\"}".getBytes(StandardCharsets.UTF_16BE));
    assertFallsBack("{\"id\":1,\"name\":\"é\"}".getBytes(StandardCharsets.UTF_16LE));
  }

  @Test
  void truncationsAtEveryByteReadOrFailLikeDatabind() throws IOException {
    List<byte[]> inputs = new ArrayList<>();
    List<byte[]> samples = IgdbGameReaderTest.sampleGames();
    inputs.add(samples.get(0));
    inputs.add(samples.get(samples.size() - 1));
    inputs.add(rewrite(Json.mapper().readTree(samples.get(1)), new SplittableRandom(3)));
    inputs.add(
        utf8(
            "{\"id\":-9223372036854775808,\"name\":\"é中😀\\uD83D\\uDE00\\n\",\"rating\":-1.5e-7,"
                + "\"genres\":[1,null,-3],\"x\":{\"a\":[true,false,null,\"\\u0041\"]},"
                + "\"hypes\":2147483647} "));
    for (byte[] input : inputs) {
      for (int cut = 0; cut <= input.length; cut++) {
        assertSameAsDatabind(Arrays.copyOf(input, cut));
      }
    }
  }

  @Test
  void randomGamesAreMostlyScannedWhenTrimmed() {
    SplittableRandom random = new SplittableRandom(99);
    int scanned = 0;
    int games = 2_000;
    for (int i = 0; i < games; i++) {
      byte[] json = utf8(RandomGames.game(random));
      assertSameAsDatabind(json);
      if (IgdbGameScanner.scan(json, false) != null) {
        scanned++;
      }
    }
    // a random game has odd values now and then; still, the common shapes must be scanned
    assertThat(scanned).isGreaterThan(games / 10);
  }

  /** The tree as JSON with random JSON whitespace between every two tokens. */
  private static byte[] rewrite(JsonNode node, SplittableRandom random) throws IOException {
    StringBuilder sb = new StringBuilder();
    write(node, random, sb);
    return utf8(ws(random) + sb + ws(random));
  }

  private static String ws(SplittableRandom random) {
    String[] pieces = {"", " ", "\t", "\n", "\r", "\r\n", "  "};
    return pieces[random.nextInt(pieces.length)] + pieces[random.nextInt(pieces.length)];
  }

  private static void write(JsonNode node, SplittableRandom random, StringBuilder sb)
      throws IOException {
    if (node.isObject()) {
      sb.append('{').append(ws(random));
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      boolean first = true;
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (!first) {
          sb.append(ws(random)).append(',').append(ws(random));
        }
        first = false;
        sb.append(Json.mapper().writeValueAsString(f.getKey()));
        sb.append(ws(random)).append(':').append(ws(random));
        write(f.getValue(), random, sb);
      }
      sb.append(ws(random)).append('}');
    } else if (node.isArray()) {
      sb.append('[').append(ws(random));
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(ws(random)).append(',').append(ws(random));
        }
        write(node.get(i), random, sb);
      }
      sb.append(ws(random)).append(']');
    } else {
      sb.append(Json.mapper().writeValueAsString(node));
    }
  }
}
