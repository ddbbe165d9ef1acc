package io.gamedata.connect.bigquery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration rules of the BigQuery sink connector (kcbq, {@code
 * com.wepay.kafka.connect.bigquery.BigQuerySinkConnector}), encoded here because kcbq itself is not
 * on Maven Central and cannot run on build machines (see docs/bigquery.md). Each rule is one small
 * method returning a violation message naming the key, or nothing.
 */
public final class KcbqConfigValidator {

  public static final String CONNECTOR_CLASS =
      "com.wepay.kafka.connect.bigquery.BigQuerySinkConnector";

  public static final String PROJECT = "project";
  public static final String DEFAULT_DATASET = "defaultDataset";
  public static final String TOPICS = "topics";
  public static final String TOPICS_REGEX = "topics.regex";
  public static final String KEY_SOURCE = "keySource";
  public static final String KEYFILE = "keyfile";
  public static final String UPSERT_ENABLED = "upsertEnabled";
  public static final String DELETE_ENABLED = "deleteEnabled";
  public static final String KAFKA_KEY_FIELD_NAME = "kafkaKeyFieldName";
  public static final String KAFKA_DATA_FIELD_NAME = "kafkaDataFieldName";
  public static final String MERGE_INTERVAL_MS = "mergeIntervalMs";
  public static final String MERGE_RECORDS_THRESHOLD = "mergeRecordsThreshold";
  public static final String PARTITION_DECORATOR = "bigQueryPartitionDecorator";
  public static final String TIMESTAMP_PARTITION_FIELD = "timestampPartitionFieldName";
  public static final String CLUSTERING_FIELDS = "clusteringPartitionFieldNames";
  public static final String ENABLE_BATCH_LOAD = "enableBatchLoad";
  public static final String ERRORS_TOLERANCE = "errors.tolerance";
  public static final String DLQ_TOPIC = "errors.deadletterqueue.topic.name";

  /** kcbq's defaults for the keys the rules read. */
  static final Map<String, String> DEFAULTS =
      Map.of(
          KEY_SOURCE, "FILE",
          UPSERT_ENABLED, "false",
          DELETE_ENABLED, "false",
          MERGE_INTERVAL_MS, "60000",
          MERGE_RECORDS_THRESHOLD, "-1",
          PARTITION_DECORATOR, "true",
          ENABLE_BATCH_LOAD, "",
          ERRORS_TOLERANCE, "none");

  static final int MAX_CLUSTERING_FIELDS = 4;
  private static final Set<String> KEY_SOURCES = Set.of("FILE", "JSON", "APPLICATION_DEFAULT");

  private KcbqConfigValidator() {}

  /** Every violated rule, as messages naming the key; empty when the config is valid. */
  public static List<String> violations(Map<String, String> config) {
    View c = new View(config);
    List<String> out = new ArrayList<>();
    requiredKeys(c, out);
    keySource(c, out);
    keyFieldWithUpsertOrDelete(c, out);
    mergeTriggers(c, out);
    decoratorVersusTimestampPartition(c, out);
    batchLoadVersusUpsert(c, out);
    clusteringFields(c, out);
    deadLetterQueue(c, out);
    return out;
  }

  /** Fails fast with the first violation, naming its key. */
  public static void requireValid(Map<String, String> config) {
    List<String> v = violations(config);
    if (!v.isEmpty()) {
      throw new ConfigException("invalid kcbq config: " + String.join("; ", v));
    }
  }

  static void requiredKeys(View c, List<String> out) {
    for (String key : List.of(PROJECT, DEFAULT_DATASET)) {
      if (c.get(key).isBlank()) {
        out.add(key + " is required");
      }
    }
    if (c.get(TOPICS).isBlank() == c.get(TOPICS_REGEX).isBlank()) {
      out.add("exactly one of " + TOPICS + " and " + TOPICS_REGEX + " must be set");
    }
  }

