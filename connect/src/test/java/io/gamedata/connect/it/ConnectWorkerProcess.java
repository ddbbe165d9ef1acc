package io.gamedata.connect.it;

import io.gamedata.kafka.local.EmbeddedConnectWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A Connect worker in its own JVM, so that a test can kill it for real ({@code
 * Process.destroyForcibly()}: SIGKILL, no shutdown hook, no final offset commit, no DuckDB close).
 * Args: bootstrap servers, worker group id, connector name, file with the connector config JSON.
 * Kafka-side offset commits are pushed far out ({@code offset.flush.interval.ms}) so that only
 * DuckDB knows how far the sink got.
 */
public final class ConnectWorkerProcess {

  private ConnectWorkerProcess() {}

  public static void main(String[] args) throws Exception {
    EmbeddedConnectWorker worker =
        EmbeddedConnectWorker.builder(args[0])
            .groupId(args[1])
            .config("offset.flush.interval.ms", "600000")
            .build()
            .start();
    worker.put("/connectors/" + args[2] + "/config", Files.readString(Path.of(args[3])));
    System.out.println("WORKER READY " + worker.restUrl());
    new CountDownLatch(1).await(); // until killed
  }
}
