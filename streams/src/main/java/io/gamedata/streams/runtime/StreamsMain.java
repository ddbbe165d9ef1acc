package io.gamedata.streams.runtime;

import io.gamedata.config.ConfigLoader;
import io.gamedata.config.ConfigValues;
import io.gamedata.streams.config.StreamsAppConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service: {@code java ... StreamsMain [config.properties]}. Settings come from the defaults,
 * then the file, then the environment (the deployment contract: {@code KAFKA_*}, {@code HTTP_*},
 * {@code STREAMS_<KEY>}; docs/configuration.md). A bad or unknown setting ends the process with
 * exit code 2 and a message naming it. Starts, waits for RUNNING, and closes gracefully on
 * SIGTERM/SIGINT.
 */
public final class StreamsMain {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsMain.class);

  private StreamsMain() {}

  public static void main(String[] args) throws Exception {
    StreamsAppConfig config;
    try {
      config = load(args, System.getenv());
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    StreamsApp app = new StreamsApp(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Shutting down (timeout {} ms)", config.shutdownTimeout().toMillis());
                  app.close();
                  stopped.countDown();
                },
                "streams-shutdown"));
    app.start();
    app.awaitRunning(config.startupTimeout());
    LOG.info("Streams application {} RUNNING", config.applicationId());
    stopped.await();
  }

  /** The configuration from an optional file ({@code args[0]}) and the environment (wins). */
  public static StreamsAppConfig load(String[] args, Map<String, String> env) {
    ConfigValues values =
        ConfigLoader.load(StreamsAppConfig.SPEC, args.length > 0 ? Path.of(args[0]) : null, env);
    StreamsAppConfig config = values.build(StreamsAppConfig::new);
    values.log(LOG);
    return config;
  }
}
