package io.gamedata.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

/**
 * The configuration table of the docs, made from the apps' {@link ConfigSpec}s: one row per
 * environment name (a shared name once, with every app that reads it), its default (per app when
 * they differ), whether it is required, and its documentation.
 */
public final class ConfigTable {

  /** One row of the table. */
  public record Row(
      String envName,
      String key,
      List<String> apps,
      String defaults,
      boolean required,
      String doc) {}

  private ConfigTable() {}

  /** Rows of every spec: shared names first (in definition order), then each app's own. */
  public static List<Row> rows(List<ConfigSpec> specs) {
    Map<String, List<ConfigSpec>> byEnv = new LinkedHashMap<>();
    Map<String, ConfigKey> keyByEnv = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    for (boolean shared : new boolean[] {true, false}) {
      for (ConfigSpec spec : specs) {
        for (ConfigKey key : spec.def().configKeys().values()) {
          if (spec.isShared(key.name) != shared) {
            continue;
          }
          String env = spec.envName(key.name);
          if (!byEnv.containsKey(env)) {
            order.add(env);
            keyByEnv.put(env, key);
          }
          byEnv.computeIfAbsent(env, e -> new ArrayList<>()).add(spec);
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (String env : order) {
      List<ConfigSpec> apps = byEnv.get(env);
      ConfigKey first = keyByEnv.get(env);
      Set<String> defaults = new LinkedHashSet<>();
      boolean required = false;
      for (ConfigSpec spec : apps) {
        ConfigKey k = spec.def().configKeys().get(first.name);
        defaults.add(defaultText(k));
        required |= !k.hasDefault();
      }
      String dflt;
      if (defaults.size() == 1) {
        dflt = defaults.iterator().next();
      } else {
        List<String> perApp = new ArrayList<>();
        for (ConfigSpec spec : apps) {
          perApp.add(spec.app() + " " + defaultText(spec.def().configKeys().get(first.name)));
        }
        dflt = String.join(", ", perApp);
      }
      rows.add(
          new Row(
              env,
              first.name,
              apps.stream().map(ConfigSpec::app).toList(),
              dflt,
              required,
              first.documentation));
    }
    return rows;
  }

  /** The rows as a Markdown table. */
  public static String markdown(List<ConfigSpec> specs) {
    StringBuilder sb = new StringBuilder();
    sb.append("| env | key | app(s) | default | required | meaning |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Row r : rows(specs)) {
      sb.append("| `")
          .append(r.envName())
          .append("` | `")
          .append(r.key())
          .append("` | ")
          .append(String.join(", ", r.apps()))
          .append(" | ")
          .append(cell(r.defaults()))
          .append(" | ")
          .append(r.required() ? "yes" : "no")
          .append(" | ")
          .append(cell(r.doc()))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String defaultText(ConfigKey k) {
    if (!k.hasDefault()) {
      return "-";
    }
    Object v = k.defaultValue;
    if (v == null) {
      return "(none)";
    }
    if (v instanceof Password) {
      return "(secret)";
    }
    String s =
        v instanceof List<?> l
            ? String.join(",", l.stream().map(Object::toString).toList())
            : ConfigDef.convertToString(v, k.type);
    String tmp = System.getProperty("java.io.tmpdir").replaceAll("/+$", "");
    if (!tmp.isEmpty() && s.startsWith(tmp + "/")) {
      s = "<java.io.tmpdir>" + s.substring(tmp.length()); // the same table on every machine
    }
    return s.isEmpty() ? "(empty)" : "`" + s + "`";
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }
}
