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

  @Test
  void referencesPackAndUnpack() {
    Reference r = Reference.of(io.gamedata.contracts.igdb.IgdbEndpoint.COMPANIES, 908);
    assertThat(Reference.unpack(r.packed())).isEqualTo(r);
    assertThat(r.toString()).isEqualTo("companies:908");
  }
}
