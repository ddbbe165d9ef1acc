package io.gamedata.producer.metrics;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.http.AppMetrics;
import io.gamedata.producer.client.ClientMetrics;
import io.gamedata.producer.fetch.FetchStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;

/**
 * The producer's metrics registry, served on {@code /metrics}: JVM and process metrics, the IGDB
 * client's counters ({@code producer_igdb_<counter>_total}), the records fetched per endpoint
 * ({@code producer_fetch_records_total{endpoint}}) and the Kafka producer's client metrics ({@code
 * kafka_producer_*}, e.g. {@code kafka_producer_record_send_rate}).
 */
public final class ProducerMeters implements AutoCloseable {

  private final AppMetrics app = AppMetrics.create();
  private final KafkaClientMetrics kafka;

  public ProducerMeters(ClientMetrics igdb, Supplier<FetchStats> fetch, Producer<?, ?> producer) {
    PrometheusMeterRegistry r = app.registry();
    Map<String, LongAdder> counters =
        Map.of(
            "requests", igdb.requests,
            "throttled", igdb.throttled,
            "server_errors", igdb.serverErrors,
            "io_errors", igdb.ioErrors,
            "retries", igdb.retries,
            "token_renewals", igdb.tokenRenewals,
            "bytes", igdb.bytes);
    counters.forEach(
        (name, adder) ->
            FunctionCounter.builder(
                    "producer.igdb." + name.replace('_', '.'), adder, LongAdder::doubleValue)
                .description("IGDB client counter " + name)
                .register(r));
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      FunctionCounter.builder("producer.fetch.records", fetch, f -> f.get().records(e))
          .description("records fetched by the bulk fetch (current or last run)")
          .tag("endpoint", e.path())
          .register(r);
    }
    kafka = new KafkaClientMetrics(producer);
    kafka.bindTo(r);
  }

  public PrometheusMeterRegistry registry() {
    return app.registry();
  }

  @Override
  public void close() {
    kafka.close();
    app.close();
  }
}
