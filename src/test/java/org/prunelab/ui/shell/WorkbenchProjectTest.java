package org.prunelab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.ui.shell.WorkbenchFixture.awaitJob;
import static org.prunelab.ui.shell.WorkbenchFixture.onFx;
import static org.prunelab.ui.shell.WorkbenchFixture.runFx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.data.Datasets;
import org.prunelab.job.JobHandle;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.service.LoadedModel;
import org.prunelab.ui.ProjectSection;
import org.prunelab.ui.allocation.AllocationView;
import org.prunelab.ui.allocation.AllocationViewModel;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A saved project reopens the whole state: model, dataset, results store, sections, recent
 * projects.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchProjectTest {
  private WorkbenchFixture fx;

  @TempDir Path dir;

  @Start
  void start(Stage stage) {
    fx = WorkbenchFixture.start(stage);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  /** A view's state: one number; records what it was asked to restore. */
  private static final class NumberSection implements ProjectSection {
    double value;
    final List<JsonNode> restored = new ArrayList<>();

    @Override
    public JsonNode save() {
      return JsonNodeFactory.instance.objectNode().put("keep", value);
    }

    @Override
    public void restore(JsonNode state) {
      restored.add(state);
      value = state.get("keep").asDouble();
    }
  }

  @Test
  void savedProjectReopensModelDatasetStoreAndSections() {
    NumberSection early = new NumberSection();
    runFx(() -> fx.workbench.registerProjectSection("allocation", early));
    String lenet = WorkbenchFixture.lenet5().toString();
    fx.open(lenet, Datasets.SYNTHETIC);
    Path project = dir.resolve("study.prunelab");
    Path store = dir.resolve("study-results.db");
    runFx(
        () -> {
          early.value = 0.375;
          fx.workbench.resultsStore().set(store);
          assertTrue(fx.workbench.saveProject(project));
        });
    assertTrue(fx.stage.getTitle().endsWith("— study.prunelab"), fx.stage.getTitle());

    // move away: another model, other values
    fx.open("lenet5", "fashion-mnist");
    runFx(
        () -> {
          early.value = 0.9;
          fx.workbench.resultsStore().set(dir.resolve("other.db"));
        });
    JobHandle<LoadedModel> job = onFx(() -> fx.workbench.openProject(project).orElseThrow());
    awaitJob(job);
    LoadedModel m = onFx(() -> fx.workbench.model().get());
    assertEquals(lenet, m.source());
    assertEquals(Datasets.SYNTHETIC, m.dataset());
    assertEquals(store, onFx(() -> fx.workbench.resultsStore().get()));
    assertEquals(0.375, early.value);
    assertEquals(project.toAbsolutePath(), onFx(() -> fx.workbench.projectFile().get()));
    assertEquals(
        List.of(project.toAbsolutePath()), onFx(() -> List.copyOf(fx.workbench.recentProjects())));
    assertTrue(fx.stage.getTitle().contains("on synthetic (built-in)"), fx.stage.getTitle());
  }

  @Test
  void sectionOfAViewOpenedAfterTheProjectIsRestoredWhenItRegisters() {
    fx.open(WorkbenchFixture.lenet5().toString(), Datasets.SYNTHETIC);
    NumberSection first = new NumberSection();
    first.value = 0.5;
    Path project = dir.resolve("late.prunelab");
    runFx(
        () -> {
          fx.workbench.registerProjectSection("allocation", first);
          assertTrue(fx.workbench.saveProject(project));
        });
    // a fresh workbench, as after a restart: the section's view is built only after the project
    // opened
    fx.close();
    fx = onFx(() -> WorkbenchFixture.start(fx.stage));
    awaitJob(onFx(() -> fx.workbench.openProject(project).orElseThrow()));
    NumberSection late = new NumberSection();
    runFx(() -> fx.workbench.registerProjectSection("allocation", late));
    assertEquals(0.5, late.value);
    assertEquals(1, late.restored.size());
  }

  @Test
  void allocationViewBuiltAfterTheProjectOpenedRestoresTheSavedAllocation() {
    fx.open(WorkbenchFixture.lenet5().toString(), "fashion-mnist");
    AllocationViewModel first = allocation();
    WorkbenchFixture.await(
        "the scores",
        WorkbenchFixture.JOB_TIMEOUT,
        () -> first.editor().calculatorProperty().get() != null);
    assertTrue(onFx(() -> first.editor().applyBudget(0.4)));
    double[] saved = onFx(() -> first.editor().state().ratios());
    Path project = dir.resolve("allocated.prunelab");
    assertTrue(onFx(() -> fx.workbench.saveProject(project)));
    WorkbenchFixture.await(
        "the view to settle",
        WorkbenchFixture.JOB_TIMEOUT,
        () -> first.measurement().measuredProperty().get());

    // after a restart the project opens first and the allocation view is built afterwards
    fx.close();
    fx = onFx(() -> WorkbenchFixture.start(fx.stage));
    awaitJob(onFx(() -> fx.workbench.openProject(project).orElseThrow()));
    AllocationViewModel later = allocation();
    WorkbenchFixture.await(
        "the restored allocation",
        WorkbenchFixture.JOB_TIMEOUT,
        () ->
            later.editor().calculatorProperty().get() != null
                && later.editor().budgetProperty().get() == 0.4);
    assertArrayEquals(saved, onFx(() -> later.editor().state().ratios()));
    assertEquals(AllocatorKind.OPTIMAL, onFx(() -> later.editor().allocatorProperty().get()));
    assertTrue(
        WorkbenchFixture.errorDialogText().isEmpty(),
        () -> "no dialog: " + WorkbenchFixture.errorDialogText().orElseThrow());
    WorkbenchFixture.await(
        "the view to settle",
        WorkbenchFixture.JOB_TIMEOUT,
        () -> later.measurement().measuredProperty().get());
  }

  private AllocationViewModel allocation() {
    return ((AllocationView) onFx(() -> fx.window.show("Allocation"))).viewModel();
  }

  @Test
  void savingWithoutAModelShowsADialogAndWritesNothing() {
    Path project = dir.resolve("empty.prunelab");
    assertEquals(false, onFx(() -> fx.workbench.saveProject(project)));
    String dialog = WorkbenchFixture.awaitErrorDialog();
    assertTrue(dialog.contains("open a model first"), dialog);
    assertTrue(!project.toFile().exists());
    assertNull(onFx(() -> fx.workbench.projectFile().get()));
  }
}
