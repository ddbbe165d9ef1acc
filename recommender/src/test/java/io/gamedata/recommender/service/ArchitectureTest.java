package io.gamedata.recommender.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Import rules: the engine and the browse side know nothing of Kafka, HTTP or the service; adapters
 * not of each other.
 */
class ArchitectureTest {

  static final Path SRC = Path.of("src/main/java/io/gamedata/recommender");

  static List<String> violations(String pkg, List<String> forbidden) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SRC.resolve(pkg))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.startsWith("import ")) {
            for (String bad : forbidden) {
              if (line.contains(bad)) {
                out.add(f.getFileName() + ": " + line);
              }
            }
          }
        }
      }
    }
    return out;
  }

  @Test
  void engineIsFreeOfKafkaHttpAndAdapters() throws IOException {
    assertThat(Files.isDirectory(SRC.resolve("engine"))).isTrue();
    assertThat(
            violations(
                "engine",
                List.of(
                    "org.apache.kafka",
                    "com.sun.net.httpserver",
                    "org.eclipse.jetty",
                    "io.gamedata.http",
                    "io.micrometer",
                    "io.gamedata.recommender.adapter",
                    "io.gamedata.recommender.service")))
        .isEmpty();
  }

  @Test
  void browseIsFreeOfKafkaHttpAndAdapters() throws IOException {
    assertThat(Files.isDirectory(SRC.resolve("browse"))).isTrue();
    assertThat(
            violations(
                "browse",
                List.of(
                    "org.apache.kafka",
                    "org.eclipse.jetty",
                    "io.gamedata.http",
                    "io.micrometer",
                    "io.gamedata.recommender.adapter",
                    "io.gamedata.recommender.service")))
        .isEmpty();
  }

  @Test
  void adaptersDoNotDependOnEachOtherOrOnTheWiring() throws IOException {
    assertThat(
            violations(
                "adapter/http",
                List.of(
                    "org.apache.kafka",
                    "io.gamedata.recommender.adapter.kafka",
                    "io.gamedata.recommender.service")))
        .isEmpty();
    assertThat(
            violations(
                "adapter/kafka",
                List.of(
                    "com.sun.net.httpserver",
                    "org.eclipse.jetty",
                    "io.gamedata.http",
                    "io.gamedata.recommender.adapter.http",
                    "io.gamedata.recommender.service")))
        .isEmpty();
  }
}
