package io.gamedata.streams.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.streams.domain.RefUpdate;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RefUpdateSerdeTest {

  private final RefUpdateSerde serde = new RefUpdateSerde();

  private RefUpdate roundTrip(RefUpdate u) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", u));
  }

  @Test
  void roundTripsEveryKindOfUpdate() {
    RefUpdate named = RefUpdate.named(IgdbEndpoint.GENRES, 12, "Rôle-playing ☃");
    RefUpdate cover = RefUpdate.cover(142, "co42", 42L);
    RefUpdate ic = RefUpdate.involvedCompany(1420, 908, true, false, 42L);
    RefUpdate deleted = RefUpdate.deleted(IgdbEndpoint.COMPANIES, 908);
    RefUpdate orphanCover = RefUpdate.cover(143, "co43", null);
    for (RefUpdate u : new RefUpdate[] {named, cover, ic, deleted, orphanCover}) {
      assertThat(roundTrip(u)).isEqualTo(u);
    }
  }

  @Test
  void rejectsAnUnknownFormat() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {7, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("format 7");
  }
}
