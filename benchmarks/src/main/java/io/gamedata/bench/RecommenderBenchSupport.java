package io.gamedata.bench;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.local.EmbeddedKafkaBroker;
import io.gamedata.recommender.service.RecommenderConfig;
import io.gamedata.recommender.service.RecommenderService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Shared set-up of the recommender service benchmarks: broker, topics, synthetic documents. */
final class RecommenderBenchSupport {

  private RecommenderBenchSupport() {}

  static EmbeddedKafkaBroker broker(Path dir) {
    EmbeddedKafkaBroker b = EmbeddedKafkaBroker.builder().dataDir(dir).build().start();
    System.out.printf("broker %s started%n", b.bootstrapServers());
    return b;
  }

  static void createTopics(String bootstrap, Topic<?, ?>... topics) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      List<org.apache.kafka.clients.admin.NewTopic> ts = new ArrayList<>();
      for (Topic<?, ?> t : topics) {
        ts.add(t.withReplicationFactor((short) 1).toNewTopic());
      }
      admin.createTopics(ts).all().get(60, TimeUnit.SECONDS);
    }
  }

  /** Publishes the games to the enriched topic; returns seconds taken. */
  static double publish(String bootstrap, List<EnrichedGame> games) throws Exception {
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    Topic<Long, EnrichedGame> t = Topics.GAMES_ENRICHED;
    long t0 = System.nanoTime();
    try (KafkaProducer<Long, EnrichedGame> producer =
        new KafkaProducer<>(p, t.keySerde().serializer(), t.valueSerde().serializer())) {
      List<EnrichedGame> todo = games;
      for (int round = 1; !todo.isEmpty(); round++) {
        // a batch can expire on a busy machine: send what failed again, a few times
        List<EnrichedGame> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        for (EnrichedGame g : todo) {
          producer.send(
              new ProducerRecord<>(t.name(), g.id(), g),
              (md, e) -> {
                if (e != null) {
                  failed.add(g);
                }
              });
        }
        producer.flush();
        if (!failed.isEmpty()) {
          System.out.printf(
              "publish round %d: %,d records failed, sending again%n", round, failed.size());
          if (round == 3) {
            throw new IllegalStateException(failed.size() + " documents could not be published");
          }
        }
        todo = new ArrayList<>(failed);
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static RecommenderConfig config(String bootstrap, Path state, boolean publish) {
    Map<String, String> m = new HashMap<>();
    m.put(RecommenderConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    m.put(RecommenderConfig.HTTP_HOST_CONFIG, "127.0.0.1");
    m.put(RecommenderConfig.HTTP_PORT_CONFIG, "0");
    m.put(RecommenderConfig.STATE_DIR_CONFIG, state.toString());
    m.put(RecommenderConfig.PUBLISH_SIMILAR_CONFIG, Boolean.toString(publish));
    return RecommenderConfig.from(m);
  }

  /** The service config as a properties file for {@link RecommenderServiceChild}. */
  static Path writeConfig(Path dir, String bootstrap, Path state, boolean publish)
      throws java.io.IOException {
    Properties p = new Properties();
    config(bootstrap, state, publish).asMap().forEach(p::setProperty);
    java.nio.file.Files.createDirectories(dir);
    Path f = dir.resolve("recommender.properties");
    try (var w = java.nio.file.Files.newBufferedWriter(f)) {
      p.store(w, "recommender benchmark");
    }
    return f;
  }

  /** The service in its own JVM ({@link RecommenderServiceChild}), driven over stdin/stdout. */
  static final class Child implements AutoCloseable {
    final Process process;
    final long spawned = System.nanoTime();
    private final java.io.BufferedReader out;
    private final java.io.Writer in;

    Child(Path config, String javaOpts) throws java.io.IOException {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(java.util.Arrays.asList(javaOpts.trim().split("\\s+")));
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(RecommenderServiceChild.class.getName());
      cmd.add(config.toString());
      process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      out =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
      in =
          new java.io.OutputStreamWriter(
              process.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Reads output (echoing it) until a line starting with {@code prefix}; returns that line. */
    String await(String prefix) throws java.io.IOException {
      for (String l; (l = out.readLine()) != null; ) {
        if (l.startsWith(prefix)) {
          return l;
        }
        System.out.println("  [service] " + l);
        if (l.startsWith("FAILED")) {
          break;
        }
      }
      throw new IllegalStateException("service JVM ended before printing " + prefix);
    }

    String send(String command, String replyPrefix) throws java.io.IOException {
      in.write(command + "\n");
      in.flush();
      return replyPrefix == null ? null : await(replyPrefix);
    }

    /** Graceful close (the service writes its state snapshot); returns the CLOSED line. */
    @Override
    public void close() throws java.io.IOException {
      if (!process.isAlive()) {
        return;
      }
      String closed = send("exit", "CLOSED");
      System.out.println("  [service] " + closed);
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Kills the JVM (a crash: no state snapshot written). */
    void kill() throws InterruptedException {
      process.destroyForcibly().waitFor();
    }
  }

  /** Starts a service and waits until it is ready; returns it. */
  static RecommenderService startAndAwaitReady(RecommenderConfig config, int timeoutSeconds)
      throws InterruptedException {
    RecommenderService s = new RecommenderService(config).start();
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    while (!s.ready()) {
      if (!s.live()) {
        throw new IllegalStateException("recommender failed during start-up");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("recommender not ready after " + timeoutSeconds + " s");
      }
      Thread.sleep(50); // a benchmark polling a state, not a test
    }
    return s;
  }
}
