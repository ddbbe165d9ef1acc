package io.gamedata.streams.runtime;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.streams.config.StreamsAppConfig;
import io.gamedata.streams.topology.ReferenceProgress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * {@link ReferenceProgress} from the consumers of this instance: caught up when every reference
 * partition assigned here (raw reference topics, internal {@code reference-updates} topic) has a
 * known lag of 0. A partition not fetched yet counts as not caught up. Recomputed at most every
 * {@value #REFRESH_MS} ms (the metrics scan is not free); callers read a volatile flag.
 */
final class ReferenceLag implements ReferenceProgress {

  static final long REFRESH_MS = 200;

  private final Set<String> topics = new HashSet<>();
  private final Supplier<KafkaStreams> streams;
  private volatile boolean caughtUp;
  private volatile long checkedAt;

  ReferenceLag(StreamsAppConfig config, Supplier<KafkaStreams> streams) {
    this.streams = streams;
    for (IgdbEndpoint e : IgdbEndpoint.references()) {
      topics.add(normalized(config.topics().raw(e)));
    }
    topics.add(normalized(ReferenceProgress.referenceUpdatesTopic(config.applicationId())));
  }

  @Override
  public boolean caughtUp() {
    long now = System.currentTimeMillis();
    if (now - checkedAt >= REFRESH_MS) {
      synchronized (this) {
        if (now - checkedAt >= REFRESH_MS) {
          caughtUp = compute();
          checkedAt = now;
        }
      }
    }
    return caughtUp;
  }

  private boolean compute() {
    KafkaStreams s = streams.get();
    if (s == null || s.state() != KafkaStreams.State.RUNNING) {
      return false;
    }
    Set<String> required = new HashSet<>();
    for (ThreadMetadata thread : s.metadataForLocalThreads()) {
      for (TaskMetadata task : thread.activeTasks()) {
        for (TopicPartition tp : task.topicPartitions()) {
          String topic = normalized(tp.topic());
          if (topics.contains(topic)) {
            required.add(topic + "/" + tp.partition());
          }
        }
      }
    }
    if (required.isEmpty()) {
      return false;
    }
    Map<String, Double> lags = new HashMap<>();
    for (Map.Entry<MetricName, ? extends Metric> e : s.metrics().entrySet()) {
      MetricName n = e.getKey();
      if (!"records-lag".equals(n.name())
          || !"consumer-fetch-manager-metrics".equals(n.group())
          || !n.tags().containsKey("partition")
          || n.tags().getOrDefault("client-id", "").contains("restore-consumer")) {
        continue;
      }
      String key = normalized(n.tags().getOrDefault("topic", "")) + "/" + n.tags().get("partition");
      if (required.contains(key) && e.getValue().metricValue() instanceof Double d) {
        lags.merge(key, d, (a, b) -> a.isNaN() || b.isNaN() ? Double.NaN : Math.max(a, b));
      }
    }
    for (String tp : required) {
      Double lag = lags.get(tp);
      if (lag == null || lag.isNaN() || lag > 0) {
        return false;
      }
    }
    return true;
  }

  /** Metric tags may spell a topic with '_' for '.': compare both the same way. */
  private static String normalized(String topic) {
    return topic.replace('.', '_');
  }
}
