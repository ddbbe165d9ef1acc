package io.gamedata.kafka.testkit;

import io.gamedata.kafka.local.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a real Kafka broker: add {@code @ExtendWith(KafkaExtension.class)} and take a {@link
 * KafkaCluster} parameter. One broker per test JVM, started on first use and stopped when the JVM's
 * tests are done; topics a test creates through {@link KafkaCluster#createTopic} are deleted after
 * it.
 *
 * <p>Which broker: system property {@value #MODE_PROPERTY} = {@code embedded} (the in-JVM KRaft
 * broker of {@code kafka-local}), {@code container} (a Testcontainers broker, image from {@value
 * #IMAGE_PROPERTY}, default {@value #DEFAULT_IMAGE}; on the host network where the engine has no
 * bridge, see {@link ContainerBroker}) or {@code auto} (default: a container when a Docker engine
 * answers, else embedded). Without a Docker socket or {@code DOCKER_HOST}, auto does not even probe
 * Docker. CI runs the container path against the Kafka image of {@code docker/kafka} ({@code
 * docker/container-tests}).
 */
public final class KafkaExtension implements ParameterResolver, AfterEachCallback {

  public static final String MODE_PROPERTY = "gamedata.kafka";
  public static final String IMAGE_PROPERTY = "gamedata.kafka.image";
  public static final String DEFAULT_IMAGE = "apache/kafka:4.4.0";

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(KafkaExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
    return pc.getParameter().getType() == KafkaCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
    return cluster(ec);
  }

  /** The JVM-wide cluster, started on first use. */
  public static KafkaCluster cluster(ExtensionContext ec) {
    return ec.getRoot()
        .getStore(NS)
        .computeIfAbsent("broker", k -> startBroker(), BrokerResource.class)
        .cluster;
  }

  @Override
  public void afterEach(ExtensionContext ec) {
    BrokerResource r = ec.getRoot().getStore(NS).get("broker", BrokerResource.class);
    if (r != null) {
      r.cluster.deleteCreatedTopics();
    }
  }

  static String mode() {
    return System.getProperty(MODE_PROPERTY, "auto").toLowerCase(Locale.ROOT);
  }

  private static BrokerResource startBroker() {
    String mode = mode();
    switch (mode) {
      case "embedded":
        return embedded();
      case "container":
        return ContainerBroker.start(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE));
      case "auto":
        if (dockerMightExist() && ContainerBroker.dockerAvailable()) {
          return ContainerBroker.start(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE));
        }
        return embedded();
      default:
        throw new IllegalArgumentException(
            MODE_PROPERTY + " must be embedded, container or auto, not '" + mode + "'");
    }
  }

  private static boolean dockerMightExist() {
    return System.getenv("DOCKER_HOST") != null
        || Files.exists(Path.of("/var/run/docker.sock"))
        || Files.exists(Path.of(System.getProperty("user.home"), ".docker/run/docker.sock"));
  }

  private static BrokerResource embedded() {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start();
    System.out.printf(
        "[kafka-testkit] embedded KRaft broker %s started in %d ms%n",
        broker.bootstrapServers(), broker.lastStartupTime().toMillis());
    return new BrokerResource(new KafkaCluster(broker.bootstrapServers()), broker::close);
  }

  /** Closed by JUnit when the root context ends (end of the test JVM's run). */
  static final class BrokerResource implements AutoCloseable {
    final KafkaCluster cluster;
    private final Runnable stop;

    BrokerResource(KafkaCluster cluster, Runnable stop) {
      this.cluster = cluster;
      this.stop = stop;
    }

    @Override
    public void close() {
      cluster.close();
      stop.run();
    }
  }
}
