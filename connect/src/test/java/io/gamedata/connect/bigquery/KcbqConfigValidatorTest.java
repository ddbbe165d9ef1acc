package io.gamedata.connect.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** One rule per test, each starting from a minimal valid upsert config and changing one key. */
class KcbqConfigValidatorTest {

  private static Map<String, String> valid() {
    Map<String, String> c = new HashMap<>();
    c.put("connector.class", KcbqConfigValidator.CONNECTOR_CLASS);
    c.put("topics", "games.enriched");
    c.put("project", "p");
    c.put("defaultDataset", "d");
    c.put("keySource", "FILE");
    c.put("keyfile", "/secrets/key.json");
    c.put("upsertEnabled", "true");
    c.put("deleteEnabled", "true");
    c.put("kafkaKeyFieldName", "kafka_key");
    c.put("bigQueryPartitionDecorator", "false");
    return c;
  }

  private static Map<String, String> with(String key, String value) {
    Map<String, String> c = valid();
    if (value == null) {
      c.remove(key);
    } else {
      c.put(key, value);
    }
    return c;
  }

  @Test
  void minimalUpsertConfigIsValid() {
    assertThat(KcbqConfigValidator.violations(valid())).isEmpty();
  }

  @Test
  void projectAndDatasetAreRequired() {
    assertThat(KcbqConfigValidator.violations(with("project", null)))
        .containsExactly("project is required");
    assertThat(KcbqConfigValidator.violations(with("defaultDataset", " ")))
        .containsExactly("defaultDataset is required");
  }

  @Test
  void exactlyOneOfTopicsAndTopicsRegex() {
    assertThat(KcbqConfigValidator.violations(with("topics", null)))
        .singleElement()
        .asString()
        .contains("topics.regex");
    Map<String, String> both = with("topics.regex", "games.*");
    assertThat(KcbqConfigValidator.violations(both)).hasSize(1);
  }

  @Test
  void keyfileIsRequiredUnlessApplicationDefaultCredentials() {
    assertThat(KcbqConfigValidator.violations(with("keyfile", null)))
        .containsExactly("keyfile is required when keySource=FILE");
    Map<String, String> adc = with("keySource", "APPLICATION_DEFAULT");
    adc.remove("keyfile");
    assertThat(KcbqConfigValidator.violations(adc)).isEmpty();
    assertThat(KcbqConfigValidator.violations(with("keySource", "VAULT")))
        .singleElement()
        .asString()
        .contains("keySource");
  }

  @Test
  void kafkaKeyFieldNameIsRequiredWithUpsertOrDelete() {
    assertThat(KcbqConfigValidator.violations(with("kafkaKeyFieldName", null)))
        .containsExactly(
            "kafkaKeyFieldName is required when upsertEnabled or deleteEnabled is true");
    Map<String, String> deleteOnly = with("kafkaKeyFieldName", null);
    deleteOnly.put("upsertEnabled", "false");
    assertThat(KcbqConfigValidator.violations(deleteOnly)).hasSize(1);
    Map<String, String> plain = with("kafkaKeyFieldName", null);
    plain.put("upsertEnabled", "false");
    plain.put("deleteEnabled", "false");
    assertThat(KcbqConfigValidator.violations(plain)).isEmpty();
  }

  @Test
  void mergeIntervalAndThresholdCannotBothBeDisabled() {
    Map<String, String> c = with("mergeIntervalMs", "-1"); // mergeRecordsThreshold defaults to -1
    assertThat(KcbqConfigValidator.violations(c))
        .containsExactly(
            "mergeIntervalMs and mergeRecordsThreshold cannot both be -1 (nothing would ever merge)");
    c.put("mergeRecordsThreshold", "5000");
    assertThat(KcbqConfigValidator.violations(c)).isEmpty();
    assertThat(KcbqConfigValidator.violations(with("mergeIntervalMs", "500")))
        .singleElement()
        .asString()
        .contains("at least 10000");
    assertThat(KcbqConfigValidator.violations(with("mergeIntervalMs", "soon")))
        .singleElement()
        .asString()
        .contains("must be a number");
  }

  @Test
  void partitionDecoratorCannotBeCombinedWithTimestampPartitioning() {
    Map<String, String> c = with("timestampPartitionFieldName", "ingestion_time");
    assertThat(KcbqConfigValidator.violations(c)).isEmpty();
    c.remove("bigQueryPartitionDecorator"); // kcbq's default is true
    assertThat(KcbqConfigValidator.violations(c))
        .containsExactly(
            "bigQueryPartitionDecorator=true cannot be combined with timestampPartitionFieldName");
  }

  @Test
  void batchLoadingCannotBeCombinedWithUpsert() {
    assertThat(KcbqConfigValidator.violations(with("enableBatchLoad", "games.enriched")))
        .singleElement()
        .asString()
        .contains("enableBatchLoad");
    Map<String, String> plain = with("enableBatchLoad", "games.enriched");
    plain.put("upsertEnabled", "false");
    plain.put("deleteEnabled", "false");
    assertThat(KcbqConfigValidator.violations(plain)).isEmpty();
  }

  @Test
  void atMostFourClusteringFields() {
    assertThat(
            KcbqConfigValidator.violations(
                with("clusteringPartitionFieldNames", "id,name,slug,url")))
        .isEmpty();
    assertThat(
            KcbqConfigValidator.violations(
                with("clusteringPartitionFieldNames", "id,name,slug,url,hypes")))
        .containsExactly("clusteringPartitionFieldNames allows at most 4 fields, got 5");
  }

  @Test
  void deadLetterQueueNeedsErrorsToleranceAll() {
    Map<String, String> c = with("errors.deadletterqueue.topic.name", "games.dlq");
    assertThat(KcbqConfigValidator.violations(c))
        .singleElement()
        .asString()
        .contains("errors.tolerance=all");
    c.put("errors.tolerance", "all");
    assertThat(KcbqConfigValidator.violations(c)).isEmpty();
  }

  @Test
  void requireValidFailsFastNamingTheKey() {
    assertThatThrownBy(() -> KcbqConfigValidator.requireValid(with("project", null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("project is required");
  }
}
