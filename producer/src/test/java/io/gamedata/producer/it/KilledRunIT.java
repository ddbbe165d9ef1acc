package io.gamedata.producer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.kafka.testkit.KafkaCluster;
import io.gamedata.kafka.testkit.KafkaExtension;
import io.gamedata.producer.ProducerContext;
import io.gamedata.producer.cli.ProducerCli;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.fetch.FetchSummary;
import io.gamedata.producer.testing.ItSupport;
import io.gamedata.simulator.IgdbSimulator;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import io.gamedata.simulator.fault.Faults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A fetch in a child JVM killed with SIGKILL mid-way resumes from its checkpoints. */
@ExtendWith(KafkaExtension.class)
class KilledRunIT {

  static final int GAMES = 6000;
  IgdbSimulator igdb;

  @BeforeEach
  void start() {
    igdb =
        ItSupport.simulator(SyntheticCatalog.generate(GAMES, 3))
            .faults(Faults.none().withLatency(Faults.Latency.parse("fixed:40")))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    igdb.close();
  }

  @Test
  void aKilledFetchResumesAndEndsComplete(KafkaCluster cluster, @TempDir Path tmp)
      throws Exception {
    ProducerConfig c =
        ItSupport.config(cluster, igdb, IgdbEndpoint.GAMES).requestsPerSecond(15).build();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ProducerCli.class.getName());
    cmd.add("fetch");
    cmd.add("--no-verify");
    cmd.add("--progress=log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(tmp.resolve("child.log").toFile());
    Map<String, String> env = pb.environment();
    env.put(ProducerConfig.KAFKA_BOOTSTRAP_SERVERS, cluster.bootstrapServers());
    env.put(ProducerConfig.IGDB_API_URL, igdb.apiUrl());
    env.put(ProducerConfig.TWITCH_TOKEN_URL, igdb.tokenUrl());
    env.put(ProducerConfig.TWITCH_CLIENT_ID, igdb.clientId());
    env.put(ProducerConfig.TWITCH_CLIENT_SECRET, igdb.clientSecret());
    env.put(ProducerConfig.TOPIC_SUFFIX, c.topicSuffix());
    env.put(ProducerConfig.ENDPOINTS, "games");
    env.put(ProducerConfig.PAGE_SIZE, "100");
    env.put(ProducerConfig.RANGES, "4");
    env.put(ProducerConfig.REQUESTS_PER_SECOND, "15");
    Process child = pb.start();
    try {
      // kill it once it is well into the games, but far from done (60 pages are needed)
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> igdb.stats().requests.get() >= 20 || !child.isAlive());
      assertThat(child.isAlive()).as("child still fetching").isTrue();
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    long before = igdb.stats().requests.get();
    assertThat(before).isLessThan(60);

    FetchSummary s;
    try (ProducerContext p = ProducerContext.open(c.toBuilder().requestsPerSecond(1000).build())) {
      s = p.fetch();
    }
    assertThat(s.resumed()).isTrue();
    Map<Long, Integer> counts = ItSupport.keyCounts(cluster, c, IgdbEndpoint.GAMES);
    assertThat(counts.keySet()).isEqualTo(ItSupport.ids(igdb, IgdbEndpoint.GAMES));
    // at-least-once: only pages in flight at the kill (at most one per range) come twice
    long duplicates = counts.values().stream().filter(n -> n > 1).count();
    assertThat(duplicates).isLessThanOrEqualTo(4L * 100);
    // the resumed run did not start over
    assertThat(s.records().get(IgdbEndpoint.GAMES)).isLessThan((long) GAMES);
  }
}
