package io.gamedata.contracts.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The bottom of the module graph: {@code contracts} uses no other module of the platform, its
 * models (IGDB records, the enriched document, change events, similar games) are plain records
 * without Kafka or HTTP, and its packages have no cycles.
 */
class ImportRulesTest {

  private static final JavaClasses MAIN = Modules.mainClasses(Modules.CONTRACTS);

  @Test
  void contractsUsesNoOtherModule() {
    Modules.usesOnly(Modules.CONTRACTS).check(MAIN);
  }

  @Test
  void theModelsAreFreeOfKafkaHttpAndTheCodecs() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.gamedata.contracts.igdb..",
            "io.gamedata.contracts.enriched..",
            "io.gamedata.contracts.change..",
            "io.gamedata.contracts.similar..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "com.sun.net.httpserver..",
            "io.javalin..",
            "okhttp3..",
            "java.net.http..",
            "io.gamedata.contracts.json..",
            "io.gamedata.contracts.topic..")
        .check(MAIN);
  }

  @Test
  void thePackagesHaveNoCycles() {
    Modules.noPackageCycles(Modules.CONTRACTS).check(MAIN);
  }
}
