package io.gamedata.streams.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.serialization.LongSerializer;
import org.junit.jupiter.api.Test;

class ReferenceTableTest {

  private static byte[] key(long packed) {
    return new LongSerializer().serialize("t", packed);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void appliesPutsUpdatesAndDeletesOfTheChangelog() {
    ReferenceTable t = new ReferenceTable("refs");
    long big = 0x0B00_0000_0000_0007L; // an endpoint in the high byte, as Reference#packed packs it
    t.apply(key(big), utf8("Zelda é ✓"));
    t.apply(key(42), utf8("Action"));
    assertThat(t.get(big)).isEqualTo("Zelda é ✓");
    assertThat(t.get(42)).isEqualTo("Action");
    assertThat(t.size()).isEqualTo(2);

    t.apply(key(42), utf8("Adventure"));
    assertThat(t.get(42)).isEqualTo("Adventure");

    t.apply(key(42), null);
    assertThat(t.get(42)).isNull();
    assertThat(t.size()).isEqualTo(1);
    t.apply(key(42), null); // the delete of something absent
    assertThat(t.size()).isEqualTo(1);
  }

  @Test
  void ignoresKeysTheRouterNeverWrites() {
    ReferenceTable t = new ReferenceTable("refs");
    t.apply(null, utf8("x"));
    t.apply(new byte[] {1, 2, 3}, utf8("x"));
    assertThat(t.size()).isZero();
    assertThat(t.shows(new byte[] {1, 2, 3}, utf8("x"))).isTrue();
  }

  @Test
  void showsTellsWhetherAChangelogRecordIsApplied() {
    ReferenceTable t = new ReferenceTable("refs");
    assertThat(t.shows(key(5), utf8("a"))).isFalse();
    assertThat(t.shows(key(5), null)).isTrue();
    t.apply(key(5), utf8("a"));
    assertThat(t.shows(key(5), utf8("a"))).isTrue();
    assertThat(t.shows(key(5), utf8("b"))).isFalse();
    assertThat(t.shows(key(5), null)).isFalse();
  }

  @Test
  void isGlobalOnlyInMemoryAndEmptyAfterClose() {
    var builder = ReferenceTable.builder("refs");
    assertThat(builder.loggingEnabled()).isFalse();
    assertThat(builder.name()).isEqualTo("refs");
    assertThatThrownBy(() -> builder.withLoggingEnabled(Map.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(builder::withCachingEnabled)
        .isInstanceOf(UnsupportedOperationException.class);
    ReferenceTable t = builder.build();
    assertThat(t.persistent()).isFalse();
    t.apply(key(1), utf8("a"));
    t.close();
    assertThat(t.isOpen()).isFalse();
    assertThat(t.size()).isZero();
  }
}
