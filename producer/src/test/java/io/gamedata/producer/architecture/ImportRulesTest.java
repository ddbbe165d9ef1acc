package io.gamedata.producer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The producer's layering, checked on its compiled classes: it uses no other module than {@code
 * contracts}; the fetch, sync and rate-limiting logic uses neither the command line nor an HTTP
 * server; the packages have no cycles.
 */
class ImportRulesTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.gamedata.producer");

  @Test
  void theProducerUsesNoOtherModuleThanContracts() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.gamedata.streams..",
            "io.gamedata.simulator..",
            "io.gamedata.connect..",
            "io.gamedata.recommender..",
            "io.gamedata.platform..",
            "io.gamedata.kafka..",
            "io.gamedata.bench..")
        .because("the stages talk only through topics; contracts is the shared bottom")
        .check(MAIN);
  }

  @Test
  void theFetchSyncAndLimiterLogicUsesNoCommandLineNorHttpServer() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.gamedata.producer.fetch..",
            "io.gamedata.producer.sync..",
            "io.gamedata.producer.limiter..",
            "io.gamedata.producer.checkpoint..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.gamedata.producer.cli..",
            "io.gamedata.producer.webhook..",
            "picocli..",
            "com.sun.net.httpserver..",
            "io.javalin..",
            "org.eclipse.jetty..")
        .check(MAIN);
  }

  @Test
  void thePackagesHaveNoCycles() {
    slices().matching("io.gamedata.producer.(*)..").should().beFreeOfCycles().check(MAIN);
  }
}
