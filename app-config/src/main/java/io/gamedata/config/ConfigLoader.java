package io.gamedata.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads an app's settings the one way every app does: the {@link org.apache.kafka.common.config
 * .ConfigDef} defaults, then an optional properties file, then the environment on top (then, for
 * apps with command-line verbs, their options).
 *
 * <p>Strict about names: a variable under the app's prefix that names no key, an unknown {@code
 * KAFKA_*} variable (in an app that uses Kafka; Kafka's own tool variables such as {@code
 * KAFKA_HEAP_OPTS} excepted), a retired name and an unknown key in the file all fail, naming the
 * variable and the closest known one. Other apps' prefixes are ignored, so one {@code .env} may
 * serve every app. An empty variable counts as unset.
 */
public final class ConfigLoader {

  /** Variables of Kafka's own scripts, which share the {@code KAFKA_} prefix; ignored. */
  public static final Set<String> KAFKA_TOOL_VARIABLES =
      Set.of(
          "KAFKA_HOME",
          "KAFKA_OPTS",
          "KAFKA_HEAP_OPTS",
          "KAFKA_JVM_PERFORMANCE_OPTS",
          "KAFKA_LOG4J_OPTS",
          "KAFKA_JMX_OPTS",
          "KAFKA_GC_LOG_OPTS",
          "KAFKA_DEBUG");

  /** Prefix of the shared Kafka names. */
  public static final String KAFKA_PREFIX = "KAFKA_";

  private ConfigLoader() {}

  /** Defaults, then the environment. */
  public static ConfigValues load(ConfigSpec spec, Map<String, String> env) {
    return load(spec, null, env, Map.of());
  }

  /** Defaults, then {@code file} (may be null), then the environment. */
  public static ConfigValues load(ConfigSpec spec, Path file, Map<String, String> env) {
    return load(spec, file, env, Map.of());
  }

  /**
   * Defaults, then {@code file} (may be null), then the environment, then {@code commandLine} (keys
   * to values, from an app's options).
   */
  public static ConfigValues load(
      ConfigSpec spec, Path file, Map<String, String> env, Map<String, String> commandLine) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    if (file != null) {
      Properties p = read(file);
      List<String> unknown = new ArrayList<>();
      for (String key : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
        if (!spec.knowsKey(key)) {
          unknown.add(
              "unknown key "
                  + key
                  + " in "
                  + file
                  + spec.closest(key, spec.def().names())
                      .map(k -> " (did you mean " + k + "?)")
                      .orElse(""));
          continue;
        }
        values.put(key, p.getProperty(key).trim());
        sources.put(key, "file " + file);
      }
      fail(spec, unknown);
    }
    fail(spec, nameProblems(spec, env));
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String value = e.getValue();
      if (value == null || value.isBlank()) {
        continue; // an empty variable counts as unset
      }
      spec.keyOf(e.getKey())
          .ifPresent(
              key -> {
                values.put(key, value.trim());
                sources.put(key, "environment variable " + e.getKey());
              });
    }
    commandLine.forEach(
        (key, value) -> {
          if (!spec.knowsKey(key)) {
            throw new IllegalArgumentException(spec.app() + ": no key " + key);
          }
          values.put(key, value);
          sources.put(key, "the command line");
        });
    return new ConfigValues(spec, values, sources);
  }

  /** Values given in code (tests, embedded use); keys must be known. */
  public static ConfigValues of(ConfigSpec spec, Map<String, ?> values) {
    Map<String, Object> v = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    values.forEach(
        (key, value) -> {
          if (!spec.knowsKey(key)) {
            unknown.add(
                "unknown key "
                    + key
                    + spec.closest(key, spec.def().names())
                        .map(k -> " (did you mean " + k + "?)")
                        .orElse(""));
          } else if (value != null) {
            v.put(key, value);
            sources.put(key, "code");
          }
        });
    fail(spec, unknown);
    return new ConfigValues(spec, v, sources);
  }

  /**
   * What is wrong with the names of an environment for this app (unknown or retired variables), one
   * message per variable; empty when every name is fine.
   */
  public static List<String> nameProblems(ConfigSpec spec, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    for (String name : new TreeMap<>(env).keySet()) {
      String replacement = spec.renamed().get(name);
      if (replacement != null) {
        problems.add(name + " is no longer read: use " + replacement);
        continue;
      }
      if (spec.keyOf(name).isPresent()) {
        continue;
      }
      boolean own = name.startsWith(spec.envPrefix());
      boolean kafka =
          spec.usesKafka() && name.startsWith(KAFKA_PREFIX) && !KAFKA_TOOL_VARIABLES.contains(name);
      if (own || kafka) {
        problems.add(
            "unknown setting "
                + name
                + spec.closest(name, spec.envNames())
                    .map(k -> " (did you mean " + k + "?)")
                    .orElse(""));
      }
    }
    return problems;
  }

  private static void fail(ConfigSpec spec, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new ConfigException(
          spec.app()
              + ": "
              + (problems.size() == 1
                  ? problems.get(0)
                  : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
    }
  }

  private static Properties read(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the configuration file " + file, e);
    }
    return p;
  }
}
