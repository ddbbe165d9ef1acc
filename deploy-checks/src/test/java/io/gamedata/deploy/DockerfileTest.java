package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfiles built here and by users (docker/compose-check builds them for real; these are the
 * checks that hold without an engine): base images as build arguments with pinned defaults, a
 * dependency layer of every module POM, the sources of every module the image build needs,
 * non-root, and the Kafka image's tools naming classes that exist in the project's Kafka.
 */
class DockerfileTest {

  static final String APP_DOCKERFILE = "docker/app/Dockerfile";
  static final String KAFKA_DOCKERFILE = "docker/kafka/Dockerfile";
  static final String CONNECT_KCBQ_DOCKERFILE = "connect/docker/Dockerfile";
  private static final Pattern ARG_REF = Pattern.compile("\\$\\{(\\w+)}");

  @Test
  void baseImagesAreBuildArgumentsWithPinnedOfficialDefaults() {
    for (String file : List.of(APP_DOCKERFILE, KAFKA_DOCKERFILE, CONNECT_KCBQ_DOCKERFILE)) {
      String dockerfile = Repo.read(file);
      Map<String, String> args = argDefaults(dockerfile);
      Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile);
      Set<String> stages = new TreeSet<>();
      int froms = 0;
      while (from.find()) {
        froms++;
        String image = from.group(1);
        Matcher alias = Pattern.compile("(?m)^FROM\\s+\\S+\\s+AS\\s+(\\S+)").matcher(dockerfile);
        while (alias.find()) {
          stages.add(alias.group(1));
        }
        if (stages.contains(image)) {
          continue; // a stage of this file
        }
        assertThat(image).as("%s: FROM %s is a build argument", file, image).startsWith("${");
        String resolved = image;
        for (Matcher arg = ARG_REF.matcher(resolved); arg.find(); arg = ARG_REF.matcher(resolved)) {
          String def = args.get(arg.group(1));
          assertThat(def).as("%s: default of ARG %s", file, arg.group(1)).isNotNull();
          resolved = resolved.replace(arg.group(0), def);
        }
        assertThat(ImageRef.isPinned(resolved))
            .as("%s: %s (default %s) pinned to an exact tag", file, image, resolved)
            .isTrue();
      }
      assertThat(froms).as(file + " is multi-stage").isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void dependencyLayerCopiesEveryModulePomBeforeTheSources() {
    String dockerfile = Repo.read(APP_DOCKERFILE);
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Repo.read("pom.xml"));
    int sources = dockerfile.indexOf("/src ");
    int goOffline = dockerfile.indexOf("dependency:go-offline");
    assertThat(goOffline).isPositive().isLessThan(sources);
    while (module.find()) {
      String copy = "COPY " + module.group(1) + "/pom.xml";
      assertThat(dockerfile)
          .as("%s copies %s/pom.xml", APP_DOCKERFILE, module.group(1))
          .contains(copy);
      assertThat(dockerfile.indexOf(copy)).isLessThan(goOffline);
    }
  }

