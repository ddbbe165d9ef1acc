package io.gamedata.producer.publish;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import java.util.concurrent.CompletableFuture;

/**
 * Where fetched records go. A future completes when the write is durable (for Kafka: acknowledged
 * by all in-sync replicas), and completes exceptionally when it cannot be.
 */
public interface RecordSink {

  /** Publishes one record, keyed by its IGDB id. */
  CompletableFuture<Void> publish(IgdbEndpoint endpoint, long id, byte[] json);

  /** Publishes a tombstone (null value): the record was deleted in IGDB. */
  CompletableFuture<Void> delete(IgdbEndpoint endpoint, long id);
}
