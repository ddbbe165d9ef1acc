package io.gamedata.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line tool a check needs (docker-compose, terraform). A missing tool FAILS the check
 * with the install hint, unless the environment variable {@value #OPT_OUT} lists it (comma
 * separated, e.g. {@code DEPLOY_CHECKS_SKIP_TOOLS=terraform}): then the check is skipped, visibly.
 */
final class ExternalTool {

  static final String OPT_OUT = "DEPLOY_CHECKS_SKIP_TOOLS";

  private final String name;
  private final String installHint;

  ExternalTool(String name, String installHint) {
    this.name = name;
    this.installHint = installHint;
  }

  /** The tool on PATH (or /usr/local/bin, /usr/bin), failing or skipping as described above. */
  Path require() {
    Optional<Path> found = find();
    if (found.isPresent()) {
      return found.get();
    }
    Assumptions.assumeFalse(
        optedOut(System.getenv(OPT_OUT)),
        name + " is missing and " + OPT_OUT + " lists it: check skipped");
    throw new AssertionError(
        name
            + " is not installed, so this deploy check cannot run. Install it ("
            + installHint
            + ") or set "
            + OPT_OUT
            + "="
            + name
            + " to skip this check explicitly.");
  }

  boolean optedOut(String envValue) {
    if (envValue == null) {
      return false;
    }
    Set<String> names =
        Arrays.stream(envValue.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
    return names.contains(name) || names.contains("all");
  }

  Optional<Path> find() {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(Arrays.asList(path.split(File.pathSeparator)));
    }
    dirs.add("/usr/local/bin");
    dirs.add("/usr/bin");
    return dirs.stream()
        .filter(d -> !d.isBlank())
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Result of one run: exit code and the combined stdout + stderr. */
  record Result(int exitCode, String output) {}

  /** Runs the tool in {@code dir} with extra environment variables, 120 s at most. */
  Result run(Path dir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(require().toString());
    command.addAll(Arrays.asList(args));
    Path log = Files.createTempFile("deploy-checks-" + name, ".log");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().putAll(env);
      Process process = pb.start();
      process.getOutputStream().close();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(name + " did not finish within 120 s: " + command);
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
