package io.gamedata.kafka.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one) running inside this JVM,
 * from Kafka's own jars: the same code path as {@code kafka-server-start.sh}. The log directory is
 * formatted once ({@code kafka-storage format --standalone}); a broker started again on the same
 * directory keeps its topics and records.
 *
 * <pre>{@code
 * try (var broker = EmbeddedKafkaBroker.builder().build().start()) {
 *   String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final Path dataDir;
  private final boolean deleteOnClose;
  private final int port;
  private final int controllerPort;
  private final String host;
  private final Map<String, String> overrides;
  private KafkaRaftServer server;
  private Duration lastStartup = Duration.ZERO;

  private EmbeddedKafkaBroker(Builder b) {
    try {
      this.deleteOnClose = b.dataDir == null;
      this.dataDir =
          b.dataDir == null
              ? Files.createTempDirectory("embedded-kafka-")
              : Files.createDirectories(b.dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the broker data directory", e);
    }
    this.host = b.host;
    this.port = b.port == 0 ? freePort() : b.port;
    int controller = b.controllerPort;
    if (controller == 0) {
      // two free-port probes can return the same ephemeral port: the listeners must differ
      do {
        controller = freePort();
      } while (controller == this.port);
    }
    this.controllerPort = controller;
    this.overrides = Map.copyOf(b.overrides);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Formats the log directory if needed, then starts the broker and waits until it serves. */
  public synchronized EmbeddedKafkaBroker start() {
    if (server != null) {
      return this;
    }
    long t0 = System.nanoTime();
    Properties props = serverProperties();
    Path logDir = dataDir.resolve("kraft-logs");
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(props);
    }
    KafkaConfig config = KafkaConfig.fromProps(props, false);
    server = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      server = null;
      throw new IllegalStateException(
          "Embedded Kafka broker failed to start on " + bootstrapServers() + ": " + e.getMessage(),
          e);
    }
    lastStartup = Duration.ofNanos(System.nanoTime() - t0);
    LOG.info(
        "Embedded Kafka broker up at {} (data {}) in {} ms",
        bootstrapServers(),
        dataDir,
        lastStartup.toMillis());
    return this;
  }

  /** Stops the broker cleanly; the data directory is kept so that {@link #start()} resumes. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
    LOG.info("Embedded Kafka broker at {} stopped", bootstrapServers());
  }

  /** Stop then start on the same data directory and ports. */
  public EmbeddedKafkaBroker restart() {
    stop();
    return start();
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** {@code host:port} of the client listener. */
  public String bootstrapServers() {
    return host + ":" + port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Wall time of the last {@link #start()}, formatting included. */
  public Duration lastStartupTime() {
    return lastStartup;
  }

  @Override
  public void close() {
    stop();
    if (deleteOnClose) {
      deleteRecursively(dataDir);
    }
  }

  private Properties serverProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", dataDir.resolve("kraft-logs").toString());
    p.put("num.partitions", "1");
    p.put("default.replication.factor", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("log.cleaner.backoff.ms", "1000");
    p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
    p.put("log.retention.check.interval.ms", "60000");
    p.put("delete.topic.enable", "true");
    // each partition's active segment preallocates its offset and time indexes (10 MB each by
    // default), sparse and memory-mapped: the first appends fault the pages in, zero-filled by the
    // kernel's readahead. With the dozens of partitions a streams load writes (outputs, changelogs,
    // internal topics) that zeroing was ~0.8 CPU-s of the request handler in a 350k-game load, and
    // the topology ran ~0.9 s faster with 1 MB (bench/run streams-throughput, four alternating
    // pairs); 1 MB holds an index entry per 4 KB of 512 MB of log, then the segment rolls
    p.put("log.index.size.max.bytes", Integer.toString(1 << 20));
    p.putAll(overrides);
    Properties props = new Properties();
    props.putAll(p);
    return props;
  }

  private void format(Properties props) {
    Path configFile = dataDir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(configFile)) {
      props.store(out, "embedded KRaft broker");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + configFile, e);
    }
    String clusterId = Uuid.randomUuid().toString();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int rc;
    try (PrintStream ps = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      rc =
          kafka.tools.StorageTool.execute(
              new String[] {
                "format",
                "--standalone",
                "-t",
                clusterId,
                "-c",
                configFile.toString(),
                "--ignore-formatted"
              },
              ps);
    }
    if (rc != 0) {
      throw new IllegalStateException(
          "kafka-storage format failed (" + rc + "): " + buffer.toString(StandardCharsets.UTF_8));
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("localhost", 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", dir, e.toString());
    }
  }

  /** Settings of a broker; every one has a default. */
  public static final class Builder {
    private Path dataDir;
    private int port;
    private int controllerPort;
    private String host = "localhost";
    private final Map<String, String> overrides = new LinkedHashMap<>();

    /** Persistent data directory; default: a temp directory deleted on {@link #close()}. */
    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    /** Client port; 0 (default) picks a free one, kept across restarts. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Controller port; 0 (default) picks a free one. */
    public Builder controllerPort(int port) {
      this.controllerPort = port;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Any broker setting, e.g. {@code log.cleaner.min.cleanable.ratio}. */
    public Builder config(String key, String value) {
      overrides.put(key, value);
      return this;
    }

    public EmbeddedKafkaBroker build() {
      return new EmbeddedKafkaBroker(this);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedKafkaBroker[" + bootstrapServers() + ", " + dataDir + "]";
  }

  static String randomName(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }
}
