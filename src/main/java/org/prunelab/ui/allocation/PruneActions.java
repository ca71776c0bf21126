package org.prunelab.ui.allocation;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.prunelab.experiment.HandPruning;
import org.prunelab.job.Jobs;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ManualPruning;
import org.prunelab.service.ModelFiles;
import org.prunelab.service.NetworkComparison;
import org.prunelab.service.RetrainRecipe;
import org.prunelab.ui.DialogService;

/**
 * What the allocation view does with an allocation: Prune (build the smaller network, measure it on
 * the test split and record it in the results store, {@link HandPruning}), Prune &amp; Retrain (the
 * same after a short retraining; the retrained network can then be saved as .plm or .onnx), export
 * the pruned network as ONNX, and write the allocation as JSON or CSV. The network work runs as
 * jobs; a prune result that arrives after the scores or the model changed is not shown. Failures
 * show a dialog. FX thread only.
 */
public final class PruneActions {
  private final Jobs jobs;
  private final DialogService dialogs;
  private final Generation generation;
  private final Supplier<Optional<AllocationSnapshot>> allocation;
  private final Consumer<String> status;
  private final IntegerProperty retrainEpochs = new SimpleIntegerProperty(1);
  private final IntegerProperty retrainImages = new SimpleIntegerProperty(0);
  private final ReadOnlyStringWrapper pruneText = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Path> retrained = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<NetworkComparison> lastComparison =
      new ReadOnlyObjectWrapper<>();
  private final Supplier<Path> store;
  private final Runnable onRecorded;
  private final HandPruning.Recorder recorder = new HandPruning.Recorder();

  /**
   * Actions on what {@code allocation} gives at the time, run on {@code jobs}; a prune result is
   * shown only while {@code generation} has not advanced, and exports report to {@code status}.
   * Prune runs are recorded in the SQLite file {@code store} gives (none: not recorded), and {@code
   * onRecorded} runs after each record.
   */
  PruneActions(
      Jobs jobs,
      DialogService dialogs,
      Generation generation,
      Supplier<Optional<AllocationSnapshot>> allocation,
      Consumer<String> status,
      Supplier<Path> store,
      Runnable onRecorded) {
    this.store = store;
    this.onRecorded = onRecorded;
    this.jobs = jobs;
    this.dialogs = dialogs;
    this.generation = generation;
    this.allocation = allocation;
    this.status = status;
  }

  /** Forgets the last prune result and retrained network (another model opened). */
  void clear() {
    pruneText.set("");
    keepRetrained(null);
    lastComparison.set(null);
  }

  /**
   * Builds the pruned network, measures it on the test split and records it in the watched results
   * store (a job); the result appears in the prune line and on the experiments charts.
   */
  public void prune() {
    runPruned("Prune and test", null, "pruned");
  }

  /**
   * Queues pruning plus a retraining with {@link #retrainRecipe()}, a test measurement and the
   * record in the results store; the retrained network can then be saved ({@link #saveRetrained}).
   */
  public void pruneAndRetrain() {
    RetrainRecipe recipe = retrainRecipe();
    runPruned(
        "Prune, retrain " + recipe.epochs() + " epoch(s), test",
        recipe,
        "pruned and retrained " + recipe.epochs() + " epoch(s)");
  }

  /**
   * The recipe Prune &amp; Retrain uses: {@link #retrainEpochsProperty} epochs (at least one) with
   * the defaults every sweep uses.
   */
  public RetrainRecipe retrainRecipe() {
    return RetrainRecipe.of(Math.max(1, retrainEpochs.get()));
  }

  private void runPruned(String name, RetrainRecipe recipe, String what) {
    Optional<AllocationSnapshot> now = allocation.get();
    if (now.isEmpty()) {
      return;
    }
    long ticket = generation.current();
    pruneText.set(what + ": queued…");
    Path storeFile = store.get();
    jobs.submit(
        name,
        new HandPruning(
            now.get().model(),
            now.get().keptChannels(),
            now.get()::runName,
            recipe,
            retrainImages.get(),
            storeFile,
            recorder),
        o -> String.format(Locale.ROOT, "top-1 %.2f %%, shown in Allocation", 100 * o.top1()),
        o -> {
          if (o.recorded() != null) {
            onRecorded.run();
          }
          if (generation.isCurrent(ticket)) {
            pruneText.set(describe(what, o));
            keepRetrained(o.retrained());
            lastComparison.set(o.comparison());
          } else {
            HandPruning.discard(o.retrained());
          }
        },
        error -> {
          if (generation.isCurrent(ticket)) {
            pruneText.set(what + " failed: " + error.getMessage());
            dialogs.showError("Pruning failed", error);
          }
        });
  }

