package io.gamedata.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;

/**
 * How an app reaches Kafka: the shared {@code KAFKA_*} keys of the deployment contract (the same
 * names in every app) and the client properties they make. Every Kafka client an app creates
 * (producer, consumer, admin, Kafka Streams) starts from {@link #clientProperties()}, so turning on
 * SASL_SSL is a matter of settings, not code.
 *
 * <p>Secrets ({@code kafka.sasl.password}, {@code kafka.sasl.jaas.config}, {@code
 * kafka.ssl.truststore.password}) are {@link Password}s: hidden in logs, in {@link #toString()} and
 * in the client properties handed to Kafka (which log them as {@code [hidden]} too).
 */
public final class KafkaConnection {

  public static final String GROUP = "Kafka connection";

  public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
  public static final String SECURITY_PROTOCOL = "kafka.security.protocol";
  public static final String SASL_MECHANISM = "kafka.sasl.mechanism";
  public static final String SASL_USERNAME = "kafka.sasl.username";
  public static final String SASL_PASSWORD = "kafka.sasl.password";
  public static final String SASL_JAAS_CONFIG = "kafka.sasl.jaas.config";
  public static final String SASL_LOGIN_CALLBACK_HANDLER_CLASS =
      "kafka.sasl.login.callback.handler.class";
  public static final String SSL_TRUSTSTORE_LOCATION = "kafka.ssl.truststore.location";
  public static final String SSL_TRUSTSTORE_PASSWORD = "kafka.ssl.truststore.password";
  public static final String SSL_TRUSTSTORE_TYPE = "kafka.ssl.truststore.type";
  public static final String TOPIC_REPLICATION_FACTOR = "kafka.topic.replication.factor";
  public static final String TOPIC_MIN_INSYNC_REPLICAS = "kafka.topic.min.insync.replicas";

  /** Every shared Kafka key, in the order of the docs. */
  public static final List<String> KEYS =
      List.of(
          BOOTSTRAP_SERVERS,
          SECURITY_PROTOCOL,
          SASL_MECHANISM,
          SASL_USERNAME,
          SASL_PASSWORD,
          SASL_JAAS_CONFIG,
          SASL_LOGIN_CALLBACK_HANDLER_CLASS,
          SSL_TRUSTSTORE_LOCATION,
          SSL_TRUSTSTORE_PASSWORD,
          SSL_TRUSTSTORE_TYPE,
          TOPIC_REPLICATION_FACTOR,
          TOPIC_MIN_INSYNC_REPLICAS);

  public static final List<String> PROTOCOLS =
      List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  public static final List<String> MECHANISMS =
      List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER");
  public static final List<String> TRUSTSTORE_TYPES = List.of("PEM", "PKCS12", "JKS");

  private static final String OAUTH_JAAS =
      "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;";

  private final String bootstrapServers;
  private final String securityProtocol;
  private final String saslMechanism;
  private final String saslUsername;
  private final Password saslPassword;
  private final Password saslJaasConfig;
  private final String saslLoginCallbackHandlerClass;
  private final String truststoreLocation;
  private final Password truststorePassword;
  private final String truststoreType;
  private final short replicationFactor;
  private final int minInsyncReplicas;

  private KafkaConnection(AbstractConfig c) {
    this.bootstrapServers = c.getString(BOOTSTRAP_SERVERS).trim();
    this.securityProtocol = c.getString(SECURITY_PROTOCOL).trim().toUpperCase(Locale.ROOT);
    this.saslMechanism = upperOrNull(c.getString(SASL_MECHANISM));
    this.saslUsername = blankToNull(c.getString(SASL_USERNAME));
    this.saslPassword = c.getPassword(SASL_PASSWORD);
    this.saslJaasConfig = c.getPassword(SASL_JAAS_CONFIG);
    this.saslLoginCallbackHandlerClass =
        blankToNull(c.getString(SASL_LOGIN_CALLBACK_HANDLER_CLASS));
    this.truststoreLocation = blankToNull(c.getString(SSL_TRUSTSTORE_LOCATION));
    this.truststorePassword = c.getPassword(SSL_TRUSTSTORE_PASSWORD);
    this.truststoreType = upperOrNull(c.getString(SSL_TRUSTSTORE_TYPE));
    this.replicationFactor = c.getInt(TOPIC_REPLICATION_FACTOR).shortValue();
    this.minInsyncReplicas = c.getInt(TOPIC_MIN_INSYNC_REPLICAS);
    validate();
  }

