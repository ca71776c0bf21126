package org.prunelab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of docs/architecture.md, checked on the compiled classes. */
@AnalyzeClasses(packages = "org.prunelab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

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
              "channel groups, surgery and masks work on the network graph alone (ARCHITECTURE.md)");

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
