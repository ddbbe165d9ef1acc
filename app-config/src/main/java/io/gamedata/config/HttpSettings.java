package io.gamedata.config;

import java.util.List;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The app's one HTTP server (API, health, webhooks, metrics): the shared {@code HTTP_PORT} and
 * {@code HTTP_BIND_ADDRESS} of the deployment contract. The port's default differs per app
 * (recommender 8080, producer 8091, streams 8092, simulator 8090, trainer 8094).
 */
public final class HttpSettings {

  public static final String GROUP = "HTTP";
  public static final String PORT = "http.port";
  public static final String BIND_ADDRESS = "http.bind.address";
  public static final String BIND_ADDRESS_DEFAULT = "0.0.0.0";

  /** Both shared HTTP keys. */
  public static final List<String> KEYS = List.of(PORT, BIND_ADDRESS);

  private HttpSettings() {}

  /** Adds the HTTP keys; {@code 0} is any free port (tests). */
  public static ConfigDef define(ConfigDef def, int defaultPort) {
    return define(def, defaultPort, 0, "");
  }

  /**
   * Adds the HTTP keys with a lower bound of the port below 0 (streams: {@code -1} = no server).
   */
  public static ConfigDef define(ConfigDef def, int defaultPort, int minPort, String minPortNote) {
    return def.define(
            PORT,
            Type.INT,
            defaultPort,
            Range.between(minPort, 65535),
            Importance.HIGH,
            "Port of the app's HTTP server (API, health, webhooks, metrics); 0 = any free port"
                + minPortNote
                + ".",
            GROUP,
            1,
            ConfigDef.Width.SHORT,
            "HTTP port")
        .define(
            BIND_ADDRESS,
            Type.STRING,
            BIND_ADDRESS_DEFAULT,
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "Interface the HTTP server binds (./platform binds 127.0.0.1).",
            GROUP,
            2,
            ConfigDef.Width.MEDIUM,
            "HTTP bind address");
  }

  public static int port(AbstractConfig c) {
    return c.getInt(PORT);
  }

  public static String bindAddress(AbstractConfig c) {
    return c.getString(BIND_ADDRESS).trim();
  }
}
