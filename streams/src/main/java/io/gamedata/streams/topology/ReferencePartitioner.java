package io.gamedata.streams.topology;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions the internal reference topic like the games topic: an update keyed by a game goes to
 * the partition of that game (murmur2 of the 8-byte key, as Kafka's default partitioner does); an
 * update every game may use (named references, deletes) is multicast to all partitions.
 */
final class ReferencePartitioner implements StreamPartitioner<Long, RefUpdate> {

  private final LongSerializer keys = new LongSerializer();
  private volatile Set<Integer> all = Set.of();

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, Long key, RefUpdate value, int numPartitions) {
    if (value == null || value.broadcast()) {
      Set<Integer> every = all;
      if (every.size() != numPartitions) {
        every = IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet());
        all = every;
      }
      return Optional.of(every);
    }
    return Optional.of(Set.of(partitionOf(keys.serialize(topic, key), numPartitions)));
  }

  /** Kafka's default partition of a keyed record. */
  static int partitionOf(byte[] keyBytes, int numPartitions) {
    return Utils.toPositive(Utils.murmur2(keyBytes)) % numPartitions;
  }
}
