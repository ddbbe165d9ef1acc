package io.gamedata.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.streams.runtime.StreamsMain;
import io.gamedata.streams.store.GameStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsAppConfigTest {

  static StreamsAppConfig.Builder valid() {
    return StreamsAppConfig.builder("localhost:9092");
  }

  @Test
  void defaultsAreTheContractTopicsAndSafeSettings() {
    StreamsAppConfig c = valid().build();
    assertThat(c.applicationId()).isEqualTo("gamedata-streams");
    assertThat(c.topics().games()).isEqualTo("igdb.games");
    assertThat(c.topics().raw(IgdbEndpoint.INVOLVED_COMPANIES))
        .isEqualTo("igdb.involved_companies");
    assertThat(c.topics().enriched()).isEqualTo("games.enriched");
    assertThat(c.httpPort()).isEqualTo(-1);
    assertThat(c.gamePartitions()).isZero();
    assertThat(c.gameStateStore()).isEqualTo(GameStateStore.MEMORY);
  }

  @Test
  void theGameStateStoreIsMemoryOrRocksdbInAnyCase() {
    assertThat(valid().set("game.state.store", "rocksdb").build().gameStateStore())
        .isEqualTo(GameStateStore.ROCKSDB);
    assertThat(valid().set("game.state.store", "Memory").build().gameStateStore())
        .isEqualTo(GameStateStore.MEMORY);
    assertThatThrownBy(() -> valid().set("game.state.store", "disk").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("game.state.store")
        .hasMessageContaining("disk");
  }

  @Test
  void missingBootstrapServersFailsNamingTheKey() {
    assertThatThrownBy(() -> new StreamsAppConfig(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bootstrap.servers");
  }

  @Test
  void invalidValuesFailNamingTheKey() {
    assertThatThrownBy(() -> valid().set("num.stream.threads", 0).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("num.stream.threads");
    assertThatThrownBy(() -> valid().set("commit.interval.ms", "soon").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("commit.interval.ms");
    assertThatThrownBy(() -> valid().set("http.port", 70000).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.port");
    assertThatThrownBy(() -> valid().set("topic.games.dlq", "igdb.games").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topic.games.dlq");
    assertThatThrownBy(
            () -> valid().set("emit.hold.ms", 5000).set("emit.max.hold.ms", 1000).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("emit.max.hold.ms");
  }

  @Test
  void fileThenEnvironmentAndPassThroughKeys(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("streams.properties");
    Files.writeString(
        file,
        "kafka.bootstrap.servers=file:9092\napplication.id=from-file\n"
            + "kafka.streams.num.standby.replicas=1\ntopic.genres=my.genres\n"
            + "num.stream.threads=3\n");
    StreamsAppConfig c =
        StreamsMain.load(
            new String[] {file.toString()},
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                "STREAMS_NUM_STREAM_THREADS", "4",
                "STREAMS_KAFKA_STREAMS_MAX_TASK_IDLE_MS", "7",
                "RECOMMENDER_HTTP_THREADS", "8",
                "UNRELATED", "x"));
    assertThat(c.bootstrapServers()).isEqualTo("env:9092");
    assertThat(c.applicationId()).isEqualTo("from-file");
    assertThat(c.numStreamThreads()).isEqualTo(4);
    assertThat(c.topics().raw(IgdbEndpoint.GENRES)).isEqualTo("my.genres");
    assertThat(c.streamsOverrides())
        .containsEntry("num.standby.replicas", "1")
        .containsEntry("max.task.idle.ms", "7");
  }

  @Test
  void theEnvironmentNamesFollowTheContract() {
    assertThat(StreamsAppConfig.SPEC.envName("state.dir")).isEqualTo("STREAMS_STATE_DIR");
    assertThat(StreamsAppConfig.SPEC.envName("application.id")).isEqualTo("STREAMS_APPLICATION_ID");
    assertThat(StreamsAppConfig.SPEC.envName(StreamsAppConfig.BOOTSTRAP_SERVERS_CONFIG))
        .isEqualTo("KAFKA_BOOTSTRAP_SERVERS");
    assertThat(StreamsAppConfig.SPEC.envName(StreamsAppConfig.HTTP_PORT_CONFIG))
        .isEqualTo("HTTP_PORT");
    StreamsAppConfig c =
        StreamsMain.load(
            new String[0],
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "k:9092",
                "STREAMS_STATE_DIR", "/data/streams",
                "STREAMS_APPLICATION_ID", "prod-streams",
                "HTTP_BIND_ADDRESS", "127.0.0.1"));
    assertThat(c.stateDir()).isEqualTo(Path.of("/data/streams"));
    assertThat(c.applicationId()).isEqualTo("prod-streams");
    assertThat(c.httpPort()).as("the contract's default of streams").isEqualTo(8092);
    assertThat(c.httpBindAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void unknownAndRetiredVariablesFailNamingThem() {
    assertThatThrownBy(
            () ->
                StreamsMain.load(
                    new String[0],
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092", "STREAMS_NUM_STREAM_THREAD", "2")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("STREAMS_NUM_STREAM_THREAD")
        .hasMessageContaining("did you mean STREAMS_NUM_STREAM_THREADS");
    assertThatThrownBy(
            () ->
                StreamsMain.load(
                    new String[0], Map.of("GAMEDATA_STREAMS_BOOTSTRAP_SERVERS", "k:9092")))
        .hasMessageContaining("GAMEDATA_STREAMS_BOOTSTRAP_SERVERS is no longer read")
        .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    assertThatThrownBy(
            () ->
                StreamsMain.load(
                    new String[0],
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092", "STREAMS_APP_ID", "x")))
        .hasMessageContaining("use STREAMS_APPLICATION_ID");
    assertThatThrownBy(
            () ->
                StreamsMain.load(
                    new String[0],
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:9092", "STREAMS_COMMIT_INTERVAL_MS", "0")))
        .hasMessageContaining("commit.interval.ms")
        .hasMessageContaining("STREAMS_COMMIT_INTERVAL_MS");
  }

  @Test
  void theKafkaSecuritySettingsReachEveryClientOfKafkaStreams(@TempDir Path dir) throws Exception {
    Path trust = Files.writeString(dir.resolve("ca.pem"), "");
    StreamsAppConfig c =
        StreamsMain.load(
            new String[0],
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "k:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", "streams",
                "KAFKA_SASL_PASSWORD", "pw-streams-123",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", trust.toString(),
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "KAFKA_TOPIC_REPLICATION_FACTOR", "3",
                "KAFKA_TOPIC_MIN_INSYNC_REPLICAS", "2"));
    java.util.Properties p =
        io.gamedata.streams.runtime.StreamsPropertiesFactory.build(
            c, new io.gamedata.streams.metrics.PipelineMetrics());
    assertThat(p)
        .containsEntry("bootstrap.servers", "k:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("ssl.truststore.location", trust.toString())
        .containsEntry("replication.factor", 3)
        .containsEntry("topic.min.insync.replicas", 2);
    assertThat(p.get("sasl.jaas.config").toString()).doesNotContain("pw-streams-123");
    // Kafka Streams takes them as they are (its config validates every key and type)
    new org.apache.kafka.streams.StreamsConfig(p);
  }
}
