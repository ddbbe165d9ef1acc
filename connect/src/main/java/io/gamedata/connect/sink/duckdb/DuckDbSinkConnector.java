package io.gamedata.connect.sink.duckdb;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Loads {@code games.enriched} into a DuckDB file: {@code games} (current state) and {@code
 * games_changelog} (every version), with the Kafka offsets stored in the same transactions. DuckDB
 * allows one writer per file, so this connector runs exactly one task whatever {@code tasks.max}.
 */
public class DuckDbSinkConnector extends SinkConnector {

  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    new DuckDbSinkConfig(props); // fail fast on a bad config, naming the key
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return DuckDbSinkTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return List.of(props);
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return DuckDbSinkConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    return Version.VERSION;
  }
}
