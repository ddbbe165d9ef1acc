package io.gamedata.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;

/**
 * One app's side of the deployment contract: its {@link ConfigDef} (every key with type, default,
 * validator and documentation) and how each key is named in the environment.
 *
 * <p>The environment name of a key is the app's prefix plus the key upper-cased with {@code .} and
 * {@code -} turned into {@code _} ({@code state.dir} of streams is {@code STREAMS_STATE_DIR}).
 * Shared keys (the Kafka connection, the HTTP server, IGDB's credentials) have no prefix: {@code
 * kafka.bootstrap.servers} is {@code KAFKA_BOOTSTRAP_SERVERS} in every app. A passthrough prefix
 * lets a family of keys through unchecked by the app (streams' {@code kafka.streams.*}, handed to
 * Kafka Streams as they are): {@code STREAMS_KAFKA_STREAMS_NUM_STANDBY_REPLICAS} is {@code
 * kafka.streams.num.standby.replicas}.
 */
public final class ConfigSpec {

  private final String app;
  private final String module;
  private final String envPrefix;
  private final ConfigDef def;
  private final Set<String> sharedKeys;
  private final List<String> passthroughPrefixes;
  private final Map<String, String> renamed;
  private final Map<String, String> keyByEnv;

  private ConfigSpec(Builder b) {
    this.app = b.app;
    this.module = b.module == null ? b.app : b.module;
    this.envPrefix = b.envPrefix;
    this.def = b.def;
    this.sharedKeys = Collections.unmodifiableSet(new LinkedHashSet<>(b.sharedKeys));
    this.passthroughPrefixes = List.copyOf(b.passthroughPrefixes);
    this.renamed = Collections.unmodifiableMap(new LinkedHashMap<>(b.renamed));
    Map<String, String> byEnv = new TreeMap<>();
    for (String key : def.names()) {
      String env = envName(key);
      String clash = byEnv.put(env, key);
      if (clash != null) {
        throw new IllegalArgumentException(
            app + ": keys " + clash + " and " + key + " have the same environment name " + env);
      }
    }
    for (String key : sharedKeys) {
      if (!def.names().contains(key)) {
        throw new IllegalArgumentException(app + ": shared key " + key + " is not defined");
      }
    }
    for (String old : renamed.keySet()) {
      if (byEnv.containsKey(old)) {
        throw new IllegalArgumentException(app + ": renamed " + old + " is still a key's name");
      }
    }
    this.keyByEnv = Collections.unmodifiableMap(byEnv);
  }

  /**
   * A spec under construction.
   *
   * @param app the app's name in messages and the docs table ({@code streams})
   * @param envPrefix prefix of the app's own environment names ({@code STREAMS_})
   * @param def every key of the app, shared ones included
   */
  public static Builder builder(String app, String envPrefix, ConfigDef def) {
    return new Builder(app, envPrefix, def);
  }

  /** The environment form of a key without any prefix: upper case, {@code .}/{@code -} as _. */
  public static String envify(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public String app() {
    return app;
  }

  /** The Maven module whose code reads these keys (the image of a compose or Cloud Run service). */
  public String module() {
    return module;
  }

  public String envPrefix() {
    return envPrefix;
  }

  public ConfigDef def() {
    return def;
  }

  public boolean isShared(String key) {
    return sharedKeys.contains(key);
  }

  public Set<String> sharedKeys() {
    return sharedKeys;
  }

  public List<String> passthroughPrefixes() {
    return passthroughPrefixes;
  }

  /** Retired environment names and what replaced them (they fail start-up with the new name). */
  public Map<String, String> renamed() {
    return renamed;
  }

  /** Whether the app connects to Kafka (then the shared {@code KAFKA_*} names are a closed set). */
  public boolean usesKafka() {
    return def.names().contains(KafkaConnection.BOOTSTRAP_SERVERS);
  }

  /** The environment variable of a key. */
  public String envName(String key) {
    return sharedKeys.contains(key) ? envify(key) : envPrefix + envify(key);
  }

  /** Every environment name of a defined key, sorted. */
  public Set<String> envNames() {
    return keyByEnv.keySet();
  }

  /** The key an environment variable sets, passthrough families included; empty if none. */
  public Optional<String> keyOf(String envName) {
    String key = keyByEnv.get(envName);
    if (key != null) {
      return Optional.of(key);
    }
    for (String p : passthroughPrefixes) {
      String envP = envPrefix + envify(p);
      if (envName.startsWith(envP) && envName.length() > envP.length()) {
        return Optional.of(
            p + envName.substring(envP.length()).toLowerCase(Locale.ROOT).replace('_', '.'));
      }
    }
    return Optional.empty();
  }

  /** Whether a properties-file key is defined or belongs to a passthrough family. */
  public boolean knowsKey(String key) {
    if (def.names().contains(key)) {
      return true;
    }
    for (String p : passthroughPrefixes) {
      if (key.startsWith(p) && key.length() > p.length()) {
        return true;
      }
    }
    return false;
  }

  /** The known name closest to {@code name} (edit distance), for "did you mean" hints. */
  public Optional<String> closest(String name, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name, k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    // only a plausible typo: at most a third of the name changed
    return best != null && bestDistance <= Math.max(2, name.length() / 3)
        ? Optional.of(best)
        : Optional.empty();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  @Override
  public String toString() {
    return "ConfigSpec[" + app + ", " + envPrefix + "*, " + def.names().size() + " keys]";
  }

  /** Collects the parts of a spec; {@link #build()} checks that the names are unambiguous. */
  public static final class Builder {
    private final String app;
    private final String envPrefix;
    private final ConfigDef def;
    private String module;
    private final Set<String> sharedKeys = new LinkedHashSet<>();
    private final List<String> passthroughPrefixes = new ArrayList<>();
    private final Map<String, String> renamed = new LinkedHashMap<>();

    private Builder(String app, String envPrefix, ConfigDef def) {
      this.app = Objects.requireNonNull(app);
      this.envPrefix = Objects.requireNonNull(envPrefix);
      this.def = Objects.requireNonNull(def);
      if (!envPrefix.endsWith("_") || !envPrefix.equals(envify(envPrefix))) {
        throw new IllegalArgumentException(
            "prefix must be upper case and end with _: " + envPrefix);
      }
      def.names().stream()
          .filter(KafkaConnection.KEYS::contains)
          .forEach(sharedKeys::add); // defined through KafkaConnection.define
      def.names().stream().filter(HttpSettings.KEYS::contains).forEach(sharedKeys::add);
    }

    /** The Maven module of the app when it differs from its name. */
    public Builder module(String m) {
      module = m;
      return this;
    }

    /** Keys with a well-known name of their own (no prefix), e.g. {@code twitch.client.id}. */
    public Builder shared(String... keys) {
      sharedKeys.addAll(List.of(keys));
      return this;
    }

    /** A family of keys passed on unchecked, e.g. {@code kafka.streams.}. */
    public Builder passthrough(String keyPrefix) {
      if (!keyPrefix.endsWith(".")) {
        throw new IllegalArgumentException("a passthrough prefix ends with '.': " + keyPrefix);
      }
      passthroughPrefixes.add(keyPrefix);
      return this;
    }

    /** A retired environment name: setting it fails start-up, naming what replaced it. */
    public Builder renamed(String oldName, String replacement) {
      renamed.put(oldName, replacement);
      return this;
    }

    public ConfigSpec build() {
      return new ConfigSpec(this);
    }
  }
}
