package io.gamedata.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.change.GameChangeEvent.Operation;
import io.gamedata.contracts.enriched.EnrichedGame;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The byte writers against databind on the edges of JSON string escaping (every control char,
 * quotes, DEL, Latin-1, line separators, CJK, surrogate pairs, lone surrogates), string lengths
 * around the short-string and 8-byte scanning boundaries and up to 100k chars, and numbers at their
 * limits.
 */
class JsonWriterEdgeCasesTest {

  /** One string of each char class the writer treats differently. */
  private static final List<String> SPECIALS = specials();

  private static List<String> specials() {
    List<String> s = new ArrayList<>();
    for (char c = 0; c < 0x20; c++) {
      s.add(String.valueOf(c));
    }
    for (String x :
        new String[] {
          "\"",
          "\\",
          "/",
          "?",
          "\u007f",
          "\u2028",
          "\u2029",
          "中",
          "日本語",
          "\u07ff",
          "\u0800",
          "\uffff",
          "\ufeff",
          "😀",
          "🎮",
          "\uD800",
          "\uDBFF",
          "\uDC00",
          "\uDFFF",
          "\uDC00\uD800",
          "\uD83D\uD83D",
          "a?\uD800",
          "é?",
          "?😀",
          "x",
          ""
        }) {
      s.add(x);
    }
    for (char c = 0x80; c <= 0xff; c++) {
      s.add(String.valueOf(c));
    }
    return s;
  }

  private static void assertSameBytes(EnrichedGame doc) throws Exception {
    assertSame(Json.mapper().writeValueAsBytes(doc), EnrichedGameWriter.write(doc));
  }

  private static void assertSameBytes(GameChangeEvent event) throws Exception {
    assertSame(Json.mapper().writeValueAsBytes(event), GameChangeEventWriter.write(event));
  }

  /** Equal bytes, or a failure showing both sides around the first difference. */
  private static void assertSame(byte[] expected, byte[] actual) {
    int at = java.util.Arrays.mismatch(expected, actual);
    if (at >= 0) {
      int from = Math.max(0, at - 60);
      String e = window(expected, from, at + 60);
      String a = window(actual, from, at + 60);
      assertThat(a)
          .as(
              "first difference at byte %d of %d (expected %d bytes)",
              at, actual.length, expected.length)
          .isEqualTo(e);
      assertThat(actual).isEqualTo(expected);
    }
  }

  private static String window(byte[] bytes, int from, int to) {
    int end = Math.min(bytes.length, to);
    return from >= end ? "" : new String(bytes, from, end - from, StandardCharsets.ISO_8859_1);
  }

  /** {@code s} in every string position of both writers. */
  private static void assertEverywhere(String s) throws Exception {
    assertSameBytes(
        EnrichedGame.builder(1)
            .name(s)
            .summary(s)
            .genres(List.of(s, "Adventure", s))
            .keywords(List.of(s))
            .contentHash(s)
            .build());
    assertSameBytes(
        new GameChangeEvent(s, 2, Operation.UPDATED, List.of(s, "name", s), null, s, s));
  }

  @Test
  void everySpecialCharIsWrittenAsDatabindWritesIt() throws Exception {
    for (String special : SPECIALS) {
      assertEverywhere(special);
      assertEverywhere(special + special);
      // at every offset of the 8-byte scan and around the short-string length
      for (int prefix : new int[] {0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 62, 63, 64, 65, 66, 200}) {
        String p = "a".repeat(prefix);
        assertEverywhere(p + special);
        assertEverywhere(special + p);
        assertEverywhere(p + special + "é" + p);
      }
    }
  }

