package io.gamedata.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --key value} options of a benchmark. */
final class BenchArgs {
  private final Map<String, String> values = new HashMap<>();

  BenchArgs(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      String key = args[i].substring(2);
      if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        values.put(key, args[++i]);
      } else {
        values.put(key, "true");
      }
    }
  }

  int integer(String key, int def) {
    String v = values.get(key);
    return v == null ? def : Integer.parseInt(v);
  }

  String string(String key, String def) {
    return values.getOrDefault(key, def);
  }

  boolean flag(String key) {
    return Boolean.parseBoolean(values.getOrDefault(key, "false"));
  }
}
