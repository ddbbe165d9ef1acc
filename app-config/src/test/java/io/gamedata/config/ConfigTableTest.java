package io.gamedata.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.junit.jupiter.api.Test;

class ConfigTableTest {

  @Test
  void sharedNamesAppearOnceWithEveryAppAndTheirDefaults() {
    ConfigSpec other =
        ConfigSpec.builder(
                "other",
                "OTHER_",
                HttpSettings.define(KafkaConnection.define(new ConfigDef()), 8080)
                    .define("list.size", Type.INT, 50, Importance.LOW, "K'."))
            .build();
    List<ConfigTable.Row> rows = ConfigTable.rows(List.of(ConfigLoaderTest.SPEC, other));

    assertThat(rows.stream().map(ConfigTable.Row::envName))
        .startsWith("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL")
        .containsOnlyOnce("HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS")
        .contains("DEMO_NUM_THREADS", "OTHER_LIST_SIZE")
        .doesNotHaveDuplicates();
    ConfigTable.Row port =
        rows.stream().filter(r -> r.envName().equals("HTTP_PORT")).findFirst().orElseThrow();
    assertThat(port.apps()).containsExactly("demo", "other");
    assertThat(port.defaults()).isEqualTo("demo `8099`, other `8080`");
    ConfigTable.Row bootstrap = rows.get(0);
    assertThat(bootstrap.required()).isTrue();
    assertThat(bootstrap.defaults()).isEqualTo("-");

    String md = ConfigTable.markdown(List.of(ConfigLoaderTest.SPEC, other));
    assertThat(md)
        .startsWith("| env | key | app(s) | default | required | meaning |")
        .contains("| `DEMO_NUM_THREADS` | `num.threads` | demo | `2` | no | Threads. |")
        .contains("| `DEMO_API_TOKEN` | `api.token` | demo | (none) | no | A secret. |");
  }
}
