package io.gamedata.producer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.gamedata.contracts.architecture.Modules;
import org.junit.jupiter.api.Test;

/**
 * The producer's layering, checked on its compiled classes: it uses no other module than {@code
 * contracts} and the settings loader ({@code app-config}); the fetch, sync and rate-limiting logic
 * uses neither the command line nor an HTTP server; the packages have no cycles.
 */
class ImportRulesTest {

  private static final JavaClasses MAIN = Modules.mainClasses(Modules.PRODUCER);

  @Test
  void theProducerUsesNoOtherModuleThanContractsAndTheSettingsLoader() {
    Modules.usesOnly(Modules.PRODUCER, Modules.CONTRACTS, Modules.CONFIG).check(MAIN);
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
    Modules.noPackageCycles(Modules.PRODUCER).check(MAIN);
  }
}
