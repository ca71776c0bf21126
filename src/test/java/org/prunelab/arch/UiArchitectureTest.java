package org.prunelab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The workbench's own structure (MVVM, a kernel below the feature views, the shell on top), checked
 * on the compiled classes.
 */
@AnalyzeClasses(packages = "org.prunelab", importOptions = ImportOption.DoNotIncludeTests.class)
class UiArchitectureTest {

  @ArchTest
  static final ArchRule viewModelsHoldNoControlsOrCharts =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.jfree..")
          .because(
              "a view-model exposes data (properties, observable lists, records) that its view"
                  + " binds to; controls, windows and charts belong to the view, so a view-model"
                  + " can be tested without them");

  @ArchTest
  static final ArchRule noCyclesBetweenUiPackages =
      slices()
          .matching("org.prunelab.(ui..)")
          .should()
          .beFreeOfCycles()
          .because(
              "the ui root package is a kernel the feature views build on and the shell sits on"
                  + " top of them; a cycle would make every package depend on every other");

  @ArchTest
  static final ArchRule kernelKnowsNoFeatureOrShell =
      noClasses()
          .that()
          .resideInAPackage("org.prunelab.ui")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.prunelab.ui.*..")
          .because(
              "the kernel (WorkbenchContext, DialogService, FxThread, UndoHistory, ...) is what"
                  + " every view uses, so it cannot know any view or the shell");

  @ArchTest
  static final ArchRule onlyTheLauncherStartsTheShell =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.prunelab.ui.shell..")
          .and()
          .doNotHaveFullyQualifiedName("org.prunelab.Launcher")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.prunelab.ui.shell..")
          .because(
              "the shell builds the views; a view that reached back into it would tie every view"
                  + " to the whole workbench instead of to the WorkbenchContext it is given");
}