  static void keySource(View c, List<String> out) {
    String source = c.get(KEY_SOURCE).toUpperCase(Locale.ROOT);
    if (!KEY_SOURCES.contains(source)) {
      out.add(KEY_SOURCE + " must be one of " + KEY_SOURCES + ", got " + c.get(KEY_SOURCE));
    } else if (!source.equals("APPLICATION_DEFAULT") && c.get(KEYFILE).isBlank()) {
      out.add(KEYFILE + " is required when " + KEY_SOURCE + "=" + source);
    }
  }

  static void keyFieldWithUpsertOrDelete(View c, List<String> out) {
    if ((c.flag(UPSERT_ENABLED) || c.flag(DELETE_ENABLED))
        && c.get(KAFKA_KEY_FIELD_NAME).isBlank()) {
      out.add(
          KAFKA_KEY_FIELD_NAME
              + " is required when "
              + UPSERT_ENABLED
              + " or "
              + DELETE_ENABLED
              + " is true");
    }
  }

  static void mergeTriggers(View c, List<String> out) {
    if (!(c.flag(UPSERT_ENABLED) || c.flag(DELETE_ENABLED))) {
      return;
    }
    long interval = c.longValue(MERGE_INTERVAL_MS, out);
    long threshold = c.longValue(MERGE_RECORDS_THRESHOLD, out);
    if (interval == -1 && threshold == -1) {
      out.add(
          MERGE_INTERVAL_MS
              + " and "
              + MERGE_RECORDS_THRESHOLD
              + " cannot both be -1 (nothing would ever merge)");
    }
    if (interval != -1 && interval < 10_000 && interval != Long.MIN_VALUE) {
      out.add(MERGE_INTERVAL_MS + " must be -1 or at least 10000, got " + interval);
    }
    if (threshold < -1 || threshold == 0) {
      out.add(MERGE_RECORDS_THRESHOLD + " must be -1 or positive, got " + threshold);
    }
  }

  static void decoratorVersusTimestampPartition(View c, List<String> out) {
    if (c.flag(PARTITION_DECORATOR) && !c.get(TIMESTAMP_PARTITION_FIELD).isBlank()) {
      out.add(PARTITION_DECORATOR + "=true cannot be combined with " + TIMESTAMP_PARTITION_FIELD);
    }
  }

  static void batchLoadVersusUpsert(View c, List<String> out) {
    if (!c.get(ENABLE_BATCH_LOAD).isBlank() && (c.flag(UPSERT_ENABLED) || c.flag(DELETE_ENABLED))) {
      out.add(
          ENABLE_BATCH_LOAD
              + " (batch loading) cannot be combined with "
              + UPSERT_ENABLED
              + "/"
              + DELETE_ENABLED);
    }
  }

  static void clusteringFields(View c, List<String> out) {
    List<String> fields = c.list(CLUSTERING_FIELDS);
    if (fields.size() > MAX_CLUSTERING_FIELDS) {
      out.add(
          CLUSTERING_FIELDS
              + " allows at most "
              + MAX_CLUSTERING_FIELDS
              + " fields, got "
              + fields.size());
    }
  }

  static void deadLetterQueue(View c, List<String> out) {
    if (!c.get(DLQ_TOPIC).isBlank() && !c.get(ERRORS_TOLERANCE).equalsIgnoreCase("all")) {
      out.add(DLQ_TOPIC + " is only used with " + ERRORS_TOLERANCE + "=all");
    }
  }

  /** A config with kcbq's defaults filled in. */
  static final class View {
    private final Map<String, String> config;

    View(Map<String, String> config) {
      this.config = config;
    }

    String get(String key) {
      String v = config.get(key);
      return v != null ? v.trim() : DEFAULTS.getOrDefault(key, "");
    }

    boolean flag(String key) {
      return Boolean.parseBoolean(get(key));
    }

    long longValue(String key, List<String> out) {
      try {
        return Long.parseLong(get(key));
      } catch (NumberFormatException e) {
        out.add(key + " must be a number, got " + get(key));
        return Long.MIN_VALUE;
      }
    }

    List<String> list(String key) {
      String v = get(key);
      return v.isBlank() ? List.of() : Arrays.stream(v.split(",")).map(String::trim).toList();
    }
  }
}
