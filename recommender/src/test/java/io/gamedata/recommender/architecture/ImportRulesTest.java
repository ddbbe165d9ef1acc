package io.gamedata.recommender.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import io.gamedata.contracts.architecture.Modules;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The recommender's layering, checked on its compiled classes: the engine (the domain) uses neither
 * Kafka nor HTTP nor metrics nor any other package of the module; the adapters use the engine, not
 * each other, and are wired together only by the service; the engine's inner packages are reached
 * only through the engine and depend on each other without cycles; the module uses no other module
 * than {@code contracts} and the settings loader.
 */
class ImportRulesTest {

  private static final String ENGINE = "io.gamedata.recommender.engine..";

  private static final String KAFKA = "org.apache.kafka..";

  /** HTTP servers and clients, the platform's shared server among them. */
  private static final String[] HTTP = {
    "com.sun.net.httpserver..",
    "io.javalin..",
    "org.eclipse.jetty..",
    "jakarta.servlet..",
    "okhttp3..",
    "java.net.http..",
    "io.gamedata.http.."
  };

  private static final String METRICS = "io.micrometer..";

  private static String[] packages(String[] group, String... more) {
    return Stream.concat(Arrays.stream(group), Arrays.stream(more)).toArray(String[]::new);
  }

  private static final JavaClasses MAIN = Modules.mainClasses(Modules.RECOMMENDER);

  /**
   * Classes in {@code pkg} use no Kafka, HTTP or metrics, nor the adapters or the wiring, nor the
   * packages named.
   */
  private static ArchRule plainJava(String pkg, String because, String... alsoNot) {
    return noClasses()
        .that()
        .resideInAPackage(pkg)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            packages(
                HTTP,
                packages(
                    alsoNot,
                    KAFKA,
                    METRICS,
                    "io.gamedata.recommender.adapter..",
                    "io.gamedata.recommender.service..")))
        .because(because);
  }

  @Test
  void theEngineIsFreeOfKafkaHttpMetricsAndTheOtherPackages() {
    plainJava(
            ENGINE,
            "the similarity engine is plain Java over the contract models",
            "io.gamedata.recommender.browse..",
            "io.gamedata.recommender.catalog..")
        .check(MAIN);
  }

  @Test
  void browsingIsFreeOfKafkaHttpMetricsAndTheAdapters() {
    plainJava(
            "io.gamedata.recommender.browse..",
            "the browse side (catalogue, change feed) is plain Java over the engine")
        .check(MAIN);
  }

  @Test
  void theAdaptersDoNotUseEachOtherOrTheWiring() {
    noClasses()
        .that()
        .resideInAPackage("io.gamedata.recommender.adapter.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            KAFKA, "io.gamedata.recommender.adapter.kafka..", "io.gamedata.recommender.service..")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAPackage("io.gamedata.recommender.adapter.kafka..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            packages(
                HTTP,
                "io.gamedata.recommender.adapter.http..",
                "io.gamedata.recommender.service.."))
        .check(MAIN);
  }

  @Test
  void thePackagesDependDownwardsOnly() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("service")
        .definedBy("io.gamedata.recommender.service..")
        .layer("adapters")
        .definedBy("io.gamedata.recommender.adapter..")
        .layer("browse")
        .definedBy("io.gamedata.recommender.browse..")
        .layer("engine")
        .definedBy(ENGINE)
        .whereLayer("service")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("adapters")
        .mayOnlyBeAccessedByLayers("service")
        .whereLayer("browse")
        .mayOnlyBeAccessedByLayers("adapters", "service")
        .check(MAIN);
    Modules.noPackageCycles(Modules.RECOMMENDER).check(MAIN);
  }

  @Test
  void theEngineInsidesAreReachedOnlyThroughTheEngineWithoutCycles() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ENGINE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.gamedata.recommender.engine.index..",
            "io.gamedata.recommender.engine.build..",
            "io.gamedata.recommender.engine.update..",
            "io.gamedata.recommender.engine.query..",
            "io.gamedata.recommender.engine.state..")
        .because("the index is a struct of arrays the engine guards with its locks")
        .check(MAIN);
    slices().matching("io.gamedata.recommender.engine.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theModuleUsesOnlyContractsAndTheSettingsLoader() {
    Modules.usesOnly(Modules.RECOMMENDER, Modules.CONTRACTS, Modules.CONFIG).check(MAIN);
  }
}
