package io.gamedata.config;

import static io.gamedata.config.ConfigLoaderTest.SECRET;
import static io.gamedata.config.ConfigLoaderTest.env;
import static io.gamedata.config.ConfigLoaderTest.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConnectionTest {

  @Test
  void plaintextByDefault() {
    KafkaConnection k = load(env()).kafka;
    assertThat(k.clientProperties())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("bootstrap.servers", "broker:9092", "security.protocol", "PLAINTEXT"));
    assertThat(k.replicationFactor()).isEqualTo((short) 1);
    assertThat(k.minInsyncReplicas()).isEqualTo(1);
    assertThat(KafkaConnection.plaintext("x:1").clientProperties())
        .containsEntry("bootstrap.servers", "x:1")
        .containsEntry("security.protocol", "PLAINTEXT");
  }

  @Test
  void scramOverSaslSslBuildsTheJaasLineAndKeepsThePasswordSecret(@TempDir Path dir)
      throws IOException {
    Path trust = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    KafkaConnection k =
        load(env(
                "KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", "streams",
                "KAFKA_SASL_PASSWORD", SECRET + "\"q",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", trust.toString(),
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM"))
            .kafka;
    Map<String, Object> p = k.clientProperties();
    assertThat(p)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("ssl.truststore.location", trust.toString())
        .containsEntry("ssl.truststore.type", "PEM");
    Password jaas = (Password) p.get("sasl.jaas.config");
    assertThat(jaas.value())
        .isEqualTo(
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"streams\" password=\""
                + SECRET
                + "\\\"q\";");
    assertThat(p.toString()).doesNotContain(SECRET);
    assertThat(k.toString()).doesNotContain(SECRET).contains("user=streams");
    // every kind of client accepts these properties as they are
    new ProducerConfig(withSerializers(p));
    new ConsumerConfig(withDeserializers(p));
    new AdminClientConfig(p);
  }

  @Test
  void gcpManagedKafkaOauthGetsTheOauthLoginModuleByDefault() {
    KafkaConnection k =
        load(env(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "OAUTHBEARER",
                // any class on the class path stands in for Google's handler here
                "KAFKA_SASL_LOGIN_CALLBACK_HANDLER_CLASS",
                    "org.apache.kafka.common.security.oauthbearer.DefaultJwtRetriever"))
            .kafka;
    assertThat(((Password) k.clientProperties().get("sasl.jaas.config")).value())
        .isEqualTo("org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;");
    assertThat(k.clientProperties())
        .containsEntry(
            "sasl.login.callback.handler.class",
            "org.apache.kafka.common.security.oauthbearer.DefaultJwtRetriever");
  }

  @Test
  void anExplicitJaasLineWins() {
    String line =
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"k\""
            + " password=\""
            + SECRET
            + "\";";
    KafkaConnection k =
        load(env(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "PLAIN",
                "KAFKA_SASL_JAAS_CONFIG", line))
            .kafka;
    assertThat(((Password) k.clientProperties().get("sasl.jaas.config")).value()).isEqualTo(line);
    assertThat(k.toString()).doesNotContain(SECRET).contains("jaas=[hidden]");
  }

  @Test
  void inconsistentSecuritySettingsFailNamingTheVariable() {
    assertThatThrownBy(() -> load(env("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")))
        .hasMessageContaining(
            "Missing value for configuration kafka.sasl.mechanism: required with"
                + " kafka.security.protocol=SASL_SSL (not set; environment variable"
                + " KAFKA_SASL_MECHANISM)");
    assertThatThrownBy(
            () -> load(env("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "PLAIN")))
        .hasMessageContaining("KAFKA_SASL_USERNAME");
    assertThatThrownBy(
            () ->
                load(
                    env(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "KAFKA_SASL_MECHANISM", "PLAIN",
                        "KAFKA_SASL_USERNAME", "u")))
        .hasMessageContaining("KAFKA_SASL_PASSWORD");
    assertThatThrownBy(() -> load(env("KAFKA_SASL_MECHANISM", "PLAIN")))
        .hasMessageContaining("KAFKA_SASL_MECHANISM")
        .hasMessageContaining("not PLAINTEXT");
    assertThatThrownBy(() -> load(env("KAFKA_SASL_PASSWORD", SECRET)))
        .hasMessageContaining("KAFKA_SASL_PASSWORD")
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> load(env("KAFKA_SASL_MECHANISM", "GSSAPI")))
        .hasMessageContaining("KAFKA_SASL_MECHANISM")
        .hasMessageContaining("must be one of");
    assertThatThrownBy(() -> load(env("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")))
        .hasMessageContaining("KAFKA_SSL_TRUSTSTORE_TYPE")
        .hasMessageContaining("only used with SSL or SASL_SSL");
  }

  @Test
  void aMissingTrustStoreOrHandlerClassFailsAtStartUp() {
    assertThatThrownBy(
            () ->
                load(
                    env(
                        "KAFKA_SECURITY_PROTOCOL", "SSL",
                        "KAFKA_SSL_TRUSTSTORE_LOCATION", "/nowhere/ca.p12")))
        .hasMessageContaining("KAFKA_SSL_TRUSTSTORE_LOCATION")
        .hasMessageContaining("no readable file");
    assertThatThrownBy(
            () ->
                load(
                    env(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "KAFKA_SASL_MECHANISM", "OAUTHBEARER",
                        "KAFKA_SASL_LOGIN_CALLBACK_HANDLER_CLASS",
                            "com.google.cloud.hosted.kafka.auth.NotThere")))
        .hasMessageContaining("KAFKA_SASL_LOGIN_CALLBACK_HANDLER_CLASS")
        .hasMessageContaining("class not found");
  }

  private static Map<String, Object> withSerializers(Map<String, Object> p) {
    Map<String, Object> m = new java.util.HashMap<>(p);
    m.put("key.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class);
    m.put("value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class);
    return m;
  }

  private static Map<String, Object> withDeserializers(Map<String, Object> p) {
    Map<String, Object> m = new java.util.HashMap<>(p);
    m.put("key.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
    m.put("value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
    return m;
  }
}
