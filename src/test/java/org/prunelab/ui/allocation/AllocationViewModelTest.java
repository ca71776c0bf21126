package org.prunelab.ui.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.ui.shell.WorkbenchFixture.await;
import static org.prunelab.ui.shell.WorkbenchFixture.onFx;
import static org.prunelab.ui.shell.WorkbenchFixture.runFx;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.experiment.ExperimentSpec;
import org.prunelab.experiment.ExperimentSpecs;
import org.prunelab.job.CallingThreadJobs;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ManualPruning;
import org.prunelab.service.RetrainRecipe;
import org.prunelab.ui.RecordingDialogService;
import org.prunelab.ui.RecordingDialogService.Shown;
import org.prunelab.ui.TestWorkbenchContext;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The allocation view-model without its view, on the bundled trained LeNet-5: jobs run at once on
 * the calling (FX) thread and dialogs are recorded, so each step's outcome can be checked as soon
 * as it returns. Covers edits with undo and redo, refused budgets and bad input (a dialog is asked
 * for, nothing changes), the debounced measurement, a failed export and the project section.
 */
@ExtendWith(ApplicationExtension.class)
class AllocationViewModelTest {
  private static LoadedModel model;
  private final RecordingDialogService dialogs = new RecordingDialogService();
  private TestWorkbenchContext context;
  private AllocationViewModel vm;

  @BeforeAll
  static void load() {
    model = TestWorkbenchContext.lenet5();
  }

  @AfterAll
  static void close() {
    model.network().close();
  }

  @Start
  void start(Stage stage) {}

  /** A view-model whose model has been scored with {@code method} on 64 images. */
  private AllocationViewModel scored(TestWorkbenchContext on, CompressionMethod method) {
    return onFx(
        () -> {
          AllocationViewModel scoredVm = new AllocationViewModel(on);
          scoredVm.scoring().methodProperty().set(method);
          scoredVm.scoring().samplesProperty().set(64);
          on.open(model);
          return scoredVm;
        });
  }

  private void scoredWithPfp() {
    context = new TestWorkbenchContext(new CallingThreadJobs(), dialogs);
    vm = scored(context, CompressionMethod.PFP);
    assertTrue(onFx(() -> vm.editor().calculatorProperty().get() != null), "scored at once");
    assertEquals(Optional.of(CompressionMethod.PFP), vm.scoredMethod());
  }

  private double[] ratios() {
    return onFx(() -> vm.editor().state().ratios());
  }

  private long parameters() {
    return onFx(() -> vm.summary().totalsProperty().get().parameters());
  }

  private int group(String id) {
    return onFx(() -> vm.editor().calculatorProperty().get().ids().indexOf(id));
  }

  @Test
  void pruneAndRetrainUsesTheRecipeASweepWithTheSameEpochsUses() {
    scoredWithPfp();
    runFx(() -> vm.actions().retrainEpochsProperty().set(3));
    ExperimentSpec sweep =
        ExperimentSpecs.parse(
            """
            name: same-settings
            network: lenet5
            dataset: synthetic
            methods: [pfp]
            keep: {list: [0.5]}
            retrain: {epochs: 3}
            test: {clean: true}
            """);
    RetrainRecipe workbench = onFx(() -> vm.actions().retrainRecipe());
    assertEquals(sweep.retrain().recipe(), workbench);
    assertEquals(
        sweep.retrain().recipe().trainingRecipe(ManualPruning.RETRAIN_SEED),
        workbench.trainingRecipe(ManualPruning.RETRAIN_SEED));
  }

  @Test
  void aRatioEditIsSnappedRecordedUndoneAndRedone() {
    scoredWithPfp();
    long full = model.network().parameterCount();
    assertEquals(full, parameters());
    int conv2 = group("conv2");
    assertEquals(50, onFx(() -> vm.editor().calculatorProperty().get().channels(conv2)));

    runFx(() -> vm.editor().editRatio(conv2, 0.305));
    assertEquals(15.0 / 50, ratios()[conv2], 1e-12, "snapped to 15 of 50 channels");
    assertEquals(15, onFx(() -> vm.summary().rows().get(conv2).keptProperty().get()));
    long pruned = parameters();
    assertTrue(pruned < full, pruned + " < " + full);
    assertEquals(
        "keep ratio of conv2 1.00 -> 0.30", onFx(() -> context.history().undoTextProperty().get()));

    runFx(context.history()::undo);
    assertEquals(1.0, ratios()[conv2]);
    assertEquals(full, parameters());
    runFx(context.history()::redo);
    assertEquals(0.3, ratios()[conv2], 1e-12);
    assertEquals(pruned, parameters());
    assertTrue(dialogs.shown().isEmpty(), "no dialog: " + dialogs.shown());
  }