  private KafkaConnection(String bootstrapServers) {
    this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    this.securityProtocol = "PLAINTEXT";
    this.saslMechanism = null;
    this.saslUsername = null;
    this.saslPassword = null;
    this.saslJaasConfig = null;
    this.saslLoginCallbackHandlerClass = null;
    this.truststoreLocation = null;
    this.truststorePassword = null;
    this.truststoreType = null;
    this.replicationFactor = 1;
    this.minInsyncReplicas = 1;
  }

  /** The connection an app's settings describe; fails naming the key when they disagree. */
  public static KafkaConnection from(AbstractConfig config) {
    return new KafkaConnection(config);
  }

  /** An unsecured connection with every other key at its default (tests, embedded brokers). */
  public static KafkaConnection plaintext(String bootstrapServers) {
    return new KafkaConnection(bootstrapServers);
  }

  /** Adds the shared Kafka keys to an app's definition. */
  public static ConfigDef define(ConfigDef def) {
    int order = 0;
    return def.define(
            BOOTSTRAP_SERVERS,
            Type.STRING,
            ConfigDef.NO_DEFAULT_VALUE,
            new ConfigDef.NonEmptyString(),
            Importance.HIGH,
            "Kafka bootstrap servers, host:port[,host:port...]. ./platform sets it to its own"
                + " broker.",
            GROUP,
            ++order,
            ConfigDef.Width.LONG,
            "bootstrap servers")
        .define(
            SECURITY_PROTOCOL,
            Type.STRING,
            "PLAINTEXT",
            ConfigDef.CaseInsensitiveValidString.in(PROTOCOLS.toArray(String[]::new)),
            Importance.HIGH,
            "Protocol of every Kafka client of the app: " + String.join(", ", PROTOCOLS) + ".",
            GROUP,
            ++order,
            ConfigDef.Width.SHORT,
            "security protocol")
        .define(
            SASL_MECHANISM,
            Type.STRING,
            null,
            Validators.oneOfOrEmpty(MECHANISMS),
            Importance.HIGH,
            "SASL mechanism: "
                + String.join(", ", MECHANISMS)
                + ". Required with SASL_PLAINTEXT and SASL_SSL, refused with the others.",
            GROUP,
            ++order,
            ConfigDef.Width.SHORT,
            "SASL mechanism")
        .define(
            SASL_USERNAME,
            Type.STRING,
            null,
            Importance.MEDIUM,
            "User of PLAIN and SCRAM (with kafka.sasl.password; kafka.sasl.jaas.config replaces"
                + " both).",
            GROUP,
            ++order,
            ConfigDef.Width.MEDIUM,
            "SASL username")
        .define(
            SASL_PASSWORD,
            Type.PASSWORD,
            null,
            Importance.MEDIUM,
            "Password of PLAIN and SCRAM. Secret: never logged.",
            GROUP,
            ++order,
            ConfigDef.Width.MEDIUM,
            "SASL password")
        .define(
            SASL_JAAS_CONFIG,
            Type.PASSWORD,
            null,
            Importance.MEDIUM,
            "A full JAAS login line; overrides username and password. With OAUTHBEARER it defaults"
                + " to the OAuthBearerLoginModule line. Secret: never logged.",
            GROUP,
            ++order,
            ConfigDef.Width.LONG,
            "SASL JAAS config")
        .define(
            SASL_LOGIN_CALLBACK_HANDLER_CLASS,
            Type.STRING,
            null,
            Importance.MEDIUM,
            "Login callback handler, e.g. for GCP Managed Kafka"
                + " com.google.cloud.hosted.kafka.auth.GcpLoginCallbackHandler (must be on the"
                + " class path).",
            GROUP,
            ++order,
            ConfigDef.Width.LONG,
            "SASL login callback handler")
        .define(
            SSL_TRUSTSTORE_LOCATION,
            Type.STRING,
            null,
            Importance.MEDIUM,
            "Trust store file of TLS (SSL, SASL_SSL); none = the JVM's default trust.",
            GROUP,
            ++order,
            ConfigDef.Width.LONG,
            "trust store")
        .define(
            SSL_TRUSTSTORE_PASSWORD,
            Type.PASSWORD,
            null,
            Importance.MEDIUM,
            "Password of the trust store (PKCS12, JKS). Secret: never logged.",
            GROUP,
            ++order,
            ConfigDef.Width.MEDIUM,
            "trust store password")
        .define(
            SSL_TRUSTSTORE_TYPE,
            Type.STRING,
            null,
            Validators.oneOfOrEmpty(TRUSTSTORE_TYPES),
            Importance.LOW,
            "Trust store type: "
                + String.join(", ", TRUSTSTORE_TYPES)
                + "; none = Kafka's default (JKS).",
            GROUP,
            ++order,
            ConfigDef.Width.SHORT,
            "trust store type")
        .define(
            TOPIC_REPLICATION_FACTOR,
            Type.INT,
            1,
            Range.between(1, Short.MAX_VALUE),
            Importance.MEDIUM,
            "Replication factor of the topics the app creates (3 on a production cluster).",
            GROUP,
            ++order,
            ConfigDef.Width.SHORT,
            "replication factor")
        .define(
            TOPIC_MIN_INSYNC_REPLICAS,
            Type.INT,
            1,
            Range.atLeast(1),
            Importance.MEDIUM,
            "min.insync.replicas of the topics the app creates; must be <= the replication"
                + " factor.",
            GROUP,
            ++order,
            ConfigDef.Width.SHORT,
            "min in-sync replicas");
  }

