package io.gamedata.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository these checks read (set by the module's pom as deploy.repoRoot). */
final class Repo {

  private Repo() {}

  static Path root() {
    String configured = System.getProperty("deploy.repoRoot");
    Path root =
        configured == null || configured.isBlank()
            ? Path.of("").toAbsolutePath().getParent()
            : Path.of(configured).toAbsolutePath();
    if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve(".mvn"))) {
      throw new IllegalStateException("not the repository root (deploy.repoRoot): " + root);
    }
    return root.normalize();
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative, e);
    }
  }
}
