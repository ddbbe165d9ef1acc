package io.gamedata.recommender.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.topic.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecommenderConfigTest {

  static Map<String, String> valid() {
    return new HashMap<>(Map.of(RecommenderConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"));
  }

  @Test
  void defaultsAreDocumentedAndValid() {
    RecommenderConfig c = RecommenderConfig.from(valid());
    assertThat(c.enrichedTopic()).isEqualTo(Topics.GAMES_ENRICHED.name());
    assertThat(c.similarTopic()).isEqualTo(Topics.GAMES_SIMILAR.name());
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.defaultLimit()).isEqualTo(10);
    assertThat(c.maxLimit()).isEqualTo(100);
    assertThat(c.listSize()).isEqualTo(50);
    assertThat(c.stateDir()).isEqualTo(Path.of("recommender-state"));
    assertThat(c.stateIntervalMs()).isEqualTo(300_000);
    assertThat(c.idfDriftThreshold()).isEqualTo(0.02);
    assertThat(RecommenderConfig.KEYS.keySet()).containsAll(c.asMap().keySet());
    RecommenderConfig.KEYS.values().forEach(d -> assertThat(d[1]).isNotBlank());
  }

  @Test
  void missingBootstrapServersIsNamed() {
    assertThatThrownBy(() -> RecommenderConfig.from(Map.of()))
        .isInstanceOfSatisfying(
            RecommenderConfig.ConfigException.class,
            e -> assertThat(e.key()).isEqualTo("bootstrap.servers"))
        .hasMessageContaining("bootstrap.servers");
  }

  @ParameterizedTest(name = "{0}={1} is rejected")
  @CsvSource({
    "http.port,70000",
    "http.port,eighty",
    "http.threads,0",
    "http.max.body.bytes,10",
    "limit.max,0",
    "limit.default,500",
    "list.size,5",
    "snapshot.interval.ms,1",
    "state.snapshot.interval.ms,10",
    "state.snapshot.interval.ms,soon",
    "engine.idf.drift.threshold,-0.1",
    "engine.idf.drift.threshold,1.5",
    "engine.idf.drift.threshold,NaN",
    "engine.idf.drift.threshold,much",
    "bulk.min.backlog,0",
    "bulk.min.backlog,many",
    "publish.similar,maybe",
    "topic.enriched,' '",
    "no.such.key,1"
  })
  void badValuesFailFastNamingTheKey(String key, String value) {
    Map<String, String> m = valid();
    m.put(key, value);
    assertThatThrownBy(() -> RecommenderConfig.from(m))
        .isInstanceOfSatisfying(
            RecommenderConfig.ConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
        .hasMessageContaining(key);
  }

  @Test
  void environmentOverridesTheFile() {
    Properties file = new Properties();
    file.setProperty("bootstrap.servers", "file:9092");
    file.setProperty("http.port", "8081");
    RecommenderConfig c =
        RecommenderConfig.from(
            file, Map.of("RECOMMENDER_HTTP_PORT", "9090", "RECOMMENDER_LIST_SIZE", "30"));
    assertThat(c.bootstrapServers()).isEqualTo("file:9092");
    assertThat(c.httpPort()).isEqualTo(9090);
    assertThat(c.listSize()).isEqualTo(30);
    assertThat(RecommenderConfig.envName("http.max.body.bytes"))
        .isEqualTo("RECOMMENDER_HTTP_MAX_BODY_BYTES");
  }

  @Test
  void withChangesOneKeyAndRevalidates() {
    RecommenderConfig c = RecommenderConfig.from(valid()).with(Map.of("http.port", "0"));
    assertThat(c.httpPort()).isZero();
    assertThatThrownBy(() -> c.with(Map.of("limit.max", "5")))
        .isInstanceOf(RecommenderConfig.ConfigException.class)
        .hasMessageContaining("limit.default");
  }
}
