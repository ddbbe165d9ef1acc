package io.gamedata.recommender.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetSnapshotTest {

  @TempDir Path dir;

  @Test
  void writesAtomicallyAndReadsBack() {
    OffsetSnapshot s =
        new OffsetSnapshot(
            "games.enriched", "games.similar", 50, Map.of(0, 12L, 1, 7L), Instant.EPOCH);
    s.write(dir.resolve("state"));
    assertThat(OffsetSnapshot.read(dir.resolve("state"))).contains(s);
    assertThat(dir.resolve("state").resolve(OffsetSnapshot.FILE + ".tmp")).doesNotExist();
  }

  @Test
  void missingOrCorruptFilesMeanNoSnapshot() throws Exception {
    assertThat(OffsetSnapshot.read(dir)).isEmpty();
    Files.writeString(dir.resolve(OffsetSnapshot.FILE), "{not json");
    assertThat(OffsetSnapshot.read(dir)).isEmpty();
  }
}
