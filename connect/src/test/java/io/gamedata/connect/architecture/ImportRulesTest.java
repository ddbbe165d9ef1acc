package io.gamedata.connect.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.gamedata.contracts.architecture.Modules;
import org.junit.jupiter.api.Test;

/**
 * The connect module's layering, checked on its compiled classes: it uses no other module than
 * {@code contracts} and the settings loader ({@code app-config}); the warehouse schema (the columns
 * both sinks and the DDL are made from) uses neither Kafka nor a database driver; the packages have
 * no cycles.
 */
class ImportRulesTest {

  private static final JavaClasses MAIN = Modules.mainClasses(Modules.CONNECT);

  @Test
  void connectUsesNoOtherModuleThanContractsAndTheSettingsLoader() {
    Modules.usesOnly(Modules.CONNECT, Modules.CONTRACTS, Modules.CONFIG).check(MAIN);
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
    Modules.noPackageCycles(Modules.CONNECT).check(MAIN);
  }
}
