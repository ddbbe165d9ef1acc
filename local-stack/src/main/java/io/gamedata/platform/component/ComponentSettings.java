package io.gamedata.platform.component;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --key=value} arguments of a component process, with typed getters that name the key. */
public final class ComponentSettings {

  private final Map<String, String> values;

  public ComponentSettings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static ComponentSettings parse(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String a : args) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException("expected --key=value, got '" + a + "'");
      }
      int eq = a.indexOf('=');
      m.put(a.substring(2, eq), a.substring(eq + 1));
    }
    return new ComponentSettings(m);
  }

  public String string(String key) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing setting --" + key);
    }
    return v;
  }

  public String string(String key, String def) {
    String v = values.get(key);
    return v == null || v.isBlank() ? def : v;
  }

  public int integer(String key) {
    String v = string(key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "setting --" + key + " must be an integer, got '" + v + "'");
    }
  }

  public int integer(String key, int def) {
    return values.containsKey(key) ? integer(key) : def;
  }

  public Path path(String key) {
    return Path.of(string(key));
  }

  public Map<String, String> asMap() {
    return values;
  }
}