  @Test
  void theWrittenCharClassesAreJacksonDefaults() throws Exception {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      all.append(c);
    }
    String json =
        new String(
            EnrichedGameWriter.write(EnrichedGame.builder(1).name(all + "\"\\/\u007f").build()),
            StandardCharsets.UTF_8);
    assertThat(json)
        .contains(
            "\"name\":\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000B"
                + "\\f\\r\\u000E\\u000F\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
                + "\\u0018\\u0019\\u001A\\u001B\\u001C\\u001D\\u001E\\u001F\\\"\\\\/\u007f\"");
    String emoji =
        new String(
            EnrichedGameWriter.write(EnrichedGame.builder(1).name("😀\uD800é\u2028").build()),
            StandardCharsets.UTF_8);
    assertThat(emoji).contains("\"name\":\"\\uD83D\\uDE00\\uD800é\u2028\"");
  }

  @Test
  void randomStringsOfEveryCharClassAreWrittenAsDatabindWritesThem() throws Exception {
    SplittableRandom r = new SplittableRandom(4242);
    for (int i = 0; i < 3_000; i++) {
      assertSameBytes(
          EnrichedGame.builder(i)
              .name(mixed(r))
              .slug(mixed(r))
              .summary(mixed(r))
              .storyline(mixed(r))
              .gameType(mixed(r))
              .genres(List.of(mixed(r), mixed(r)))
              .platforms(List.of(mixed(r)))
              .coverUrl(mixed(r))
              .build());
      assertSameBytes(
          new GameChangeEvent(
              mixed(r),
              i,
              Operation.values()[i % 3],
              List.of(mixed(r), "summary", mixed(r)),
              Instant.ofEpochSecond(r.nextLong(4_000_000_000L)),
              mixed(r),
              mixed(r)));
    }
  }

  /** A random string from ASCII words and every special char, short or long. */
  private static String mixed(SplittableRandom r) {
    int pieces =
        switch (r.nextInt(4)) {
          case 0 -> r.nextInt(3);
          case 1 -> r.nextInt(10);
          case 2 -> r.nextInt(40);
          default -> r.nextInt(300);
        };
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      int kind = r.nextInt(10);
      if (kind < 6) {
        sb.append("abcdefghijklmnop ABCDEFG 0123456789,.:-".substring(r.nextInt(20)));
      } else if (kind < 9) {
        sb.append(SPECIALS.get(r.nextInt(SPECIALS.size())));
      } else {
        sb.append((char) r.nextInt(0x10000));
      }
    }
    return sb.toString();
  }

  @Test
  void veryLongStringsCrossTheBufferGrowth() throws Exception {
    String ascii = "The long storyline. ".repeat(5_000);
    for (String tail : new String[] {"", "\n", "é", "😀", "\uD800", "\"", "?"}) {
      String big = ascii + tail;
      assertThat(big.length()).isGreaterThanOrEqualTo(100_000);
      assertEverywhere(big);
      assertEverywhere(tail + big);
    }
    assertEverywhere("\u0001".repeat(100_000)); // six bytes out per char in
    assertEverywhere("😀".repeat(50_000));
    assertEverywhere("中".repeat(100_000));
    // a small document after the big ones: the thread's buffer is reused or replaced cleanly
    assertSameBytes(EnrichedGame.builder(3).name("small").build());
    assertSameBytes(GameChangeEvent.of(3, Operation.DELETED, List.of(), null, null, "h"));
  }

  @Test
  void numbersAtTheirLimitsAreWrittenAsDatabindWritesThem() throws Exception {
    double[] doubles = {
      0.0,
      -0.0,
      1e-7,
      1e21,
      123.456,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      Double.MIN_NORMAL,
      1e-3,
      0.00099999,
      1e7,
      9999999.999,
      2e22,
      1e23,
      2.82879384806159E17,
      -123456789.123
    };
    long[] longs = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, Integer.MIN_VALUE, 1L << 53};
    int[] ints = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 999_999_999, 1_000_000_000};
    for (int i = 0; i < doubles.length; i++) {
      long l = longs[i % longs.length];
      int n = ints[i % ints.length];
      assertSameBytes(
          EnrichedGame.builder(l)
              .rating(doubles[i])
              .totalRating(-doubles[i])
              .aggregatedRating(doubles[doubles.length - 1 - i])
              .releaseYear(n)
              .ratingCount(n)
              .hypes(ints[(i + 1) % ints.length])
              .gameTypeId(l)
              .parentGameId(longs[(i + 1) % longs.length])
              .similarGames(List.of(l, Long.MIN_VALUE, Long.MAX_VALUE, 0L))
              .build());
      assertSameBytes(GameChangeEvent.of(l, Operation.CREATED, List.of(), null, "h", null));
    }
    SplittableRandom r = new SplittableRandom(99);
    for (int i = 0; i < 3_000; i++) {
      assertSameBytes(
          EnrichedGame.builder(r.nextLong())
              .rating(Double.longBitsToDouble(r.nextLong()))
              .totalRating(r.nextDouble() * Math.pow(10, r.nextInt(-12, 25)))
              .ratingCount(r.nextInt())
              .gameStatusId(r.nextLong())
              .similarGames(List.of(r.nextLong(), (long) r.nextInt()))
              .build());
    }
  }

  @Test
  void nullComponentsAndEmptyListsAreWrittenAsDatabindWritesThem() throws Exception {
    assertSameBytes(EnrichedGame.builder(7).build());
    assertSameBytes(EnrichedGame.builder(7).genres(null).similarGames(null).build());
    assertSameBytes(EnrichedGame.builder(7).genres(List.of()).similarGames(List.of()).build());
    String empty = new String(EnrichedGameWriter.write(EnrichedGame.builder(7).build()));
    assertThat(empty).contains("\"genres\":[]").contains("\"similar_games\":[]");
    assertThat(empty).doesNotContain("null").doesNotContain("\"name\"");
    assertSameBytes(new GameChangeEvent(null, 5, null, null, null, null, null));
    assertSameBytes(new GameChangeEvent(null, 5, Operation.DELETED, List.of(), null, null, null));
    assertSameBytes(new GameChangeEvent("", 0, Operation.CREATED, List.of(""), null, "", ""));
    assertThat(
            new String(
                GameChangeEventWriter.write(
                    new GameChangeEvent(null, 5, null, null, null, null, null))))
        .isEqualTo("{\"game_id\":5,\"changed_fields\":[]}");
  }

  @Test
  void realGameTextsAreWrittenAsDatabindWritesThem() throws Exception {
    com.fasterxml.jackson.databind.JsonNode games;
    try (var in = getClass().getResourceAsStream("/igdb/games-2026.json")) {
      games = Json.mapper().readTree(in);
    }
    int texts = 0;
    for (var g : games) {
      List<String> all = new ArrayList<>();
      for (String field : new String[] {"name", "slug", "summary", "storyline", "url"}) {
        all.add(g.hasNonNull(field) ? g.get(field).asText() : null);
      }
      texts += all.stream().filter(t -> t != null && t.length() > SHORT_LIMIT).count();
      assertSameBytes(
          EnrichedGame.builder(g.path("id").asLong())
              .name(all.get(0))
              .slug(all.get(1))
              .summary(all.get(2))
              .storyline(all.get(3))
              .url(all.get(4))
              .rating(g.hasNonNull("rating") ? g.get("rating").asDouble() : null)
              .totalRating(g.hasNonNull("total_rating") ? g.get("total_rating").asDouble() : null)
              .keywords(all.stream().filter(t -> t != null).toList())
              .build());
    }
    assertThat(texts).as("long texts in the sample").isGreaterThan(20);
  }

  /** The short-string length of {@code JsonBytes}: longer strings take the scanning path. */
  private static final int SHORT_LIMIT = 64;

  @Test
  void listsWithNullElementsAreWrittenAsDatabindWritesThem() throws Exception {
    // the records copy their lists with List.copyOf (no nulls), so this goes to JsonBytes directly
    List<String> strings = java.util.Arrays.asList(null, "a", null, "é\n", null);
    List<Long> longs = java.util.Arrays.asList(null, Long.MIN_VALUE, null, 7L);
    JsonBytes out = JsonBytes.start();
    out.strings(JsonBytes.name("s"), strings);
    out.longs(JsonBytes.name("l"), longs);
    out.strings(JsonBytes.name("e"), List.of());
    out.strings(JsonBytes.name("n"), null);
    var expected = new java.util.LinkedHashMap<String, Object>();
    expected.put("s", strings);
    expected.put("l", longs);
    expected.put("e", List.of());
    assertSame(Json.mapper().writeValueAsBytes(expected), out.finish());
  }

  @Test
  void everyDocumentFieldNameIsACopiedChangedFieldAsDatabindWritesIt() throws Exception {
    List<String> names = new ArrayList<>(EnrichedGameWriter.QUOTED_NAMES.keySet());
    assertThat(names).hasSize(EnrichedGame.class.getRecordComponents().length);
    var tree = Json.mapper().valueToTree(EnrichedGame.builder(1).name("n").build());
    tree.fieldNames().forEachRemaining(n -> assertThat(names).contains(n));
    // equal strings that are not the writer's own instances (a deserialized event, say)
    names.addAll(names.stream().map(String::new).toList());
    names.add("not_a_field");
    names.add("name?");
    names.add("näme");
    assertSameBytes(GameChangeEvent.of(9, Operation.CREATED, names, Instant.EPOCH, "c", null));
  }

  @Test
  void threadsWritingAtOnceGetTheirOwnBytes() throws Exception {
    List<EnrichedGame> docs = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 400; i++) {
      docs.add(EnrichedGame.builder(i).name(mixed(r)).summary(mixed(r)).build());
    }
    List<byte[]> expected = new ArrayList<>();
    for (EnrichedGame d : docs) {
      expected.add(Json.mapper().writeValueAsBytes(d));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 100;
        results.add(
            pool.submit(
                () -> {
                  int same = 0;
                  for (int round = 0; round < 5; round++) {
                    for (int i = 0; i < docs.size(); i++) {
                      int k = (i + offset) % docs.size();
                      if (java.util.Arrays.equals(
                          EnrichedGameWriter.write(docs.get(k)), expected.get(k))) {
                        same++;
                      }
                    }
                  }
                  return same;
                }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get()).isEqualTo(5 * docs.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
