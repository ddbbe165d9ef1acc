package io.gamedata.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.gamedata.contracts.architecture.Modules;
import org.junit.jupiter.api.Test;

/**
 * The local platform sits on top of every module; within it, the process supervision knows no
 * application, and the packages have no cycles.
 */
class ImportRulesTest {

  private static final JavaClasses MAIN = Modules.mainClasses(Modules.PLATFORM);

  @Test
  void theSupervisorKnowsNoApplication() {
    noClasses()
        .that()
        .resideInAPackage("io.gamedata.platform.supervisor..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.gamedata.streams..",
            "io.gamedata.producer..",
            "io.gamedata.simulator..",
            "io.gamedata.connect..",
            "io.gamedata.recommender..",
            "io.gamedata.platform.component..",
            "io.gamedata.platform.demo..",
            "io.gamedata.platform.cli..")
        .check(MAIN);
  }

  @Test
  void thePackagesHaveNoCycles() {
    Modules.noPackageCycles(Modules.PLATFORM).check(MAIN);
  }
}
