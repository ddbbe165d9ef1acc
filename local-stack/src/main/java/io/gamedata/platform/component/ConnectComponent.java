package io.gamedata.platform.component;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.json.Json;
import io.gamedata.kafka.local.EmbeddedConnectWorker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Kafka Connect worker (distributed mode, group {@code platform-connect}, so connector configs
 * and offsets live in Kafka across restarts) running the DuckDB warehouse sink on {@code
 * games.enriched}. The connector is registered idempotently with {@code PUT
 * /connectors/duckdb-warehouse/config}.
 */
public final class ConnectComponent implements Component {

  public static final String CONNECTOR = "duckdb-warehouse";
  private EmbeddedConnectWorker worker;

  @Override
  public void start(ComponentSettings s) throws Exception {
    Path warehouse = Files.createDirectories(s.path("warehouse-dir"));
    worker =
        EmbeddedConnectWorker.builder(s.string("bootstrap-servers"))
            .groupId("platform-connect")
            .restPort(s.integer("rest-port"))
            .build()
            .start();
    ObjectNode config = (ObjectNode) Json.mapper().readTree(template());
    config.put("duckdb.path", warehouse.resolve("warehouse.duckdb").toString());
    config.put("snapshot.dir", warehouse.resolve("snapshots").toString());
    config.put("snapshot.interval.ms", Integer.toString(s.integer("snapshot-interval-ms", 5000)));
    worker.put("/connectors/" + CONNECTOR + "/config", Json.mapper().writeValueAsString(config));
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    String status = "";
    while (!status.contains("\"RUNNING\"")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("connector " + CONNECTOR + " not running: " + status);
      }
      Thread.sleep(200);
      try {
        status = worker.get("/connectors/" + CONNECTOR + "/status");
      } catch (IllegalStateException e) {
        status = e.getMessage(); // 404 until the herder has started the connector
      }
    }
  }

  static String template() throws IOException {
    try (InputStream in =
        ConnectComponent.class.getResourceAsStream("/connectors/duckdb-sink.json")) {
      if (in == null) {
        throw new IllegalStateException("connectors/duckdb-sink.json missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.close();
    }
  }
}
