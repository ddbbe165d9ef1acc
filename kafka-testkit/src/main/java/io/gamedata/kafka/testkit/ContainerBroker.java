package io.gamedata.kafka.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Testcontainers path of {@link KafkaExtension}. Not exercised on machines without a Docker
 * engine (such as this project's CI); kept small so that it is right by construction.
 */
final class ContainerBroker {

  private ContainerBroker() {}

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  static KafkaExtension.BrokerResource start(String image) {
    long t0 = System.nanoTime();
    KafkaContainer container = new KafkaContainer(image);
    container.start();
    System.out.printf(
        "[kafka-testkit] Kafka container %s at %s started in %d ms%n",
        image, container.getBootstrapServers(), (System.nanoTime() - t0) / 1_000_000);
    return new KafkaExtension.BrokerResource(
        new KafkaCluster(container.getBootstrapServers()), container::stop);
  }
}
