package io.gamedata.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.LongSerializer;
import org.junit.jupiter.api.Test;

class ReferencePartitionerTest {

  final ReferencePartitioner partitioner = new ReferencePartitioner();

  @Test
  void namedReferencesAndDeletesGoToEveryPartition() {
    assertThat(partitioner.partitions("t", 12L, RefUpdate.named(IgdbEndpoint.GENRES, 12, "x"), 6))
        .contains(java.util.Set.of(0, 1, 2, 3, 4, 5));
    assertThat(partitioner.partitions("t", 9L, RefUpdate.deleted(IgdbEndpoint.COVERS, 9), 3))
        .contains(java.util.Set.of(0, 1, 2));
  }

  @Test
  void coversAndInvolvedCompaniesGoWhereTheProducerPutsTheirGame() {
    for (long game = 1; game < 500; game++) {
      int expected =
          BuiltInPartitioner.partitionForKey(new LongSerializer().serialize("t", game), 6);
      assertThat(partitioner.partitions("t", game, RefUpdate.cover(77, "co", game), 6))
          .contains(java.util.Set.of(expected));
    }
  }
}
