package io.gamedata.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentFingerprintTest {

  static EnrichedGame doc(String name, Instant updatedAt) {
    return EnrichedGame.builder(1)
        .name(name)
        .genres(List.of("Shooter"))
        .updatedAt(updatedAt)
        .sourceChecksum("c-" + updatedAt)
        .build();
  }

  @Test
  void updatedAtAndChecksumDoNotChangeTheContentHash() {
    long[] a = ContentFingerprint.fieldHashes(doc("A", Instant.ofEpochSecond(1)));
    long[] b = ContentFingerprint.fieldHashes(doc("A", Instant.ofEpochSecond(2)));
    assertThat(ContentFingerprint.contentHash(a)).isEqualTo(ContentFingerprint.contentHash(b));
    assertThat(ContentFingerprint.changedFields(a, b)).isEmpty();
  }

  @Test
  void changedFieldsNameWhatChanged() {
    long[] a = ContentFingerprint.fieldHashes(doc("A", Instant.ofEpochSecond(1)));
    long[] b =
        ContentFingerprint.fieldHashes(
            doc("B", Instant.ofEpochSecond(1)).toBuilder()
                .genres(List.of("Shooter", "RPG"))
                .build());
    assertThat(ContentFingerprint.contentHash(a)).isNotEqualTo(ContentFingerprint.contentHash(b));
    assertThat(ContentFingerprint.changedFields(a, b)).containsExactly("name", "genres");
  }

  @Test
  void listOrderAndNullVersusEmptyStringAreDifferentContent() {
    assertThat(ContentFingerprint.hash(List.of("a", "b")))
        .isNotEqualTo(ContentFingerprint.hash(List.of("b", "a")));
    assertThat(ContentFingerprint.hash(null)).isNotEqualTo(ContentFingerprint.hash(""));
    assertThat(ContentFingerprint.hash(1L)).isNotEqualTo(ContentFingerprint.hash(1));
  }

  static EnrichedGame full() {
    return EnrichedGame.builder(42)
        .name("Grim Fandango \u00e9\ud83c\udfae")
        .slug("grim-fandango")
        .summary("A noir adventure")
        .storyline("Manny")
        .url("https://www.igdb.com/games/grim-fandango")
        .firstReleaseDate(Instant.ofEpochSecond(909_273_600L))
        .releaseYear(1998)
        .createdAt(Instant.ofEpochSecond(1_297_956_069L))
        .updatedAt(Instant.ofEpochSecond(1_700_000_000L))
        .rating(91.5)
        .ratingCount(1200)
        .aggregatedRating(94.0)
        .aggregatedRatingCount(30)
        .totalRating(92.75)
        .totalRatingCount(1230)
        .hypes(7)
        .gameTypeId(0L)
        .gameType("Main Game")
        .gameStatusId(0L)
        .gameStatus("Released")
        .parentGameId(3L)
        .versionParentId(4L)
        .versionTitle("Remastered")
        .genres(List.of("Adventure", "Point-and-click"))
        .themes(List.of("Comedy"))
        .gameModes(List.of("Single player"))
        .playerPerspectives(List.of("Third person"))
        .platforms(List.of("PC (Microsoft Windows)", "PlayStation 4"))
        .keywords(List.of("noir", "afterlife"))
        .developers(List.of("LucasArts"))
        .publishers(List.of("LucasArts", "Double Fine"))
        .franchises(List.of("Grim"))
        .collections(List.of("Grim Fandango"))
        .gameEngines(List.of("GrimE"))
        .coverImageId("co1abc")
        .coverUrl("https://images.igdb.com/igdb/image/upload/t_cover_big/co1abc.jpg")
        .similarGames(List.of(5L, 6L, 7L))
        .missingReferences(List.of("keywords:9"))
        .sourceChecksum("abc")
        .build();
  }

  @Test
  void theWrittenOutHashesAreTheGenericWalkOverTheFields() {
    for (EnrichedGame d : List.of(full(), EnrichedGame.builder(1).build(), doc("x", null))) {
      assertThat(ContentFingerprint.fieldHashes(d))
          .containsExactly(ContentFingerprint.fieldHashesByAccessors(d));
      assertThat(ContentFingerprint.nonEmptyFields(ContentFingerprint.fieldHashes(d)))
          .isEqualTo(ContentFingerprint.nonEmptyFieldsByAccessors(d));
    }
    assertThat(ContentFingerprint.fieldHashes(full())).hasSize(ContentFingerprint.FIELDS.size());
    assertThat(ContentFingerprint.nonEmptyFields(ContentFingerprint.fieldHashes(full())))
        .hasSize(ContentFingerprint.FIELDS.size());
  }

  @Test
  void nonEmptyFieldsFromTheHashesMatchTheFieldsThemselves() {
    // every field in turn null, empty ("" or an empty list) or set, others at random
    java.util.Random random = new java.util.Random(11);
    for (int round = 0; round < 2_000; round++) {
      EnrichedGame.Builder b = EnrichedGame.builder(round);
      int pick = random.nextInt(3); // 0 null, 1 empty, 2 a value
      b.name(pick == 0 ? null : pick == 1 ? "" : "n" + round)
          .summary(random.nextBoolean() ? "" : null)
          .rating(random.nextBoolean() ? 0.0 : null)
          .ratingCount(random.nextBoolean() ? 0 : null)
          .releaseYear(random.nextBoolean() ? 1999 : null)
          .firstReleaseDate(random.nextBoolean() ? java.time.Instant.EPOCH : null)
          .gameTypeId(random.nextBoolean() ? 0L : null)
          .genres(random.nextBoolean() ? List.of() : List.of(""))
          .keywords(random.nextBoolean() ? List.of() : List.of("k"))
          .similarGames(random.nextBoolean() ? List.of() : List.of(0L))
          .missingReferences(random.nextBoolean() ? List.of() : List.of("themes:1"))
          .coverUrl(random.nextBoolean() ? null : "");
      EnrichedGame d = b.build();
      assertThat(ContentFingerprint.nonEmptyFields(ContentFingerprint.fieldHashes(d)))
          .isEqualTo(ContentFingerprint.nonEmptyFieldsByAccessors(d));
    }
  }

  @Test
  void theContentHashIsStableAcrossVersions() {
    // stored field hashes are compared with new ones: a changed function would report every field
    // of every game as changed once (the value is what the code that stored them so far computes)
    assertThat(ContentFingerprint.contentHash(ContentFingerprint.fieldHashes(full())))
        .isEqualTo(GOLDEN_FULL);
  }

  private static final String GOLDEN_FULL = "93ce246feb5c7422";

  @Test
  void referencesPackAndUnpack() {
    Reference r = Reference.of(io.gamedata.contracts.igdb.IgdbEndpoint.COMPANIES, 908);
    assertThat(Reference.unpack(r.packed())).isEqualTo(r);
    assertThat(r.toString()).isEqualTo("companies:908");
  }
}
