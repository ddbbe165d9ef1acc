package io.gamedata.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML files of the repository as Jackson trees. */
final class Yaml {

  private Yaml() {}

  /**
   * Compose-style YAML with anchors and merge keys ({@code <<: *x}), resolved by SnakeYAML (the
   * parser under jackson-dataformat-yaml), then as a Jackson tree.
   */
  static JsonNode read(String relative) {
    Object loaded =
        new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Repo.read(relative));
    return new ObjectMapper().valueToTree(loaded);
  }

  /** Plain YAML (no merge keys) through jackson-dataformat-yaml. */
  static JsonNode readStrict(String relative) throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(Repo.read(relative));
  }
}
