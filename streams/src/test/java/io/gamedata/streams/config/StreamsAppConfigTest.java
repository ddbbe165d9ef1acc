package io.gamedata.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.streams.runtime.StreamsMain;
import io.gamedata.streams.topology.GameStateStore;
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
        "bootstrap.servers=file:9092\napplication.id=from-file\n"
            + "kafka.streams.num.standby.replicas=1\ntopic.genres=my.genres\n");
    StreamsAppConfig c =
        StreamsMain.load(
            new String[] {file.toString()},
            Map.of("GAMEDATA_STREAMS_BOOTSTRAP_SERVERS", "env:9092", "UNRELATED", "x"));
    assertThat(c.bootstrapServers()).isEqualTo("env:9092");
    assertThat(c.applicationId()).isEqualTo("from-file");
    assertThat(c.topics().raw(IgdbEndpoint.GENRES)).isEqualTo("my.genres");
    assertThat(c.streamsOverrides()).containsEntry("num.standby.replicas", "1");
  }
}
