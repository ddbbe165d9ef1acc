package io.gamedata.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** {@link ConfigDef.Validator}s the apps share. */
public final class Validators {

  private Validators() {}

  /** One of {@code values} (any case), or unset/empty. */
  public static ConfigDef.Validator oneOfOrEmpty(List<String> values) {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        if (value == null || value.toString().isBlank()) {
          return;
        }
        String v = value.toString().trim().toUpperCase(Locale.ROOT);
        if (values.stream().noneMatch(s -> s.toUpperCase(Locale.ROOT).equals(v))) {
          throw new ConfigException(name, value, "must be one of " + values);
        }
      }

      @Override
      public String toString() {
        return String.join(", ", values) + " or empty";
      }
    };
  }

  /** An http(s) URL with a host; unset/empty allowed when {@code optional}. */
  public static ConfigDef.Validator httpUrl(boolean optional) {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        if (value == null || value.toString().isBlank()) {
          if (optional) {
            return;
          }
          throw new ConfigException(name, value, "an http(s) URL is required");
        }
        URI uri;
        try {
          uri = URI.create(value.toString().trim());
        } catch (IllegalArgumentException e) {
          throw new ConfigException(name, value, "not a URL");
        }
        String s = uri.getScheme();
        if (s == null || !(s.equals("http") || s.equals("https")) || uri.getHost() == null) {
          throw new ConfigException(name, value, "must be an http(s) URL");
        }
      }

      @Override
      public String toString() {
        return "http(s) URL" + (optional ? " or empty" : "");
      }
    };
  }

  /** Matches {@code regex} (whole value); unset/empty allowed. */
  public static ConfigDef.Validator matchesOrEmpty(String regex, String what) {
    Pattern p = Pattern.compile(regex);
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        if (value == null || value.toString().isEmpty()) {
          return;
        }
        if (!p.matcher(value.toString()).matches()) {
          throw new ConfigException(name, value, "must be " + what);
        }
      }

      @Override
      public String toString() {
        return what;
      }
    };
  }

  /** A password of at least {@code min} characters; unset allowed. Never echoes the value. */
  public static ConfigDef.Validator secretOfAtLeast(int min) {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        if (value == null) {
          return;
        }
        String v =
            value instanceof org.apache.kafka.common.config.types.Password p
                ? p.value()
                : value.toString();
        if (v.length() < min) {
          throw new ConfigException(name, "[hidden]", "must be at least " + min + " characters");
        }
      }

      @Override
      public String toString() {
        return "at least " + min + " characters";
      }
    };
  }
}