  @Test
  void aRefusedBudgetOrBadTextAsksForADialogAndChangesNothing() {
    scoredWithPfp();
    assertTrue(onFx(() -> vm.editor().applyBudget(0.5)));
    double[] before = ratios();
    long parameters = parameters();

    assertFalse(onFx(() -> vm.editor().applyBudget(0.0001)));
    runFx(() -> vm.editor().applyBudgetText("half"));

    List<Shown> shown = dialogs.shown();
    assertEquals(2, shown.size(), shown.toString());
    assertEquals("Cannot allocate 0.0001 of the parameters with optimal", shown.get(0).header());
    assertTrue(
        shown.get(0).error().getMessage().contains("below the smallest network"),
        shown.get(0).error().getMessage());
    assertEquals("Not a keep ratio", shown.get(1).header());
    assertEquals(
        "'half' is not a number; type a keep ratio such as 0.5 or 50%",
        shown.get(1).error().getMessage());
    assertArrayEquals(before, ratios(), "ratios unchanged");
    assertEquals(parameters, parameters());
    assertEquals(0.5, onFx(() -> vm.editor().budgetProperty().get()));
    assertEquals(
        "optimal allocation of 50.0 % of the parameters",
        onFx(() -> context.history().undoTextProperty().get()),
        "the refused budget recorded no edit");

    runFx(() -> vm.editor().applyBudgetText("40%"));
    assertEquals(0.4, onFx(() -> vm.editor().budgetProperty().get()), 1e-12);
    assertTrue(parameters() <= 0.4 * model.network().parameterCount());
  }

  @Test
  void theMeasurementFollowsTheLastEditAfterAQuietPeriod() {
    scoredWithPfp();
    runFx(() -> vm.editor().applyBudget(0.5));
    assertFalse(onFx(() -> vm.measurement().measuredProperty().get()));
    assertEquals(
        "measuring the pruned network shortly…",
        onFx(() -> vm.measurement().measuredTextProperty().get()));
    await(
        "the debounced measurement",
        Duration.ofSeconds(60),
        () -> vm.measurement().measuredProperty().get());
    String text = onFx(() -> vm.measurement().measuredTextProperty().get());
    assertTrue(
        text.startsWith("measured top-1 ")
            && text.contains("on " + ManualPruning.VALIDATION_SUBSET + " validation images"),
        text);

    runFx(() -> vm.editor().applyBudget(0.7));
    assertFalse(onFx(() -> vm.measurement().measuredProperty().get()), "stale after an edit");
  }

  @Test
  void aFailedExportAsksForADialog(@TempDir Path dir) {
    scoredWithPfp();
    assertFalse(onFx(() -> vm.actions().exportAllocation(dir.resolve("allocation.txt"))));
    assertEquals(1, dialogs.shown().size());
    assertEquals("Could not write the allocation", dialogs.shown().get(0).header());
    assertTrue(
        dialogs.shown().get(0).error().getMessage().contains("end the name with .json or .csv"),
        dialogs.shown().get(0).error().getMessage());
  }

  @Test
  void theProjectSectionBringsTheAllocationBackWithItsMethod() {
    scoredWithPfp();
    runFx(() -> vm.editor().applyBudget(0.4));
    AllocationState saved = onFx(vm.editor()::state);
    JsonNode section = onFx(() -> context.sections().get("allocation").save());

    // another session scored the model with another method: restoring scores it with pfp again
    TestWorkbenchContext other = new TestWorkbenchContext(new CallingThreadJobs(), dialogs);
    AllocationViewModel restored = scored(other, CompressionMethod.FT);
    assertEquals(Optional.of(CompressionMethod.FT), restored.scoredMethod());
    runFx(() -> other.sections().get("allocation").restore(section));

    assertEquals(Optional.of(CompressionMethod.PFP), restored.scoredMethod());
    assertEquals(CompressionMethod.PFP, onFx(() -> restored.scoring().methodProperty().get()));
    AllocationState back = onFx(restored.editor()::state);
    assertArrayEquals(saved.ratios(), back.ratios());
    assertEquals(saved.kind(), back.kind());
    assertEquals(saved.budget(), back.budget());
    assertEquals(saved.allocator(), back.allocator());
    assertTrue(dialogs.shown().isEmpty(), "no dialog: " + dialogs.shown());
  }
}
