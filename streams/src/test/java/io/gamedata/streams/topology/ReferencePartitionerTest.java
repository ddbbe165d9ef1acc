package io.gamedata.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.streams.domain.RefUpdate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferencePartitionerTest {

  final ReferencePartitioner partitioner = new ReferencePartitioner();

  @Test
  void everyAnnouncedChangeGoesToEveryPartition() {
    assertThat(partitioner.partitions("t", 12L, RefUpdate.named(IgdbEndpoint.GENRES, 12, "x"), 6))
        .contains(Set.of(0, 1, 2, 3, 4, 5));
    assertThat(partitioner.partitions("t", 9L, RefUpdate.deleted(IgdbEndpoint.COVERS, 9), 3))
        .contains(Set.of(0, 1, 2));
    assertThat(partitioner.partitions("t", 77L, RefUpdate.cover(77, "co", 5L), 2))
        .contains(Set.of(0, 1));
  }
}
