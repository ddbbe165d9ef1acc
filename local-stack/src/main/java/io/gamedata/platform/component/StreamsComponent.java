package io.gamedata.platform.component;

import io.gamedata.streams.config.StreamsAppConfig;
import io.gamedata.streams.runtime.StreamsApp;
import java.time.Duration;

/** The Kafka Streams application (validate, dedupe, enrich), state under {@code --state-dir}. */
public final class StreamsComponent implements Component {

  private StreamsApp app;

  @Override
  public void start(ComponentSettings s) throws Exception {
    app =
        new StreamsApp(
            StreamsAppConfig.builder(s.string("bootstrap-servers"))
                .stateDir(s.path("state-dir"))
                .set(StreamsAppConfig.HTTP_PORT_CONFIG, s.integer("http-port"))
                // near-real-time settings for the local stack: commit (and so make visible under
                // exactly-once) every 200 ms, hold a game whose new cover or company is not
                // found yet for at most 1 s while live changes trickle in (it goes out as soon as
                // they are found; with 300 ms, 347 of 3,346 demo games on a loaded machine went
                // out before their cover and again after it)
                .set(
                    StreamsAppConfig.COMMIT_INTERVAL_MS_CONFIG,
                    s.integer("commit-interval-ms", 200))
                .set(StreamsAppConfig.EMIT_HOLD_MS_CONFIG, s.integer("emit-hold-ms", 1000))
                .build());
    app.start();
    app.awaitRunning(Duration.ofMinutes(3));
  }

  @Override
  public void close() {
    if (app != null) {
      app.close();
    }
  }
}
