package io.gamedata.streams.runtime;

import io.gamedata.http.AppMetrics;
import io.gamedata.streams.metrics.PipelineMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The streams application's metrics registry, served on {@code /metrics}: JVM and process metrics,
 * the pipeline counters ({@code streams_<counter>_total}, the same counters as {@code /stats}),
 * {@code streams_consumer_lag}, {@code streams_healthy} and the Kafka Streams client metrics of
 * both parts ({@code kafka_stream_*}, {@code kafka_consumer_*}, {@code kafka_producer_*}).
 */
final class StreamsMeters implements AutoCloseable {

  private final AppMetrics app = AppMetrics.create();
  private final List<KafkaStreamsMetrics> clients = new ArrayList<>();

  StreamsMeters(PipelineMetrics pipeline, StreamsApp streams) {
    PrometheusMeterRegistry r = app.registry();
    for (String counter : pipeline.snapshot().keySet()) {
      FunctionCounter.builder(
              "streams." + counter.replace('_', '.'),
              pipeline,
              p -> p.snapshot().getOrDefault(counter, 0L))
          .description("pipeline counter " + counter + " (see /stats)")
          .register(r);
    }
    Gauge.builder("streams.consumer.lag", streams, StreamsApp::lag)
        .description("records not processed yet, both parts")
        .register(r);
    Gauge.builder("streams.healthy", streams, s -> s.healthy() ? 1 : 0)
        .description("1 while both parts run or rebalance")
        .register(r);
  }

  /** Adds a Kafka Streams client's metrics (removed again on {@link #close()}). */
  synchronized void bind(KafkaStreams streams) {
    KafkaStreamsMetrics m = new KafkaStreamsMetrics(streams);
    m.bindTo(app.registry());
    clients.add(m);
  }

  PrometheusMeterRegistry registry() {
    return app.registry();
  }

  @Override
  public synchronized void close() {
    clients.forEach(KafkaStreamsMetrics::close);
    clients.clear();
    app.close();
  }
}
