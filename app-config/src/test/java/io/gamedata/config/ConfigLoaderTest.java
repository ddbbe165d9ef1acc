package io.gamedata.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  static final String SECRET = "s3cr3t-never-shown";

  /** A small app: the shared Kafka and HTTP keys, three of its own, a passthrough family. */
  static final ConfigDef DEF =
      HttpSettings.define(KafkaConnection.define(new ConfigDef()), 8099)
          .define("state.dir", Type.STRING, "state", Importance.HIGH, "Where state goes.")
          .define("num.threads", Type.INT, 2, Range.between(1, 64), Importance.MEDIUM, "Threads.")
          .define(
              "api.token",
              Type.PASSWORD,
              null,
              Validators.secretOfAtLeast(8),
              Importance.MEDIUM,
              "A secret.");

  static final ConfigSpec SPEC =
      ConfigSpec.builder("demo", "DEMO_", DEF)
          .passthrough("kafka.streams.")
          .renamed("DEMO_OLD_DIR", "DEMO_STATE_DIR")
          .build();

  static final class DemoConfig extends AbstractConfig {
    final KafkaConnection kafka;

    DemoConfig(Map<?, ?> values) {
      super(DEF, values, false);
      kafka = KafkaConnection.from(this);
    }
  }

  static Map<String, String> env(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("KAFKA_BOOTSTRAP_SERVERS", "broker:9092");
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static DemoConfig load(Map<String, String> env) {
    return ConfigLoader.load(SPEC, env).build(DemoConfig::new);
  }

  @Test
  void keysMapToThePrefixedNameAndSharedKeysToTheirOwn() {
    assertThat(SPEC.envName("num.threads")).isEqualTo("DEMO_NUM_THREADS");
    assertThat(SPEC.envName("state.dir")).isEqualTo("DEMO_STATE_DIR");
    assertThat(SPEC.envName(KafkaConnection.BOOTSTRAP_SERVERS))
        .isEqualTo("KAFKA_BOOTSTRAP_SERVERS");
    assertThat(SPEC.envName(KafkaConnection.SASL_LOGIN_CALLBACK_HANDLER_CLASS))
        .isEqualTo("KAFKA_SASL_LOGIN_CALLBACK_HANDLER_CLASS");
    assertThat(SPEC.envName(HttpSettings.PORT)).isEqualTo("HTTP_PORT");
    assertThat(SPEC.envName(HttpSettings.BIND_ADDRESS)).isEqualTo("HTTP_BIND_ADDRESS");

    DemoConfig c =
        load(env("DEMO_NUM_THREADS", "4", "HTTP_PORT", "9000", "DEMO_STATE_DIR", " /data "));
    assertThat(c.getInt("num.threads")).isEqualTo(4);
    assertThat(c.getInt(HttpSettings.PORT)).isEqualTo(9000);
    assertThat(c.getString("state.dir")).isEqualTo("/data");
    assertThat(c.kafka.bootstrapServers()).isEqualTo("broker:9092");
    assertThat(load(env()).getInt(HttpSettings.PORT)).as("the default").isEqualTo(8099);
  }

  @Test
  void passthroughVariablesBecomeDottedKeys() {
    ConfigValues v = ConfigLoader.load(SPEC, env("DEMO_KAFKA_STREAMS_NUM_STANDBY_REPLICAS", "1"));
    assertThat(v.values()).containsEntry("kafka.streams.num.standby.replicas", "1");
  }

  @Test
  void anUnknownVariableUnderThePrefixFailsNamingItAndTheClosestKnownOne() {
    assertThatThrownBy(() -> load(env("DEMO_NUM_THRADS", "4")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DEMO_NUM_THRADS")
        .hasMessageContaining("did you mean DEMO_NUM_THREADS");
    assertThatThrownBy(() -> load(env("DEMO_WHATEVER", "x")))
        .hasMessageContaining("unknown setting DEMO_WHATEVER")
        .hasMessageNotContaining("did you mean");
  }

  @Test
  void everyUnknownNameIsListedAtOnce() {
    assertThatThrownBy(() -> load(env("DEMO_A", "1", "KAFKA_B", "2")))
        .hasMessageContaining("2 problems")
        .hasMessageContaining("DEMO_A")
        .hasMessageContaining("KAFKA_B");
  }

  @Test
  void kafkaNamesAreAClosedSetButKafkasToolVariablesAndOtherAppsAreIgnored() {
    assertThatThrownBy(() -> load(env("KAFKA_SASL_MECHANISMS", "PLAIN")))
        .hasMessageContaining("unknown setting KAFKA_SASL_MECHANISMS")
        .hasMessageContaining("did you mean KAFKA_SASL_MECHANISM");
    DemoConfig c =
        load(
            env(
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "KAFKA_OPTS", "-Dx=y",
                "RECOMMENDER_HTTP_THREADS", "8",
                "PRODUCER_ANYTHING", "x",
                "PATH", "/usr/bin"));
    assertThat(c.getInt("num.threads")).isEqualTo(2);
  }

  @Test
  void anAppWithoutKafkaIgnoresKafkaNames() {
    ConfigSpec noKafka =
        ConfigSpec.builder(
                "sim",
                "SIM_",
                HttpSettings.define(new ConfigDef(), 8090)
                    .define("games", Type.INT, 10, Importance.HIGH, "Games."))
            .build();
    ConfigValues v = ConfigLoader.load(noKafka, Map.of("KAFKA_BOOTSTRAP_SERVERS", "x:1"));
    assertThat(v.values()).isEmpty();
    assertThat(noKafka.usesKafka()).isFalse();
  }

  @Test
  void aRetiredNameFailsNamingItsReplacement() {
    assertThatThrownBy(() -> load(env("DEMO_OLD_DIR", "/x")))
        .hasMessageContaining("DEMO_OLD_DIR is no longer read: use DEMO_STATE_DIR");
  }

  @Test
  void aBadValueNamesTheKeyAndTheVariableItCameFrom() {
    assertThatThrownBy(() -> load(env("DEMO_NUM_THREADS", "many")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("num.threads")
        .hasMessageContaining("many")
        .hasMessageContaining("DEMO_NUM_THREADS")
        .hasMessageContaining("(set by environment variable DEMO_NUM_THREADS)");
    assertThatThrownBy(() -> load(env("DEMO_NUM_THREADS", "100")))
        .hasMessageContaining("num.threads")
        .hasMessageContaining("DEMO_NUM_THREADS");
    assertThatThrownBy(() -> load(env("KAFKA_SECURITY_PROTOCOL", "TLS")))
        .hasMessageContaining("kafka.security.protocol")
        .hasMessageContaining("KAFKA_SECURITY_PROTOCOL");
  }

  @Test
  void aCrossKeyErrorNamesTheKeyAndItsVariable() {
    assertThatThrownBy(
            () ->
                load(
                    env(
                        "KAFKA_TOPIC_REPLICATION_FACTOR", "2",
                        "KAFKA_TOPIC_MIN_INSYNC_REPLICAS", "3")))
        .hasMessageContaining("kafka.topic.min.insync.replicas")
        .hasMessageContaining("must be <= kafka.topic.replication.factor (2)")
        .hasMessageContaining("KAFKA_TOPIC_MIN_INSYNC_REPLICAS");
  }

  @Test
  void aMissingRequiredSettingNamesItsVariable() {
    assertThatThrownBy(() -> ConfigLoader.load(SPEC, Map.of()).build(DemoConfig::new))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing required setting kafka.bootstrap.servers")
        .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void anEmptyVariableCountsAsUnset() {
    assertThat(load(env("DEMO_NUM_THREADS", "", "DEMO_STATE_DIR", "  ")).getInt("num.threads"))
        .isEqualTo(2);
  }

  @Test
  void theFileOverridesDefaultsAndTheEnvironmentOverridesTheFile(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("demo.properties");
    Files.writeString(
        file, "num.threads=3\nstate.dir=/from-file\nkafka.bootstrap.servers=file:9092\n");

    ConfigValues fileOnly = ConfigLoader.load(SPEC, file, Map.of());
    DemoConfig c = fileOnly.build(DemoConfig::new);
    assertThat(c.getInt("num.threads")).isEqualTo(3);
    assertThat(c.kafka.bootstrapServers()).isEqualTo("file:9092");
    assertThat(fileOnly.source("num.threads")).isEqualTo("file " + file);
    assertThat(fileOnly.source(HttpSettings.PORT)).isEqualTo("the default");

    ConfigValues both = ConfigLoader.load(SPEC, file, env("DEMO_NUM_THREADS", "5"));
    DemoConfig d = both.build(DemoConfig::new);
    assertThat(d.getInt("num.threads")).isEqualTo(5);
    assertThat(d.getString("state.dir")).isEqualTo("/from-file");
    assertThat(d.kafka.bootstrapServers()).isEqualTo("broker:9092");
    assertThat(both.source("num.threads")).isEqualTo("environment variable DEMO_NUM_THREADS");

    ConfigValues cli =
        ConfigLoader.load(SPEC, file, env("DEMO_NUM_THREADS", "5"), Map.of("num.threads", "7"));
    assertThat(cli.build(DemoConfig::new).getInt("num.threads")).isEqualTo(7);
    assertThat(cli.source("num.threads")).isEqualTo("the command line");
  }

  @Test
  void aBadValueInTheFileNamesTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("demo.properties");
    Files.writeString(file, "num.threads=zero\n");
    assertThatThrownBy(() -> ConfigLoader.load(SPEC, file, env()).build(DemoConfig::new))
        .hasMessageContaining("num.threads")
        .hasMessageContaining("(from file " + file + "; environment variable DEMO_NUM_THREADS)");
  }

  @Test
  void anUnknownKeyInTheFileFails(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("demo.properties");
    Files.writeString(file, "num.thread=3\nkafka.streams.linger.ms=5\n");
    assertThatThrownBy(() -> ConfigLoader.load(SPEC, file, env()))
        .hasMessageContaining("unknown key num.thread")
        .hasMessageContaining("did you mean num.threads");
  }

  @Test
  void unknownKeysInCodeFail() {
    assertThatThrownBy(() -> ConfigLoader.of(SPEC, Map.of("num.thread", 1)))
        .hasMessageContaining("unknown key num.thread");
    DemoConfig c =
        ConfigLoader.of(SPEC, Map.of(KafkaConnection.BOOTSTRAP_SERVERS, "x:1", "num.threads", 9))
            .build(DemoConfig::new);
    assertThat(c.getInt("num.threads")).isEqualTo(9);
  }

  @Test
  void secretsAreHiddenInDescriptionsAndErrors() {
    ConfigValues v = ConfigLoader.load(SPEC, env("DEMO_API_TOKEN", SECRET));
    DemoConfig c = v.build(DemoConfig::new);
    assertThat(c.getPassword("api.token").value()).isEqualTo(SECRET);
    assertThat(v.describe()).contains("api.token=[hidden]").doesNotContain(SECRET);
    assertThat(v.toString()).doesNotContain(SECRET);
    assertThat(c.getPassword("api.token").toString()).doesNotContain(SECRET);

    String shortSecret = "tiny7xy";
    assertThatThrownBy(() -> load(env("DEMO_API_TOKEN", shortSecret)))
        .hasMessageContaining("api.token")
        .hasMessageContaining("DEMO_API_TOKEN")
        .hasMessageContaining("at least 8 characters")
        .hasMessageNotContaining(shortSecret);
  }

  @Test
  void theLoggedSettingsHideSecrets() {
    List<String> lines =
        LogCapture.during(
            ConfigValues.class.getName(),
            logger ->
                ConfigLoader.load(
                        SPEC,
                        env(
                            "DEMO_API_TOKEN", SECRET,
                            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                            "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                            "KAFKA_SASL_USERNAME", "app",
                            "KAFKA_SASL_PASSWORD", SECRET + "-kafka"))
                    .log(logger));
    assertThat(String.join("\n", lines))
        .contains("api.token=[hidden] (environment variable DEMO_API_TOKEN)")
        .contains("kafka.sasl.username=app")
        .contains("kafka.sasl.password=[hidden]")
        .doesNotContain(SECRET);
  }

  @Test
  void twoKeysWithOneEnvironmentNameAreRefused() {
    ConfigDef def =
        new ConfigDef()
            .define("a.b", Type.STRING, "", Importance.LOW, "x")
            .define("a-b", Type.STRING, "", Importance.LOW, "y");
    assertThatThrownBy(() -> ConfigSpec.builder("x", "X_", def).build())
        .hasMessageContaining("X_A_B");
  }
}
