package io.gamedata.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerCliTest {

  record Run(int rc, String out, String err) {}

  static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = ProducerCli.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(rc, out.toString(), err.toString());
  }

  @Test
  void helpDocumentsEveryOptionWithItsEnvironmentVariable() {
    Run fetch = run(Map.of(), "fetch", "--help");
    assertThat(fetch.rc()).isZero();
    for (String env :
        new String[] {
          "KAFKA_BOOTSTRAP_SERVERS", "IGDB_API_URL", "TWITCH_TOKEN_URL", "TWITCH_CLIENT_ID",
          "TWITCH_CLIENT_SECRET", "IGDB_REQUESTS_PER_SECOND", "IGDB_MAX_IN_FLIGHT",
              "IGDB_PAGE_SIZE",
          "FETCH_ENDPOINTS", "FETCH_RANGES", "FETCH_MULTIQUERY", "FETCH_RAW_DIR",
          "FETCH_CHECKPOINT_FILE"
        }) {
      assertThat(fetch.out()).contains(env);
    }
    Run serve = run(Map.of(), "serve", "--help");
    assertThat(serve.out()).contains("WEBHOOK_PORT", "WEBHOOK_PUBLIC_URL", "SYNC_OVERLAP_S");
    assertThat(run(Map.of(), "--help").out()).contains("fetch", "sync", "serve", "report");
  }

  @Test
  void badConfigFailsFastNamingTheKey() {
    Run r = run(Map.of("TWITCH_CLIENT_ID", "x", "TWITCH_CLIENT_SECRET", "y"), "fetch");
    assertThat(r.rc()).isEqualTo(2);
    assertThat(r.err()).contains("Configuration error: KAFKA_BOOTSTRAP_SERVERS");
    Run r2 =
        run(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                "localhost:1",
                "TWITCH_CLIENT_ID",
                "x",
                "TWITCH_CLIENT_SECRET",
                "y"),
            "fetch",
            "--page-size",
            "501");
    assertThat(r2.rc()).isEqualTo(2);
    assertThat(r2.err()).contains("IGDB_PAGE_SIZE");
  }
}
