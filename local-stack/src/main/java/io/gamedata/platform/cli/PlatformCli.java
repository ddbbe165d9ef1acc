package io.gamedata.platform.cli;

import io.gamedata.platform.PlatformLayout;
import io.gamedata.platform.Stack;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./platform up|demo}: the whole platform on one machine. */
@Command(
    name = "platform",
    mixinStandardHelpOptions = true,
    subcommands = {PlatformCli.Up.class},
    description = "Runs the whole game-data platform locally (real Kafka, no Docker).")
public final class PlatformCli implements Callable<Integer> {

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 2;
  }

  /** Options shared by the subcommands. */
  static class Common {
    @Option(
        names = "--data-dir",
        defaultValue = "${env:PLATFORM_DATA_DIR:-.platform-data}",
        description = "State kept between runs (env PLATFORM_DATA_DIR). Default: ${DEFAULT-VALUE}")
    Path dataDir;
  }

  @Command(name = "up", mixinStandardHelpOptions = true, description = "Start the platform.")
  static final class Up implements Callable<Integer> {
    @CommandLine.Mixin Common common = new Common();

    @Option(
        names = "--games",
        defaultValue = "${env:PLATFORM_GAMES:-20000}",
        description =
            "Size of the simulator's synthetic catalogue (env PLATFORM_GAMES). Default"
                + " ${DEFAULT-VALUE}; 350000 for the full scale.")
    int games;

    @Option(
        names = "--check",
        description =
            "Start on a small catalogue (default 2000 games unless --games), wait until every stage"
                + " has every game, print the per-stage counts, stop; exit 0 only if all agree.")
    boolean check;

    @Option(
        names = "--timeout",
        defaultValue = "600",
        description = "--check: seconds to wait for the stages to agree. Default ${DEFAULT-VALUE}")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
      if (games < 1) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--games must be >= 1, got " + games);
      }
      PlatformLayout layout = PlatformLayout.defaults(common.dataDir.toAbsolutePath());
      try (Stack stack = new Stack(layout, System.out::println)) {
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "platform-shutdown"));
        stack.up(games);
        if (check) {
          return stack.check(java.time.Duration.ofSeconds(timeoutSeconds)) ? 0 : 1;
        }
        stack.printUrls();
        stack.awaitShutdown();
        return 0;
      }
    }
  }

  public static void main(String[] args) {
    int code =
        new CommandLine(new PlatformCli())
            .setExecutionExceptionHandler(
                (e, cmd, parse) -> {
                  System.err.println("platform: " + e.getMessage());
                  return 1;
                })
            .execute(args);
    System.exit(code);
  }
}
