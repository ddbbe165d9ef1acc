package io.gamedata.streams.runtime;

import io.gamedata.streams.config.StreamsAppConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service: {@code java ... StreamsMain [config.properties]}. Settings come from the file, then
 * from environment variables {@code GAMEDATA_STREAMS_<KEY>} (key upper-cased, dots as underscores,
 * e.g. {@code GAMEDATA_STREAMS_BOOTSTRAP_SERVERS}). Starts, waits for RUNNING, and closes
 * gracefully on SIGTERM/SIGINT.
 */
public final class StreamsMain {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsMain.class);

  /** Prefix of the environment variables that set keys. */
  public static final String ENV_PREFIX = "GAMEDATA_STREAMS_";

  private StreamsMain() {}

  public static void main(String[] args) throws Exception {
    StreamsAppConfig config = load(args, System.getenv());
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

  /** The configuration from an optional file and the environment (environment wins). */
  public static StreamsAppConfig load(String[] args, Map<String, String> env) {
    Map<String, String> fromEnv = new HashMap<>();
    for (String key : StreamsAppConfig.CONFIG_DEF.names()) {
      String v = env.get(envName(key));
      if (v != null) {
        fromEnv.put(key, v);
      }
    }
    if (args.length > 0) {
      return StreamsAppConfig.fromFile(Path.of(args[0]), fromEnv);
    }
    return new StreamsAppConfig(fromEnv);
  }

  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }
}
