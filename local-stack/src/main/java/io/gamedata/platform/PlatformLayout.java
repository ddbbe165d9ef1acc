package io.gamedata.platform;

import java.nio.file.Path;

/**
 * Where the local platform keeps its state between runs ({@code --data-dir}, default {@code
 * .platform-data} in the repository) and which localhost ports it uses.
 */
public record PlatformLayout(
    Path dataDir,
    int kafkaPort,
    int controllerPort,
    int simulatorPort,
    int webhookPort,
    int streamsPort,
    int connectPort,
    int recommenderPort) {

  public static PlatformLayout defaults(Path dataDir) {
    return new PlatformLayout(dataDir, 9092, 9093, 8090, 8091, 8092, 8083, 8080);
  }

  public Path kafkaDir() {
    return dataDir.resolve("kafka");
  }

  public Path logDir() {
    return dataDir.resolve("logs");
  }

  public Path streamsStateDir() {
    return dataDir.resolve("streams-state");
  }

  public Path warehouseDir() {
    return dataDir.resolve("warehouse");
  }

  public Path producerDir() {
    return dataDir.resolve("producer");
  }

  public Path simulatorDir() {
    return dataDir.resolve("simulator");
  }

  public Path recommenderDir() {
    return dataDir.resolve("recommender");
  }

  public String bootstrapServers() {
    return "localhost:" + kafkaPort;
  }
}
