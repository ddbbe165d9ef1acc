package io.gamedata.producer.config;

/** A setting is missing or invalid; the message names the key (environment variable and option). */
public final class ConfigException extends IllegalArgumentException {
  private final String key;

  public ConfigException(String key, String message) {
    super(key + ": " + message);
    this.key = key;
  }

  /** The environment variable name of the offending setting. */
  public String key() {
    return key;
  }
}
