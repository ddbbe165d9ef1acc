package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker/connect/*.sh run with sh and curl against a local stand-in of the Connect REST API: the
 * sink is chosen from the GCP settings, its template is filled from the environment and registered
 * with PUT /connectors/NAME/config, and an error answer fails the script.
 */
class ConnectorRegistrationScriptTest {

  private static final ExternalTool SH = new ExternalTool("sh", "Debian: dash");
  private static final ExternalTool CURL = new ExternalTool("curl", "apt-get install -y curl");

  @Test
  void withoutGcpSettingsTheDuckDbSinkIsRegisteredWithPut() throws Exception {
    try (FakeConnectRest connect = new FakeConnectRest()) {
      ExternalTool.Result result = selectSink(connect, Map.of());

      assertThat(result.exitCode()).as(result.output()).isZero();
      FakeConnectRest.Call put = onlyPut(connect);
      assertThat(put.path()).isEqualTo("/connectors/duckdb-sink/config");
      JsonNode config = new ObjectMapper().readTree(put.body());
      assertThat(config.path("connector.class").asText()).contains("DuckDb");
      assertThat(config.path("topics").asText()).isEqualTo("games.enriched");
    }
  }

  @Test
  void withGcpSettingsTheBigQuerySinkIsRegisteredWithTheValuesFilledIn() throws Exception {
    try (FakeConnectRest connect = new FakeConnectRest()) {
      ExternalTool.Result result =
          selectSink(
              connect,
              Map.of(
                  "GCP_PROJECT_ID", "my-project",
                  "BIGQUERY_KEYFILE_HOST", "/home/me/key.json",
                  "BIGQUERY_DATASET", "catalogue",
                  "BIGQUERY_KEY_SOURCE", "FILE",
                  "BIGQUERY_KEYFILE", "/secrets/bigquery-key.json"));

      assertThat(result.exitCode()).as(result.output()).isZero();
      FakeConnectRest.Call put = onlyPut(connect);
      assertThat(put.path()).isEqualTo("/connectors/bigquery-sink/config");
      JsonNode config = new ObjectMapper().readTree(put.body());
      assertThat(config.path("project").asText()).isEqualTo("my-project");
      assertThat(config.path("defaultDataset").asText()).isEqualTo("catalogue");
      assertThat(config.path("keyfile").asText()).isEqualTo("/secrets/bigquery-key.json");
      assertThat(config.path("transforms.keyToStruct.type").asText())
          .isEqualTo("org.apache.kafka.connect.transforms.HoistField$Key");
      assertThat(put.body()).doesNotContain("${");
    }
  }

  @Test
  void registeringTwiceUpdatesTheSameConnector() throws Exception {
    try (FakeConnectRest connect = new FakeConnectRest()) {
      assertThat(selectSink(connect, Map.of()).exitCode()).isZero();
      assertThat(selectSink(connect, Map.of()).exitCode()).isZero();

      assertThat(connect.calls())
          .filteredOn(c -> !c.method().equals("GET"))
          .extracting(FakeConnectRest.Call::method, FakeConnectRest.Call::path)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("PUT", "/connectors/duckdb-sink/config"),
              org.assertj.core.groups.Tuple.tuple("PUT", "/connectors/duckdb-sink/config"));
    }
  }

  @Test
  void aRejectedConfigFailsTheScript() throws Exception {
    try (FakeConnectRest connect = new FakeConnectRest()) {
      connect.failPutsWith(400);
      ExternalTool.Result result = selectSink(connect, Map.of());

      assertThat(result.exitCode()).isNotZero();
      assertThat(result.output()).contains("HTTP 400");
    }
  }

  private static ExternalTool.Result selectSink(FakeConnectRest connect, Map<String, String> env)
      throws Exception {
    CURL.require();
    Map<String, String> all = new HashMap<>(env);
    all.put("CONNECT_URL", connect.url());
    all.put("CONNECTORS_DIR", Repo.path("docker/connect/connectors").toString());
    all.put("SCRIPTS_DIR", Repo.path("docker/connect").toString());
    all.putIfAbsent("GCP_PROJECT_ID", "");
    all.putIfAbsent("BIGQUERY_KEYFILE_HOST", "");
    return SH.run(Repo.root(), all, "docker/connect/select-sink.sh");
  }

  private static FakeConnectRest.Call onlyPut(FakeConnectRest connect) {
    List<FakeConnectRest.Call> puts =
        connect.calls().stream().filter(c -> c.method().equals("PUT")).toList();
    assertThat(puts).hasSize(1);
    return puts.get(0);
  }
}