  @Test
  void theImageBuildCopiesTheSourcesOfExactlyTheModulesItBuilds() throws IOException {
    String dockerfile = Repo.read(APP_DOCKERFILE);
    Matcher modules = Pattern.compile("ENV IMAGE_MODULES=(\\S+)").matcher(dockerfile);
    assertThat(modules.find()).isTrue();
    // -pl IMAGE_MODULES -am: the modules and every project module they depend on, any scope
    Set<String> needed = new TreeSet<>();
    List<String> queue = new ArrayList<>(List.of(modules.group(1).split(",")));
    while (!queue.isEmpty()) {
      String m = queue.remove(0);
      if (needed.add(m)) {
        Matcher dep =
            Pattern.compile("<groupId>io\\.gamedata</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(Repo.read(m + "/pom.xml").replaceAll("(?s)<parent>.*?</parent>", ""));
        while (dep.find()) {
          queue.add(dep.group(1));
        }
      }
    }
    Set<String> copied = new TreeSet<>();
    Matcher copy = Pattern.compile("(?m)^COPY (\\S+)/src \\1/src$").matcher(dockerfile);
    while (copy.find()) {
      copied.add(copy.group(1));
    }
    assertThat(copied).isEqualTo(needed);
    assertThat(dockerfile).doesNotContain("COPY . .");
  }

  @Test
  void runsAsANonRootUserWithAConfigurableMainClass() {
    String dockerfile = Repo.read(APP_DOCKERFILE);
    String runtime = dockerfile.substring(dockerfile.lastIndexOf("FROM "));
    assertThat(runtime).containsPattern("(?m)^USER\\s+(?!root|0\\b)\\S+");
    assertThat(runtime).contains("ARG MAIN_CLASS").contains("MAIN_CLASS=\"${MAIN_CLASS}\"");
    for (String file : List.of(KAFKA_DOCKERFILE, APP_DOCKERFILE)) {
      List<String> users = Repo.read(file).lines().filter(l -> l.startsWith("USER ")).toList();
      assertThat(users.get(users.size() - 1)).as(file).doesNotContain("root");
    }
  }

  @Test
  void kafkaImageToolsNameClassesOfTheProjectsKafka() throws Exception {
    Path bin = Repo.path("docker/kafka/bin");
    Pattern runClass = Pattern.compile("kafka-run-class\\.sh\"? ([a-z]\\w*(?:\\.\\w+)+)");
    List<String> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(bin)) {
      for (Path f : files.sorted().toList()) {
        assertThat(Files.isExecutable(f)).as(f + " is executable").isTrue();
        Matcher m = runClass.matcher(Files.readString(f));
        while (m.find()) {
          classes.add(m.group(1));
        }
      }
    }
    assertThat(classes)
        .contains("kafka.Kafka", "kafka.tools.StorageTool", "org.apache.kafka.tools.TopicCommand");
    for (String c : classes) {
      Class.forName(c, false, getClass().getClassLoader());
    }
    // the image's jars are the project's Kafka version: docker/kafka/pom.xml inherits it
    String pom = Repo.read("docker/kafka/pom.xml");
    assertThat(pom).contains("<relativePath>../../pom.xml</relativePath>");
    assertThat(pom.substring(pom.indexOf("<dependencies>"))).doesNotContainPattern("<version>\\d");
  }

  @Test
  void everyImageWithKafkaClientsHasTheGcpLoginHandler() {
    String app = Repo.read(APP_DOCKERFILE);
    assertThat(app)
        .contains("COPY docker/app/gcp-kafka-auth/pom.xml")
        .contains("COPY --from=build /out/gcp-kafka-auth/ /app/ext/")
        .contains("-cp '/app/lib/*:/app/ext/*'")
        .contains("COPY --from=build /out/gcp-kafka-auth/ /opt/gamedata/ext/")
        .contains("CLASSPATH=\"/opt/gamedata/ext/*\"");
    assertThat(Repo.read(CONNECT_KCBQ_DOCKERFILE))
        .contains("docker/app/gcp-kafka-auth/pom.xml")
        .contains("CLASSPATH=\"/usr/share/java/gcp-kafka-auth/*\"");
    assertThat(Repo.read("docker/kafka/bin/kafka-run-class.sh")).contains("$CLASSPATH");
    assertThat(Repo.read("docker/app/gcp-kafka-auth/pom.xml"))
        .contains("<artifactId>managed-kafka-auth-login-handler</artifactId>");
  }

  @Test
  void buildContextLeavesOutBuildOutputAndSecrets() {
    String ignore = Repo.read(".dockerignore");
    assertThat(ignore).contains("**/target/", ".git/", ".env");
  }

  static Map<String, String> argDefaults(String dockerfile) {
    Map<String, String> args = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^ARG\\s+(\\w+)=(\\S+)").matcher(dockerfile);
    while (m.find()) {
      args.put(m.group(1), m.group(2));
    }
    return args;
  }
}
