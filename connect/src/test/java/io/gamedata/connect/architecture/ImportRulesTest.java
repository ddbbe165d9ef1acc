package io.gamedata.connect.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The connect module's layering, checked on its compiled classes: it uses no other module than
 * {@code contracts}; the warehouse schema (the columns both sinks and the DDL are made from) uses
 * neither Kafka nor a database driver; the packages have no cycles.
 */
class ImportRulesTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.gamedata.connect");

  @Test
  void connectUsesNoOtherModuleThanContracts() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.gamedata.streams..",
            "io.gamedata.producer..",
            "io.gamedata.simulator..",
            "io.gamedata.recommender..",
            "io.gamedata.platform..",
            "io.gamedata.kafka..",
            "io.gamedata.bench..")
        .because("the stages talk only through topics; contracts is the shared bottom")
        .check(MAIN);
  }

  @Test
  void theSchemaUsesNeitherKafkaNorADatabase() {
    noClasses()
        .that()
        .resideInAPackage("io.gamedata.connect.schema..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.duckdb..",
            "java.sql..",
            "io.gamedata.connect.convert..",
            "io.gamedata.connect.sink..",
            "io.gamedata.connect.transform..",
            "io.gamedata.connect.query..",
            "io.gamedata.connect.bigquery..")
        .check(MAIN);
  }

  @Test
  void thePackagesHaveNoCycles() {
    slices().matching("io.gamedata.connect.(**)").should().beFreeOfCycles().check(MAIN);
  }
}
