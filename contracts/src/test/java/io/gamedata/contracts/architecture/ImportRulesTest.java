package io.gamedata.contracts.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The bottom of the module graph: {@code contracts} uses no other module of the platform, its
 * models (IGDB records, the enriched document, change events, similar games) are plain records
 * without Kafka or HTTP, and its packages have no cycles.
 */
class ImportRulesTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.gamedata.contracts");

  @Test
  void contractsUsesNoOtherModule() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.gamedata.streams..",
            "io.gamedata.producer..",
            "io.gamedata.simulator..",
            "io.gamedata.connect..",
            "io.gamedata.recommender..",
            "io.gamedata.platform..",
            "io.gamedata.kafka..",
            "io.gamedata.bench..",
            "io.gamedata.deploy..")
        .because("contracts is the bottom every module builds on")
        .check(MAIN);
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
    slices().matching("io.gamedata.contracts.(*)..").should().beFreeOfCycles().check(MAIN);
  }
}
