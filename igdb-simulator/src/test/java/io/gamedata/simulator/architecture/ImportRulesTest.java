package io.gamedata.simulator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The simulator's layering, checked on its compiled classes: it uses no other module than {@code
 * contracts}; the catalogue and the query engine (its domain) use no HTTP server, no Kafka and no
 * command line; the packages have no cycles.
 */
class ImportRulesTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.gamedata.simulator");

  @Test
  void theSimulatorUsesNoOtherModuleThanContracts() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.gamedata.streams..",
            "io.gamedata.producer..",
            "io.gamedata.connect..",
            "io.gamedata.recommender..",
            "io.gamedata.platform..",
            "io.gamedata.kafka..",
            "io.gamedata.bench..")
        .because("it stands in for the remote IGDB API only")
        .check(MAIN);
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
    slices().matching("io.gamedata.simulator.(*)..").should().beFreeOfCycles().check(MAIN);
  }
}
