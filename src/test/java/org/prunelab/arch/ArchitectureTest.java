package org.prunelab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of the architecture (docs/architecture.md), checked on the compiled classes:
 * no package cycles, a layer ladder from the error and job packages up to the CLI and the
 * workbench, and rules on which packages may use JavaFX, JFreeChart, stdout and the engine.
 */
@AnalyzeClasses(packages = "org.prunelab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noPackageCycles =
      slices()
          .matching("org.prunelab.(**)")
          .should()
          .beFreeOfCycles()
          .because(
              "a package cycle means neither package can be understood, tested or moved without the"
                  + " other; each package (a sub-package counts as its own) must sit on the ones below"
                  + " it only");

  @ArchTest
  static final ArchRule layersOnlyDependDownwards =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .withOptionalLayers(true)
          .layer("Base")
          .definedBy("org.prunelab.error..", "org.prunelab.job..")
          .layer("Foundation")
          .definedBy(
              "org.prunelab.data..",
              "org.prunelab.nn..",
              "org.prunelab.results..",
              "org.prunelab.zoo..",
              "org.prunelab.chart..")
          .layer("Compression")
          .definedBy(
              "org.prunelab.prune..",
              "org.prunelab.lowrank..",
              "org.prunelab.train..",
              "org.prunelab.flows..")
          .layer("Service")
          .definedBy("org.prunelab.service..")
          .layer("Experiment")
          .definedBy("org.prunelab.experiment..")
          .layer("Cli")
          .definedBy("org.prunelab.cli..")
          .layer("Ui")
          .definedBy("org.prunelab.ui..")
          .layer("Launcher")
          .definedBy("org.prunelab")
          .whereLayer("Launcher")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Cli")
          .mayOnlyBeAccessedByLayers("Launcher")
          .whereLayer("Ui")
          .mayOnlyBeAccessedByLayers("Launcher")
          .whereLayer("Experiment")
          .mayOnlyBeAccessedByLayers("Cli", "Ui", "Launcher")
          .whereLayer("Service")
          .mayOnlyBeAccessedByLayers("Experiment", "Cli", "Ui", "Launcher")
          .whereLayer("Compression")
          .mayOnlyBeAccessedByLayers("Service", "Experiment", "Cli", "Ui", "Launcher")
          .whereLayer("Foundation")
          .mayOnlyBeAccessedByLayers(
              "Compression", "Service", "Experiment", "Cli", "Ui", "Launcher")
          .ensureAllClassesAreContainedInArchitecture()
          .because(
              "each layer builds on the ones below it only (errors and jobs; data, networks, results,"
                  + " the zoo and charts; pruning, low-rank, training and flows; the service layer;"
                  + " experiments; the CLI and the workbench, side by side; the launcher), so a lower"
                  + " layer can be tested and reused without anything above it, and a new package"
                  + " must be placed on the ladder");

  @ArchTest
  static final ArchRule onlyUiUsesJavaFx =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.prunelab.ui..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx..")
          .because("the library and the CLI must run headless; only the workbench is JavaFX");

  @ArchTest
  static final ArchRule onlyUiAndChartUseJFreeChart =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.prunelab.ui..", "org.prunelab.chart..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.jfree..")
          .because(
              "charts are built in one place so the CLI and the workbench draw the same figures");

  @ArchTest
  static final ArchRule onlyCliWritesToStdout =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.prunelab.cli..")
          .should()
          .accessField(System.class, "out")
          .because("stdout carries the CLI's tables and JSON; everything else logs to stderr");

  @ArchTest
  static final ArchRule viewsHoldNoNativeMemory =
      noClasses()
          .that()
          .resideInAnyPackage("org.prunelab.ui..", "org.prunelab.results..", "org.prunelab.chart..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("ai.djl.ndarray.NDArray")
          .because("views and stores get plain records, so no native memory is held by a view");

  @ArchTest
  static final ArchRule storesAndChartsDoNotUseTheEngine =
      noClasses()
          .that()
          .resideInAnyPackage("org.prunelab.results..", "org.prunelab.chart..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ai.djl..")
          .because(
              "the results store and the charts work on plain records, so they hold no native memory"
                  + " and run without libtorch");

  @ArchTest
  static final ArchRule uiDoesNotUseTheEngine =
      noClasses()
          .that()
          .resideInAPackage("org.prunelab.ui..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ai.djl..")
          .because(
              "the workbench calls the engine only through the service layer on worker threads, so"
                  + " no view or view-model holds native memory or blocks the FX thread");

  @ArchTest
  static final ArchRule jobIsJdkOnly =
      noClasses()
          .that()
          .resideInAPackage("org.prunelab.job..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("ai.djl..", "javafx..", "org.prunelab.nn..")
          .because(
              "the job package is the one way to run background work and must not depend on an engine");

  @ArchTest
  static final ArchRule libraryDoesNotUseTheCli =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.prunelab.cli..")
          .and()
          .doNotHaveFullyQualifiedName("org.prunelab.Launcher")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.prunelab.cli..")
          .because("the CLI is a thin layer over the library, not the other way round");

  @ArchTest
  static final ArchRule cliReportsUserErrorsAsPruneLabExceptions =
      noClasses()
          .that()
          .resideInAPackage("org.prunelab.cli..")
          .should()
          .callConstructor(IllegalArgumentException.class, String.class)
          .orShould()
          .callConstructor(IllegalArgumentException.class, String.class, Throwable.class)
          .because(
              "the CLI prints one error line only for the PruneLabException family; a bad option"
                  + " throws InvalidSettingException (or another PruneLabException), never a bare"
                  + " IllegalArgumentException, which would reach the user as a stack trace");

  @ArchTest
  static final ArchRule pruneCoreUsesOnlyTheGraph =
      noClasses()
          .that()
          .resideInAPackage("org.prunelab.prune")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.prunelab.prune.method..",
              "org.prunelab.prune.sensitivity..",
              "org.prunelab.prune.allocate..",
              "org.prunelab.train..",
              "org.prunelab.data..",
              "org.prunelab.lowrank..")
          .because(
              "channel groups, surgery and masks work on the network graph alone (docs/architecture.md)");

  @ArchTest
  static final ArchRule allocatorsArePureJava =
      noClasses()
          .that()
          .resideInAPackage("org.prunelab.prune.allocate..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("ai.djl..", "org.prunelab.nn..", "org.prunelab.data..")
          .because(
              "allocators run on every slider move of the allocation view and must hold no native memory");
}
