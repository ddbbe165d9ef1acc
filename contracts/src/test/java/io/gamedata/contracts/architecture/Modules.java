package io.gamedata.contracts.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;

/**
 * The module graph the import-rule tests of every module share: the root package of each module,
 * and rules on a module's compiled main classes (which modules it may use, no package cycles).
 * Contracts (and the shared settings loader, app-config) are the bottom; the stages talk only
 * through topics, so none of them uses another.
 */
public final class Modules {

  public static final String CONTRACTS = "io.gamedata.contracts";
  public static final String CONFIG = "io.gamedata.config";
  public static final String KAFKA = "io.gamedata.kafka";
  public static final String SIMULATOR = "io.gamedata.simulator";
  public static final String PRODUCER = "io.gamedata.producer";
  public static final String STREAMS = "io.gamedata.streams";
  public static final String CONNECT = "io.gamedata.connect";
  public static final String RECOMMENDER = "io.gamedata.recommender";
  public static final String PLATFORM = "io.gamedata.platform";
  public static final String BENCH = "io.gamedata.bench";

  private static final List<String> ALL =
      List.of(
          CONTRACTS,
          CONFIG,
          KAFKA,
          SIMULATOR,
          PRODUCER,
          STREAMS,
          CONNECT,
          RECOMMENDER,
          PLATFORM,
          BENCH);

  private Modules() {}

  /** The main (not test) classes under {@code rootPackage}. */
  public static JavaClasses mainClasses(String rootPackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(rootPackage);
  }

  /** No class uses a module other than {@code module} itself and {@code allowed}. */
  public static ArchRule usesOnly(String module, String... allowed) {
    List<String> permitted = Arrays.asList(allowed);
    String[] others =
        ALL.stream()
            .filter(m -> !m.equals(module) && !permitted.contains(m))
            .map(m -> m + "..")
            .toArray(String[]::new);
    return noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .because(module + " may use only " + permitted);
  }

  /** The packages right under {@code module} do not depend on each other in a cycle. */
  public static ArchRule noPackageCycles(String module) {
    return slices().matching(module + ".(*)..").should().beFreeOfCycles();
  }
}
