package io.gamedata.streams.runtime;

import io.gamedata.streams.config.StreamsAppConfig;
import io.gamedata.streams.metrics.PipelineMetrics;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Builds the Kafka Streams properties from the application settings. */
public final class StreamsPropertiesFactory {

  private StreamsPropertiesFactory() {}

  public static Properties build(StreamsAppConfig config, PipelineMetrics metrics) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    // bootstrap servers and security (KAFKA_*): every client Kafka Streams makes inherits them
    p.putAll(config.kafkaClientProperties());
    // its internal topics (changelogs, repartition) as the topics the app creates
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.kafka().replicationFactor());
    p.put(
        StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
        config.kafka().minInsyncReplicas());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.numStreamThreads());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitIntervalMs());
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, config.cacheMaxBytes());
    p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, config.referenceWaitMs());
    p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.NO_OPTIMIZATION);
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class);
    p.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
    p.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
    // the global reference store's writer too (it only copies values; default from Kafka 5.0)
    p.put("processing.exception.handler.global.enabled", true);
    p.put(DeadLetterRouting.DLQ_TOPIC_CONFIG, config.topics().deadLetters());
    p.put(DeadLetterRouting.METRICS_CONFIG, metrics);
    // throughput: bigger batches, compressed. Under exactly-once a consumer sees the records at the
    // commit (every commit.interval.ms, 1 s by default, or sooner when input stops), and the
    // commit sends what lingers: a linger of 100 ms costs no latency there, and makes fewer and
    // fuller batches (each new lz4 batch allocates ~130 KB of buffers: ~4% of the game threads'
    // time in a 350k-game load with 20 ms)
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 100);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2000);
    // how long a stream thread's poll and a state updater's restore poll block without records
    // (Kafka's default 100 ms): each step of a start (restoring empty changelogs, handing restored
    // tasks to the stream thread, resuming the paused games part) waited for one; 20 ms saves
    // ~0.2 s per start, and an idle thread wakes 50 times a second
    p.put(StreamsConfig.POLL_MS_CONFIG, 20);
    // the global reference store bootstraps hundreds of thousands of small records at start,
    // partition after partition: each ends with a transaction marker, and moving past it takes one
    // more fetch, which the broker holds for fetch.max.wait.ms (500 ms by default) as it returns
    // no record; 50 ms also brings a reference change to the game tasks sooner
    p.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 50_000);
    p.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
    // the same for the restore of the changelogs (a new state directory restores every partition)
    p.put(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG), 64 * 1024 * 1024);
    p.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
        8 * 1024 * 1024);
    p.putAll(config.streamsOverrides());
    return p;
  }
}
