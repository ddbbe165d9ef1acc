package io.gamedata.streams.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.gamedata.contracts.architecture.Modules;
import org.junit.jupiter.api.Test;

/**
 * The streams module's layering, checked on its compiled classes: the domain uses neither Kafka nor
 * HTTP nor the other packages; the packages by role depend downwards only (names and domain at the
 * bottom, the wiring and the runtime on top); the module uses no other module than {@code
 * contracts} and the settings loader ({@code app-config}).
 */
class ImportRulesTest {

  private static final JavaClasses MAIN = Modules.mainClasses(Modules.STREAMS);

  @Test
  void theDomainIsFreeOfKafkaHttpAndTheOtherPackages() {
    noClasses()
        .that()
        .resideInAPackage("io.gamedata.streams.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "com.sun.net.httpserver..",
            "io.javalin..",
            "org.eclipse.jetty..",
            "okhttp3..",
            "java.net.http..",
            "io.gamedata.streams.codec..",
            "io.gamedata.streams.config..",
            "io.gamedata.streams.metrics..",
            "io.gamedata.streams.names..",
            "io.gamedata.streams.processor..",
            "io.gamedata.streams.runtime..",
            "io.gamedata.streams.store..",
            "io.gamedata.streams.topology..")
        .because("the enrichment rules are plain Java over the contract models")
        .check(MAIN);
  }

  @Test
  void theNamesUseNoOtherPackage() {
    noClasses()
        .that()
        .resideInAPackage("io.gamedata.streams.names..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.gamedata.streams.codec..",
            "io.gamedata.streams.config..",
            "io.gamedata.streams.domain..",
            "io.gamedata.streams.metrics..",
            "io.gamedata.streams.processor..",
            "io.gamedata.streams.runtime..",
            "io.gamedata.streams.store..",
            "io.gamedata.streams.topology..")
        .check(MAIN);
  }

  @Test
  void thePackagesDependDownwardsOnly() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("runtime")
        .definedBy("io.gamedata.streams.runtime..")
        .layer("config")
        .definedBy("io.gamedata.streams.config..")
        .layer("topology")
        .definedBy("io.gamedata.streams.topology..")
        .layer("processor")
        .definedBy("io.gamedata.streams.processor..")
        .layer("store")
        .definedBy("io.gamedata.streams.store..")
        .layer("codec")
        .definedBy("io.gamedata.streams.codec..")
        .layer("metrics")
        .definedBy("io.gamedata.streams.metrics..")
        .layer("names")
        .definedBy("io.gamedata.streams.names..")
        .layer("domain")
        .definedBy("io.gamedata.streams.domain..")
        .whereLayer("runtime")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("topology")
        .mayOnlyBeAccessedByLayers("runtime")
        .whereLayer("config")
        .mayOnlyBeAccessedByLayers("runtime")
        .whereLayer("processor")
        .mayOnlyBeAccessedByLayers("topology", "runtime", "config")
        .whereLayer("store")
        .mayOnlyBeAccessedByLayers("processor", "topology", "runtime", "config")
        .whereLayer("codec")
        .mayOnlyBeAccessedByLayers("store", "processor", "topology", "runtime")
        .check(MAIN);
    Modules.noPackageCycles(Modules.STREAMS).check(MAIN);
  }

  @Test
  void theModuleUsesNoOtherModuleThanContractsAndTheSettingsLoader() {
    Modules.usesOnly(Modules.STREAMS, Modules.CONTRACTS, Modules.CONFIG).check(MAIN);
  }
}
