package org.prunelab.ui.allocation;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.prunelab.job.Job;
import org.prunelab.job.Jobs;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ManualPruning;
import org.prunelab.service.RetrainRecipe;
import org.prunelab.ui.DialogService;

/**
 * What the allocation view does with an allocation: Prune (build the smaller network and measure it
 * on the test split), Prune &amp; Retrain (the same after a short retraining), export the pruned
 * network as ONNX, and write the allocation as JSON or CSV. The network work runs as jobs ({@link
 * PrunedNetworks}); a prune result that arrives after the scores or the model changed is not shown.
 * Failures show a dialog. FX thread only.
 */
public final class PruneActions {
  private final Jobs jobs;
  private final DialogService dialogs;
  private final Generation generation;
  private final Supplier<Optional<AllocationSnapshot>> allocation;
  private final Consumer<String> status;
  private final IntegerProperty retrainEpochs = new SimpleIntegerProperty(1);
  private final ReadOnlyStringWrapper pruneText = new ReadOnlyStringWrapper("");

  /**
   * Actions on what {@code allocation} gives at the time, run on {@code jobs}; a prune result is
   * shown only while {@code generation} has not advanced, and exports report to {@code status}.
   */
  PruneActions(
      Jobs jobs,
      DialogService dialogs,
      Generation generation,
      Supplier<Optional<AllocationSnapshot>> allocation,
      Consumer<String> status) {
    this.jobs = jobs;
    this.dialogs = dialogs;
    this.generation = generation;
    this.allocation = allocation;
    this.status = status;
  }

  /** Forgets the last prune result (another model opened). */
  void clear() {
    pruneText.set("");
  }

  /**
   * Builds the pruned network and measures it on the test split (a job); the result appears in the
   * prune line.
   */
  public void prune() {
    runPruned(
        "Prune and test",
        (target, kept) -> ctx -> ManualPruning.pruneAndTest(target, kept, ctx),
        "pruned");
  }

  /**
   * Queues pruning plus a retraining with {@link #retrainRecipe()} and a test measurement: the
   * recipe a sweep with the same epochs uses.
   */
  public void pruneAndRetrain() {
    RetrainRecipe recipe = retrainRecipe();
    runPruned(
        "Prune, retrain " + recipe.epochs() + " epoch(s), test",
        (target, kept) -> ctx -> ManualPruning.pruneRetrainAndTest(target, kept, recipe, ctx),
        "pruned and retrained " + recipe.epochs() + " epoch(s)");
  }

  /**
   * The recipe Prune &amp; Retrain uses: {@link #retrainEpochsProperty} epochs (at least one) with
   * the defaults every sweep uses.
   */
  public RetrainRecipe retrainRecipe() {
    return RetrainRecipe.of(Math.max(1, retrainEpochs.get()));
  }

  private void runPruned(
      String name,
      BiFunction<LoadedModel, Map<String, int[]>, Job<ManualPruning.Measured>> body,
      String what) {
    Optional<AllocationSnapshot> now = allocation.get();
    if (now.isEmpty()) {
      return;
    }
    long ticket = generation.current();
    pruneText.set(what + ": queued…");
    jobs.submit(
        name,
        body.apply(now.get().model(), now.get().keptChannels()),
        m -> String.format(Locale.ROOT, "top-1 %.2f %%, shown in Allocation", 100 * m.top1()),
        m -> {
          if (generation.isCurrent(ticket)) {
            pruneText.set(
                String.format(
                    Locale.ROOT,
                    "%s: %,d parameters, %,d FLOPs; measured top-1 %.2f %% on %d %s images",
                    what,
                    m.parameters(),
                    m.macs(),
                    100 * m.top1(),
                    m.images(),
                    m.split()));
          }
        },
        error -> {
          if (generation.isCurrent(ticket)) {
            pruneText.set(what + " failed: " + error.getMessage());
            dialogs.showError("Pruning failed", error);
          }
        });
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

  /** Epochs of the retraining Prune &amp; Retrain runs. */
  public IntegerProperty retrainEpochsProperty() {
    return retrainEpochs;
  }

  /** The last prune result: queued, its size and measured accuracy, or its failure. */
  public ReadOnlyStringProperty pruneTextProperty() {
    return pruneText.getReadOnlyProperty();
  }
}
