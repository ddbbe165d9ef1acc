package io.gamedata.simulator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.gamedata.contracts.architecture.Modules;
import org.junit.jupiter.api.Test;

/**
 * The simulator's layering, checked on its compiled classes: it uses no other module than {@code
 * contracts} and the settings loader ({@code app-config}); the catalogue and the query engine (its
 * domain) use no HTTP server, no Kafka and no command line; the packages have no cycles.
 */
class ImportRulesTest {

  private static final JavaClasses MAIN = Modules.mainClasses(Modules.SIMULATOR);

  @Test
  void theSimulatorUsesNoOtherModuleThanContractsAndTheSettingsLoader() {
    Modules.usesOnly(Modules.SIMULATOR, Modules.CONTRACTS, Modules.CONFIG).check(MAIN);
  }

  @Test
  void theCatalogueAndQueriesUseNoServerKafkaOrCommandLine() {
    noClasses()
        .that()
        .resideInAnyPackage("io.gamedata.simulator.catalog..", "io.gamedata.simulator.query..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "com.sun.net.httpserver..",
            "io.javalin..",
            "org.eclipse.jetty..",
            "picocli..",
            "io.gamedata.simulator.http..",
            "io.gamedata.simulator.cli..",
            "io.gamedata.simulator.webhook..")
        .check(MAIN);
  }

  @Test
  void thePackagesHaveNoCycles() {
    Modules.noPackageCycles(Modules.SIMULATOR).check(MAIN);
  }
}
