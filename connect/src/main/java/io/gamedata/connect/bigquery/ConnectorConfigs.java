package io.gamedata.connect.bigquery;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gamedata.contracts.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;

/**
 * The connector configs shipped under {@code connectors/} (bodies for {@code PUT
 * /connectors/<name>/config}). Secrets and deployment values are {@code ${env:VAR}} references that
 * the worker resolves itself through {@code EnvVarConfigProvider} ({@code config.providers=env}),
 * so they never travel through the REST API or the repository.
 */
public final class ConnectorConfigs {

  public static final String BIGQUERY_GAMES = "bigquery-games-sink";
  public static final String BIGQUERY_CHANGELOG = "bigquery-changelog-sink";
  public static final String DUCKDB = "duckdb-sink";

  private static final Pattern ENV_REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

  private ConnectorConfigs() {}

  /** The raw config of {@code connectors/<name>.json}, references unresolved. */
  public static Map<String, String> load(String name) {
    String resource = "/connectors/" + name + ".json";
    try (InputStream in = ConnectorConfigs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no connector config " + resource);
      }
      return Json.mapper().readValue(in, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces every {@code ${env:VAR}}; a missing variable fails naming the key and variable. */
  public static Map<String, String> resolve(
      Map<String, String> config, Function<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    config.forEach(
        (key, value) -> {
          Matcher m = ENV_REF.matcher(value);
          StringBuilder sb = new StringBuilder();
          while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
              throw new ConfigException(
                  key, value, "environment variable " + m.group(1) + " is not set");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
          }
          m.appendTail(sb);
          out.put(key, sb.toString());
        });
    return out;
  }
}