  private static String describe(String what, HandPruning.Outcome o) {
    ManualPruning.Measured m = o.measured();
    String text =
        String.format(
            Locale.ROOT,
            "%s: %,d parameters, %,d FLOPs; measured top-1 %.2f %% on %d %s images",
            what,
            m.parameters(),
            m.macs(),
            100 * m.top1(),
            m.images(),
            m.split());
    if (o.recorded() != null) {
      return text + "; recorded as " + o.recorded();
    }
    return o.notRecorded() == null ? text : text + "; not recorded: " + o.notRecorded();
  }

  private void keepRetrained(Path file) {
    HandPruning.discard(retrained.get());
    retrained.set(file);
  }

  /**
   * Writes the network the last Prune &amp; Retrain ended with to {@code file} (.plm copied, .onnx
   * exported) as a job; nothing without one.
   */
  public void saveRetrained(Path file) {
    Path from = retrained.get();
    if (from == null) {
      return;
    }
    jobs.submit(
        "Save retrained network " + file.getFileName(),
        ctx -> ModelFiles.convert(from, file),
        path -> "written to " + path,
        path -> status.accept("saved the retrained network to " + path),
        error -> dialogs.showError("Could not save the retrained network", error));
  }

  /** The last pruned network beside the model's, null before the first Prune. */
  public ReadOnlyObjectProperty<NetworkComparison> lastComparisonProperty() {
    return lastComparison.getReadOnlyProperty();
  }

  /** The retrained network of the last Prune &amp; Retrain (a temporary .plm), null for none. */
  public ReadOnlyObjectProperty<Path> retrainedProperty() {
    return retrained.getReadOnlyProperty();
  }

  /**
   * Writes the pruned network to {@code file} as ONNX (a job); {@code done} runs on the FX thread
   * after.
   */
  public void exportOnnx(Path file, Runnable done) {
    Optional<AllocationSnapshot> now = allocation.get();
    if (now.isEmpty()) {
      return;
    }
    LoadedModel target = now.get().model();
    Map<String, int[]> kept = now.get().keptChannels();
    jobs.submit(
        "Export pruned ONNX " + file.getFileName(),
        ctx -> ManualPruning.export(target, kept, file, ctx),
        path -> "written to " + path,
        path -> {
          status.accept("exported the pruned network to " + path);
          done.run();
        },
        error -> dialogs.showError("Could not export the pruned network", error));
  }

  /**
   * Writes the allocation to {@code file} as JSON or CSV (by extension); a dialog names any
   * failure.
   */
  public boolean exportAllocation(Path file) {
    Optional<AllocationSnapshot> now = allocation.get();
    if (now.isEmpty()) {
      return false;
    }
    AllocationSnapshot s = now.get();
    try {
      AllocationFiles.write(
          file, s.model().source(), s.method(), s.state(), s.calculator(), s.totals());
      status.accept("wrote the allocation to " + file);
      return true;
    } catch (RuntimeException e) {
      dialogs.showError("Could not write the allocation", e);
      return false;
    }
  }

  /**
   * How many training images Prune &amp; Retrain trains on, the first of the training split (0:
   * all; fewer give a quick look).
   */
  public IntegerProperty retrainImagesProperty() {
    return retrainImages;
  }

  /** Epochs of the retraining Prune &amp; Retrain runs. */
  public IntegerProperty retrainEpochsProperty() {
    return retrainEpochs;
  }

  /** The last prune result: queued, its size and measured accuracy, or its failure. */
  public ReadOnlyStringProperty pruneTextProperty() {
    return pruneText.getReadOnlyProperty();
  }
}