  private void validate() {
    boolean sasl = securityProtocol.startsWith("SASL_");
    boolean tls = securityProtocol.endsWith("SSL");
    if (sasl && saslMechanism == null) {
      throw new ConfigException(
          SASL_MECHANISM, null, "required with " + SECURITY_PROTOCOL + "=" + securityProtocol);
    }
    if (!sasl) {
      for (String key : List.of(SASL_MECHANISM, SASL_USERNAME, SASL_LOGIN_CALLBACK_HANDLER_CLASS)) {
        if (isSet(key)) {
          throw new ConfigException(
              key,
              valueOf(key),
              "only used with SASL_PLAINTEXT or SASL_SSL, not " + securityProtocol);
        }
      }
      if (saslPassword != null || saslJaasConfig != null) {
        throw new ConfigException(
            saslPassword != null ? SASL_PASSWORD : SASL_JAAS_CONFIG,
            "[hidden]",
            "only used with SASL_PLAINTEXT or SASL_SSL, not " + securityProtocol);
      }
    }
    if (sasl && saslJaasConfig == null && !"OAUTHBEARER".equals(saslMechanism)) {
      if (saslUsername == null) {
        throw new ConfigException(
            SASL_USERNAME,
            null,
            "required with " + saslMechanism + " (or give " + SASL_JAAS_CONFIG + ")");
      }
      if (saslPassword == null || saslPassword.value().isEmpty()) {
        throw new ConfigException(
            SASL_PASSWORD,
            null,
            "required with " + saslMechanism + " (or give " + SASL_JAAS_CONFIG + ")");
      }
    }
    if (saslUsername != null && saslPassword == null) {
      throw new ConfigException(SASL_PASSWORD, null, "required with " + SASL_USERNAME);
    }
    if (saslLoginCallbackHandlerClass != null) {
      try {
        Class.forName(saslLoginCallbackHandlerClass, false, KafkaConnection.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw new ConfigException(
            SASL_LOGIN_CALLBACK_HANDLER_CLASS,
            saslLoginCallbackHandlerClass,
            "class not found on the class path");
      }
    }
    if (!tls) {
      for (String key : List.of(SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_TYPE)) {
        if (isSet(key)) {
          throw new ConfigException(
              key, valueOf(key), "only used with SSL or SASL_SSL, not " + securityProtocol);
        }
      }
      if (truststorePassword != null) {
        throw new ConfigException(
            SSL_TRUSTSTORE_PASSWORD,
            "[hidden]",
            "only used with SSL or SASL_SSL, not " + securityProtocol);
      }
    }
    if (truststoreLocation != null && !Files.isReadable(Path.of(truststoreLocation))) {
      throw new ConfigException(SSL_TRUSTSTORE_LOCATION, truststoreLocation, "no readable file");
    }
    if (minInsyncReplicas > replicationFactor) {
      throw new ConfigException(
          TOPIC_MIN_INSYNC_REPLICAS,
          minInsyncReplicas,
          "must be <= " + TOPIC_REPLICATION_FACTOR + " (" + replicationFactor + ")");
    }
  }

  private boolean isSet(String key) {
    return valueOf(key) != null;
  }

  private String valueOf(String key) {
    return switch (key) {
      case SASL_MECHANISM -> saslMechanism;
      case SASL_USERNAME -> saslUsername;
      case SASL_LOGIN_CALLBACK_HANDLER_CLASS -> saslLoginCallbackHandlerClass;
      case SSL_TRUSTSTORE_LOCATION -> truststoreLocation;
      case SSL_TRUSTSTORE_TYPE -> truststoreType;
      default -> throw new IllegalArgumentException(key);
    };
  }

  /**
   * Connection and security properties for any Kafka client ({@code bootstrap.servers}, {@code
   * security.protocol}, {@code sasl.*}, {@code ssl.truststore.*}); the caller adds its own tuning.
   * Secrets are {@link Password} objects, which Kafka accepts and never logs.
   */
  public Map<String, Object> clientProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
    if (saslMechanism != null) {
      p.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
      Password jaas = saslJaasConfig != null ? saslJaasConfig : defaultJaas();
      if (jaas != null) {
        p.put(SaslConfigs.SASL_JAAS_CONFIG, jaas);
      }
    }
    if (saslLoginCallbackHandlerClass != null) {
      p.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS, saslLoginCallbackHandlerClass);
    }
    if (truststoreLocation != null) {
      p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststoreLocation);
    }
    if (truststorePassword != null) {
      p.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword);
    }
    if (truststoreType != null) {
      p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, truststoreType);
    }
    return p;
  }

  private Password defaultJaas() {
    if ("OAUTHBEARER".equals(saslMechanism)) {
      return new Password(OAUTH_JAAS);
    }
    if (saslUsername == null || saslPassword == null) {
      return null;
    }
    String module =
        saslMechanism.equals("PLAIN")
            ? "org.apache.kafka.common.security.plain.PlainLoginModule"
            : "org.apache.kafka.common.security.scram.ScramLoginModule";
    return new Password(
        module
            + " required username=\""
            + jaasQuote(saslUsername)
            + "\" password=\""
            + jaasQuote(saslPassword.value())
            + "\";");
  }

  private static String jaasQuote(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String securityProtocol() {
    return securityProtocol;
  }

  /** The replication factor of topics the app creates. */
  public short replicationFactor() {
    return replicationFactor;
  }

  /** {@code min.insync.replicas} of topics the app creates (at most the replication factor). */
  public int minInsyncReplicas() {
    return minInsyncReplicas;
  }

  /** Secrets masked. */
  @Override
  public String toString() {
    return "KafkaConnection[bootstrap="
        + bootstrapServers
        + ", protocol="
        + securityProtocol
        + (saslMechanism == null ? "" : ", sasl=" + saslMechanism)
        + (saslUsername == null ? "" : ", user=" + saslUsername)
        + (saslPassword == null ? "" : ", password=[hidden]")
        + (saslJaasConfig == null ? "" : ", jaas=[hidden]")
        + (truststoreLocation == null ? "" : ", truststore=" + truststoreLocation)
        + ", rf="
        + replicationFactor
        + ", minIsr="
        + minInsyncReplicas
        + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String upperOrNull(String s) {
    String v = blankToNull(s);
    return v == null ? null : v.toUpperCase(Locale.ROOT);
  }

  /** The shared keys as a set (for lookups). */
  static final Set<String> KEY_SET = Set.copyOf(KEYS);
}
