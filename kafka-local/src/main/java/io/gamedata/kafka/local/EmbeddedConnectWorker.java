package io.gamedata.kafka.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka Connect worker (distributed mode, one member) inside this JVM, with its REST API on
 * localhost. Plugins are discovered through {@code META-INF/services} only ({@code
 * plugin.discovery=service_load}): a classpath scan would take ~16 s and ~850 MB here. Connector
 * configs, offsets and status live in Kafka topics, so a worker restarted against the same broker
 * and group resumes its connectors.
 */
public final class EmbeddedConnectWorker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedConnectWorker.class);

  private final Map<String, String> config;
  private final int restPort;
  private final Path offsetsDir;
  private Connect<?> connect;
  private final HttpClient http = HttpClient.newHttpClient();

  private EmbeddedConnectWorker(Builder b) {
    this.restPort = b.restPort == 0 ? EmbeddedKafkaBroker.freePort() : b.restPort;
    try {
      this.offsetsDir = Files.createTempDirectory("embedded-connect-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> c = new LinkedHashMap<>();
    c.put("bootstrap.servers", b.bootstrapServers);
    c.put("group.id", b.groupId);
    c.put("config.storage.topic", b.groupId + "-configs");
    c.put("offset.storage.topic", b.groupId + "-offsets");
    c.put("status.storage.topic", b.groupId + "-status");
    c.put("config.storage.replication.factor", "1");
    c.put("offset.storage.replication.factor", "1");
    c.put("status.storage.replication.factor", "1");
    c.put("offset.storage.partitions", "1");
    c.put("status.storage.partitions", "1");
    c.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    c.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    c.put("plugin.discovery", "service_load");
    c.put("listeners", "http://localhost:" + restPort);
    c.put("rest.advertised.host.name", "localhost");
    c.put("offset.flush.interval.ms", "1000");
    c.put("scheduled.rebalance.max.delay.ms", "0");
    c.put("task.shutdown.graceful.timeout.ms", "10000");
    c.putAll(b.overrides);
    this.config = Map.copyOf(c);
  }

  public static Builder builder(String bootstrapServers) {
    return new Builder(bootstrapServers);
  }

  /** Starts the worker and waits until its REST API answers. */
  public synchronized EmbeddedConnectWorker start() {
    if (connect != null) {
      return this;
    }
    long t0 = System.nanoTime();
    connect = new ConnectDistributed().startConnect(new LinkedHashMap<>(config));
    awaitRest(Duration.ofSeconds(60));
    LOG.info(
        "Embedded Connect worker up at {} in {} ms",
        restUrl(),
        (System.nanoTime() - t0) / 1_000_000);
    return this;
  }

  /** Stops the worker and waits for its tasks to end (the broker must still be up). */
  public synchronized void stop() {
    if (connect == null) {
      return;
    }
    connect.stop();
    connect.awaitStop();
    connect = null;
  }

  public synchronized boolean isRunning() {
    return connect != null;
  }

  /** The running worker (its herder), for tests that need more than REST. */
  public synchronized Connect<?> connect() {
    return connect;
  }

  public String restUrl() {
    return "http://localhost:" + restPort;
  }

  /** GET on the REST API, returning the body; throws on a non-2xx status. */
  public String get(String path) {
    return send(HttpRequest.newBuilder(URI.create(restUrl() + path)).GET().build());
  }

  /** PUT with a JSON body, e.g. {@code /connectors/<name>/config}. */
  public String put(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(restUrl() + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** DELETE, e.g. {@code /connectors/<name>}. */
  public String delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(restUrl() + path)).DELETE().build());
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            request.method() + " " + request.uri() + " -> " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitRest(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        get("/connectors");
        return;
      } catch (RuntimeException e) {
        last = e;
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(ie);
        }
      }
    }
    throw new IllegalStateException("Connect REST API did not come up at " + restUrl(), last);
  }

  @Override
  public void close() {
    stop();
    EmbeddedKafkaBroker.deleteRecursively(offsetsDir);
  }

  /** Settings of a worker; every one but the bootstrap servers has a default. */
  public static final class Builder {
    private final String bootstrapServers;
    private String groupId = EmbeddedKafkaBroker.randomName("connect-");
    private int restPort;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    private Builder(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
    }

    /** Worker group; its internal topics are {@code <group>-configs/-offsets/-status}. */
    public Builder groupId(String groupId) {
      this.groupId = groupId;
      return this;
    }

    /** REST port; 0 (default) picks a free one. */
    public Builder restPort(int port) {
      this.restPort = port;
      return this;
    }

    /** Any worker setting. */
    public Builder config(String key, String value) {
      overrides.put(key, value);
      return this;
    }

    public EmbeddedConnectWorker build() {
      return new EmbeddedConnectWorker(this);
    }
  }
}
