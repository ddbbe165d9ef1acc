package io.gamedata.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.change.GameChangeEvent.Operation;
import io.gamedata.contracts.enriched.EnrichedGame;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonWritersTest {

  private static void assertSameBytes(EnrichedGame doc) throws JsonProcessingException {
    byte[] expected = Json.mapper().writeValueAsBytes(doc);
    byte[] actual = EnrichedGameWriter.write(doc);
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(actual).isEqualTo(expected);
  }

  private static void assertSameBytes(GameChangeEvent event) throws JsonProcessingException {
    byte[] expected = Json.mapper().writeValueAsBytes(event);
    byte[] actual = GameChangeEventWriter.write(event);
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void emptyAndFullDocumentsAreWrittenAsDatabindWritesThem() throws Exception {
    assertSameBytes(EnrichedGame.builder(0).build());
    assertSameBytes(EnrichedGame.builder(Long.MIN_VALUE).build());
    SplittableRandom r = new SplittableRandom(1);
    EnrichedGame full = randomDoc(r, true);
    assertSameBytes(full);
    String json = new String(EnrichedGameWriter.write(full), StandardCharsets.UTF_8);
    assertThat(json).startsWith("{\"schema_version\":1,\"id\":");
  }

  @Test
  void randomDocumentsAreWrittenAsDatabindWritesThem() throws Exception {
    SplittableRandom r = new SplittableRandom(20261129);
    for (int i = 0; i < 3_000; i++) {
      assertSameBytes(randomDoc(r, r.nextInt(10) == 0));
    }
  }

  @Test
  void instantsAndDoublesOfEveryShapeAreWrittenAsDatabindWritesThem() throws Exception {
    Instant[] instants = {
      Instant.EPOCH,
      Instant.ofEpochSecond(1_700_000_000L),
      Instant.ofEpochSecond(1_700_000_000L, 1),
      Instant.ofEpochSecond(1_700_000_000L, 120_000_000),
      Instant.ofEpochSecond(1_700_000_000L, 123_456_789),
      Instant.ofEpochSecond(1_700_000_000L, 500),
      Instant.ofEpochSecond(-1, 999_999_999),
      Instant.ofEpochSecond(-100_000_000_000L),
      Instant.ofEpochSecond(300_000_000_000L),
      Instant.MIN,
      Instant.MAX
    };
    double[] doubles = {
      0.0,
      -0.0,
      0.1,
      1e20,
      1e-7,
      100.0,
      97.63716668231945,
      Double.MAX_VALUE,
      Double.MIN_VALUE,
      -1.5,
      1e16,
      12345678.9,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    for (Instant instant : instants) {
      for (double d : doubles) {
        assertSameBytes(
            EnrichedGame.builder(1)
                .createdAt(instant)
                .updatedAt(instant)
                .firstReleaseDate(instant)
                .rating(d)
                .totalRating(d)
                .aggregatedRating(d)
                .build());
      }
      assertSameBytes(
          GameChangeEvent.of(1, Operation.UPDATED, List.of("name"), instant, "h1", "h0"));
    }
  }

  @Test
  void theFastInstantFormatIsIsoInstant() {
    SplittableRandom r = new SplittableRandom(17);
    char[] buf = new char[30];
    long maxSecond = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    int fast = 0;
    for (int i = 0; i < 200_000; i++) {
      long seconds =
          switch (r.nextInt(5)) {
            case 0 -> r.nextLong(-maxSecond, 2 * maxSecond);
            case 1 -> maxSecond - r.nextInt(100_000);
            case 2 -> r.nextInt(100_000);
            default -> r.nextLong(4_000_000_000L);
          };
      int nanos =
          switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextInt(1000) * 1_000_000;
            case 2 -> r.nextInt(1_000_000) * 1000;
            default -> r.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      int len = JsonWriting.isoInstant(instant, buf);
      if (len > 0) {
        assertThat(new String(buf, 0, len))
            .isEqualTo(java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant));
        fast++;
      } else {
        assertThat(seconds < 0 || seconds > maxSecond).as(instant.toString()).isTrue();
      }
    }
    assertThat(fast).isGreaterThan(100_000);
    assertThat(JsonWriting.isoInstant(Instant.ofEpochSecond(maxSecond, 999_999_999), buf))
        .isEqualTo(30);
  }

  @Test
  void changeEventsOfEveryOperationAreWrittenAsDatabindWritesThem() throws Exception {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 2_000; i++) {
      Operation op = Operation.values()[r.nextInt(3)];
      List<String> changed = new ArrayList<>();
      int n = r.nextInt(4) == 0 ? 0 : r.nextInt(8);
      for (int k = 0; k < n; k++) {
        changed.add(RandomGames.text(r));
      }
      GameChangeEvent event =
          GameChangeEvent.of(
              r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(400_000),
              op,
              r.nextInt(10) == 0 ? null : changed,
              r.nextInt(3) == 0 ? null : instant(r),
              r.nextInt(3) == 0 ? null : RandomGames.text(r),
              r.nextInt(3) == 0 ? null : RandomGames.text(r));
      assertSameBytes(event);
    }
    assertSameBytes(new GameChangeEvent(null, 5, null, null, null, null, null));
  }

  private static Instant instant(SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> Instant.ofEpochSecond(r.nextLong(-10_000_000_000L, 10_000_000_000L));
      case 1 -> Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(1_000_000_000));
      case 2 -> Instant.ofEpochMilli(r.nextLong(4_000_000_000_000L));
      default -> Instant.ofEpochSecond(r.nextInt(2_000_000_000));
    };
  }

  private static String maybeText(SplittableRandom r, boolean full) {
    return full || r.nextInt(4) > 0 ? RandomGames.text(r) : null;
  }

  private static <T> T maybe(SplittableRandom r, boolean full, T value) {
    return full || r.nextInt(4) > 0 ? value : null;
  }

  private static List<String> strings(SplittableRandom r, boolean full) {
    if (!full && r.nextInt(5) == 0) {
      return null;
    }
    int n = r.nextInt(3) == 0 ? 0 : r.nextInt(6);
    List<String> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(RandomGames.text(r));
    }
    return list;
  }

  private static Double aDouble(SplittableRandom r) {
    return switch (r.nextInt(8)) {
      case 0 -> 0.1;
      case 1 -> 1e20;
      case 2 -> 100.0;
      case 3 -> -r.nextDouble() * 1e10;
      case 4 -> r.nextDouble() * Math.pow(10, r.nextInt(-300, 300));
      default -> r.nextDouble() * 100;
    };
  }

  private static Integer anInt(SplittableRandom r) {
    return r.nextInt(4) == 0 ? r.nextInt() : r.nextInt(3000);
  }

  private static Long aLong(SplittableRandom r) {
    return r.nextInt(4) == 0 ? r.nextLong() : (long) r.nextInt(400_000);
  }

  static EnrichedGame randomDoc(SplittableRandom r, boolean full) {
    List<Long> similar = new ArrayList<>();
    for (int i = 0, n = r.nextInt(10); i < n; i++) {
      similar.add(aLong(r));
    }
    return EnrichedGame.builder(aLong(r))
        .name(maybeText(r, full))
        .slug(maybeText(r, full))
        .summary(maybeText(r, full))
        .storyline(maybeText(r, full))
        .url(maybeText(r, full))
        .firstReleaseDate(maybe(r, full, instant(r)))
        .releaseYear(maybe(r, full, anInt(r)))
        .createdAt(maybe(r, full, instant(r)))
        .updatedAt(maybe(r, full, instant(r)))
        .rating(maybe(r, full, aDouble(r)))
        .ratingCount(maybe(r, full, anInt(r)))
        .aggregatedRating(maybe(r, full, aDouble(r)))
        .aggregatedRatingCount(maybe(r, full, anInt(r)))
        .totalRating(maybe(r, full, aDouble(r)))
        .totalRatingCount(maybe(r, full, anInt(r)))
        .hypes(maybe(r, full, anInt(r)))
        .gameTypeId(maybe(r, full, aLong(r)))
        .gameType(maybeText(r, full))
        .gameStatusId(maybe(r, full, aLong(r)))
        .gameStatus(maybeText(r, full))
        .parentGameId(maybe(r, full, aLong(r)))
        .versionParentId(maybe(r, full, aLong(r)))
        .versionTitle(maybeText(r, full))
        .genres(strings(r, full))
        .themes(strings(r, full))
        .gameModes(strings(r, full))
        .playerPerspectives(strings(r, full))
        .platforms(strings(r, full))
        .keywords(strings(r, full))
        .developers(strings(r, full))
        .publishers(strings(r, full))
        .franchises(strings(r, full))
        .collections(strings(r, full))
        .gameEngines(strings(r, full))
        .coverImageId(maybeText(r, full))
        .coverUrl(maybeText(r, full))
        .similarGames(maybe(r, full, similar))
        .missingReferences(strings(r, full))
        .sourceChecksum(maybeText(r, full))
        .contentHash(maybeText(r, full))
        .build();
  }
}
