package io.gamedata.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line options of an app with verbs (picocli), made from its {@link ConfigSpec}: each
 * option sets one key, its help text is the key's documentation with its environment name and
 * default, and its value goes on top of the environment ({@link ConfigLoader#load(ConfigSpec,
 * java.nio.file.Path, Map, Map)}). No option has a default of its own.
 */
public final class CliOptions {

  private final ConfigSpec spec;
  private final Map<String, String> given = new LinkedHashMap<>();

  public CliOptions(ConfigSpec spec) {
    this.spec = spec;
  }

  /** Adds an option named {@code names} (e.g. {@code --rps}) that sets {@code key}. */
  public CliOptions add(CommandSpec command, String key, String... names) {
    ConfigKey k = spec.def().configKeys().get(key);
    if (k == null) {
      throw new IllegalArgumentException(spec.app() + ": no key " + key);
    }
    if (k.type == org.apache.kafka.common.config.ConfigDef.Type.PASSWORD) {
      throw new IllegalArgumentException(key + " is secret: never an option (others can read it)");
    }
    command.addOption(
        OptionSpec.builder(names)
            .type(String.class)
            .arity("1")
            .paramLabel(label(k))
            .description(help(k))
            .setter(
                new picocli.CommandLine.Model.ISetter() {
                  @Override
                  public <T> T set(T value) {
                    if (value != null) {
                      given.put(key, value.toString());
                    }
                    return null;
                  }
                })
            .build());
    return this;
  }

  /** The keys set on the command line (after parsing). */
  public Map<String, String> given() {
    return Map.copyOf(given);
  }

  private String help(ConfigKey k) {
    String env = " Env: " + spec.envName(k.name);
    if (!k.hasDefault()) {
      return k.documentation + env + " (required).";
    }
    String s =
        k.defaultValue == null
            ? ""
            : org.apache.kafka.common.config.ConfigDef.convertToString(k.defaultValue, k.type);
    return k.documentation + env + ". Default: " + (s.isEmpty() ? "none" : s) + ".";
  }

  private static String label(ConfigKey k) {
    return switch (k.type) {
      case INT, LONG, SHORT -> "N";
      case DOUBLE -> "X";
      case BOOLEAN -> "true|false";
      case LIST -> "A,B,...";
      default -> "VALUE";
    };
  }
}
