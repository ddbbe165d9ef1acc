package io.gamedata.streams.topology;

import io.gamedata.streams.domain.RefUpdate;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions the internal reference topic: every announced change goes to every game partition (any
 * game may use any reference, and the game's own partition would not reach a game whose cover or
 * involved company names another game). Changes are rare, so the multicast is cheap.
 */
final class ReferencePartitioner implements StreamPartitioner<Long, RefUpdate> {

  private volatile Set<Integer> all = Set.of();

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, Long key, RefUpdate value, int numPartitions) {
    Set<Integer> every = all;
    if (every.size() != numPartitions) {
      every = IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet());
      all = every;
    }
    return Optional.of(every);
  }
}
