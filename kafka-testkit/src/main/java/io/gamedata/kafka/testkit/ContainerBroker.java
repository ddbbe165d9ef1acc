package io.gamedata.kafka.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers path of {@link KafkaExtension}: a single-node KRaft broker in a container of
 * an image configured like the official {@code apache/kafka} (KAFKA_* variables as broker
 * properties), e.g. that image itself or this repository's {@code docker/kafka} build of it.
 *
 * <p>How tests reach it, system property {@value #NETWORK_PROPERTY}:
 *
 * <ul>
 *   <li>{@code bridge}: Testcontainers' {@code KafkaContainer} with a mapped port (needs the
 *       engine's bridge network);
 *   <li>{@code host}: the container on the host network, listening on 127.0.0.1 on free ports, for
 *       engines without a bridge (such as the one {@code docker/engine} starts in CI: set {@code
 *       TESTCONTAINERS_RYUK_DISABLED=true} and {@code TESTCONTAINERS_HOST_OVERRIDE=localhost}
 *       there);
 *   <li>{@code auto} (default): host when the engine has no network named "bridge", else bridge.
 * </ul>
 */
final class ContainerBroker {

  static final String NETWORK_PROPERTY = "gamedata.kafka.network";

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
    String network = System.getProperty(NETWORK_PROPERTY, "auto").toLowerCase(Locale.ROOT);
    boolean host =
        switch (network) {
          case "host" -> true;
          case "bridge" -> false;
          case "auto" -> !engineHasBridge();
          default ->
              throw new IllegalArgumentException(
                  NETWORK_PROPERTY + " must be host, bridge or auto, not '" + network + "'");
        };
    KafkaExtension.BrokerResource r = host ? onHostNetwork(image) : mappedPort(image);
    System.out.printf(
        "[kafka-testkit] Kafka container %s (%s network) at %s started in %d ms%n",
        image,
        host ? "host" : "bridge",
        r.cluster.bootstrapServers(),
        (System.nanoTime() - t0) / 1_000_000);
    return r;
  }

  private static boolean engineHasBridge() {
    return DockerClientFactory.instance().client().listNetworksCmd().exec().stream()
        .anyMatch(n -> "bridge".equals(n.getName()));
  }

  private static KafkaExtension.BrokerResource mappedPort(String image) {
    KafkaContainer container = new KafkaContainer(image);
    container.start();
    return new KafkaExtension.BrokerResource(
        new KafkaCluster(container.getBootstrapServers()), container::stop);
  }

  private static KafkaExtension.BrokerResource onHostNetwork(String image) {
    int port = freePort();
    int controllerPort = freePort();
    String bootstrap = "127.0.0.1:" + port;
    GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse(image))
            .withNetworkMode("host")
            .withEnv(brokerEnv(port, controllerPort))
            .waitingFor(
                Wait.forLogMessage(".*Kafka Server started.*", 1)
                    .withStartupTimeout(Duration.ofMinutes(3)));
    container.start();
    return new KafkaExtension.BrokerResource(new KafkaCluster(bootstrap), container::stop);
  }

  /** A single KRaft node on 127.0.0.1 (broker + controller), settings for tests. */
  static Map<String, String> brokerEnv(int port, int controllerPort) {
    return Map.ofEntries(
        Map.entry("CLUSTER_ID", "4L6g3nShT-eMCtK--X86sw"),
        Map.entry("KAFKA_NODE_ID", "1"),
        Map.entry("KAFKA_PROCESS_ROLES", "broker,controller"),
        Map.entry(
            "KAFKA_LISTENERS",
            "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
        Map.entry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://127.0.0.1:" + port),
        Map.entry(
            "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
        Map.entry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
        Map.entry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@127.0.0.1:" + controllerPort),
        Map.entry("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT"),
        Map.entry("KAFKA_LOG_DIRS", "/tmp/kraft-combined-logs"),
        Map.entry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1"),
        Map.entry("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "1"),
        Map.entry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1"),
        Map.entry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1"),
        Map.entry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1"),
        Map.entry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1"),
        Map.entry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0"),
        Map.entry("KAFKA_HEAP_OPTS", "-Xmx512m"));
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on 127.0.0.1", e);
    }
  }
}
