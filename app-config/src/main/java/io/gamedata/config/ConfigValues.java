package io.gamedata.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The settings an app was given (keys to raw values) and where each came from, ready to build the
 * app's config class. {@link #build} fails naming the key, the variable (or file) it came from and
 * what is wrong; secrets never appear in its messages nor in {@link #describe()}.
 */
public final class ConfigValues {

  private static final Pattern INVALID = Pattern.compile("for configuration (\\S+?)(?::|$)");
  private static final Pattern MISSING =
      Pattern.compile("Missing required configuration \"(\\S+)\"");
  private static final Pattern SECRET_NAME =
      Pattern.compile("(password|secret|jaas|credential|token)");

  private final ConfigSpec spec;
  private final Map<String, Object> values;
  private final Map<String, String> sources;

  ConfigValues(ConfigSpec spec, Map<String, Object> values, Map<String, String> sources) {
    this.spec = spec;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  public ConfigSpec spec() {
    return spec;
  }

  /** The given values (keys to raw values), for the app's {@code AbstractConfig}. */
  public Map<String, Object> values() {
    return values;
  }

  /** Where a key's value came from: a variable, a file, the command line, code, or the default. */
  public String source(String key) {
    return sources.getOrDefault(key, "the default");
  }

  /** A copy with one key set in code (a value of null removes it). */
  public ConfigValues with(String key, Object value) {
    if (!spec.knowsKey(key)) {
      throw new IllegalArgumentException(spec.app() + ": no key " + key);
    }
    Map<String, Object> v = new LinkedHashMap<>(values);
    Map<String, String> s = new LinkedHashMap<>(sources);
    if (value == null) {
      v.remove(key);
      s.remove(key);
    } else {
      v.put(key, value);
      s.put(key, "code");
    }
    return new ConfigValues(spec, v, s);
  }

  /** A copy with a key set in code only when nothing set it yet. */
  public ConfigValues withDefault(String key, Object value) {
    return values.containsKey(key) ? this : with(key, value);
  }

  /**
   * Checks every key on its own (type and validator, then whether a required one is given), then
   * builds the config; any {@link ConfigException} is rethrown naming where the value came from.
   */
  public <T> T build(Function<Map<String, Object>, T> constructor) {
    ConfigDef def = spec.def();
    for (ConfigKey key : def.configKeys().values()) {
      Object raw = values.get(key.name);
      if (raw == null && !key.hasDefault()) {
        throw new ConfigException(
            spec.app()
                + ": missing required setting "
                + key.name
                + ": set the environment variable "
                + spec.envName(key.name)
                + " ("
                + key.documentation
                + ")");
      }
      if (raw == null) {
        continue;
      }
      try {
        Object parsed = ConfigDef.parseType(key.name, raw, key.type);
        if (key.validator != null) {
          key.validator.ensureValid(key.name, parsed);
        }
      } catch (ConfigException e) {
        throw sourced(e, key.name);
      }
    }
    try {
      return constructor.apply(values);
    } catch (ConfigException e) {
      throw sourced(e, keyOf(e));
    }
  }

  private ConfigException sourced(ConfigException e, String key) {
    String msg = e.getMessage();
    if (key == null) {
      return new ConfigException(spec.app() + ": " + msg);
    }
    if (isSecret(key)) {
      // a validator may have echoed the value: keep what is wrong, never the value
      Object v = values.get(key);
      String secret = v instanceof Password p ? p.value() : String.valueOf(v);
      int colon = msg.lastIndexOf(": ");
      String detail = colon > 0 ? msg.substring(colon) : "";
      if (v != null && !secret.isEmpty() && detail.contains(secret)) {
        detail = "";
      }
      msg = "Invalid value for configuration " + key + " (secret, not shown)" + detail;
    }
    msg =
        msg.replaceFirst(
            "^Invalid value null for configuration ", "Missing value for configuration ");
    String env = spec.envName(key);
    String where =
        sources.containsKey(key)
            ? source(key).equals("environment variable " + env)
                ? "set by " + source(key)
                : "from " + source(key) + "; environment variable " + env
            : "not set; environment variable " + env;
    ConfigException out = new ConfigException(spec.app() + ": " + msg + " (" + where + ")");
    out.initCause(e);
    return out;
  }

  private static String keyOf(ConfigException e) {
    String msg = e.getMessage() == null ? "" : e.getMessage();
    Matcher m = INVALID.matcher(msg);
    if (m.find()) {
      return m.group(1);
    }
    m = MISSING.matcher(msg);
    return m.find() ? m.group(1) : null;
  }

  private boolean isSecret(String key) {
    ConfigKey k = spec.def().configKeys().get(key);
    return k != null ? k.type == ConfigDef.Type.PASSWORD : SECRET_NAME.matcher(key).find();
  }

  /**
   * The given settings, one per line as {@code key=value (source)}, secrets as {@code [hidden]}:
   * what an app logs at start-up.
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    new java.util.TreeMap<>(values)
        .forEach(
            (k, v) -> {
              if (sb.length() > 0) {
                sb.append('\n');
              }
              sb.append("  ")
                  .append(k)
                  .append('=')
                  .append(isSecret(k) || v instanceof Password ? "[hidden]" : v)
                  .append(" (")
                  .append(source(k))
                  .append(')');
            });
    return sb.toString();
  }

  /** Logs {@link #describe()} at INFO: what an app was given and from where, secrets hidden. */
  public void log(org.slf4j.Logger logger) {
    logger.info(
        "{} settings (every other key at its default; docs/configuration.md):\n{}",
        spec.app(),
        values.isEmpty() ? "  (none given)" : describe());
  }

  /** Secrets hidden, like {@link #describe()}. */
  @Override
  public String toString() {
    return "ConfigValues[" + spec.app() + "\n" + describe() + "]";
  }
}
