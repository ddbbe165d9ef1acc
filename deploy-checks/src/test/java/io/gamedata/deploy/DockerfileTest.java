package io.gamedata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker/app/Dockerfile: pinned bases, a dependency layer of every module POM, non-root. */
class DockerfileTest {

  static final String APP_DOCKERFILE = "docker/app/Dockerfile";

  @Test
  void baseImagesArePinned() {
    Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(Repo.read(APP_DOCKERFILE));
    List<String> images = new ArrayList<>();
    while (from.find()) {
      images.add(from.group(1));
    }
    assertThat(images).hasSize(2).allMatch(ImageRef::isPinned, "pinned to an exact tag");
  }

  @Test
  void dependencyLayerCopiesEveryModulePomBeforeTheSources() {
    String dockerfile = Repo.read(APP_DOCKERFILE);
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Repo.read("pom.xml"));
    int sources = dockerfile.indexOf("COPY . .");
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
  void runsAsANonRootUserWithAConfigurableMainClass() {
    String dockerfile = Repo.read(APP_DOCKERFILE);
    String runtime = dockerfile.substring(dockerfile.lastIndexOf("FROM "));
    assertThat(runtime).containsPattern("(?m)^USER\\s+(?!root|0\\b)\\S+");
    assertThat(runtime).contains("ARG MAIN_CLASS").contains("MAIN_CLASS=\"${MAIN_CLASS}\"");
  }

  @Test
  void buildContextLeavesOutBuildOutputAndSecrets() {
    String ignore = Repo.read(".dockerignore");
    assertThat(ignore).contains("**/target/", ".git/", ".env");
  }
}
