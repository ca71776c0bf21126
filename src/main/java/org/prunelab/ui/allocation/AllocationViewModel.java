package org.prunelab.ui.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import javafx.animation.PauseTransition;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.prunelab.job.Job;
import org.prunelab.job.JobHandle;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.allocate.BudgetKind;
import org.prunelab.ui.ErrorDialog;
import org.prunelab.ui.LoadedModel;
import org.prunelab.ui.ProjectSection;
import org.prunelab.ui.WorkbenchContext;
import org.prunelab.ui.sensitivity.ScoredModel;

/**
 * State of the allocation view. When a model opens it scores it (a job: the chosen method's channel
 * importance and measured error curves, {@link ScoredModel}); then every change of a group's keep
 * ratio (bar drag, spinner) or of the budget (slider, field, allocator, what it counts) recomputes
 * the exact size and the predicted errors synchronously ({@link AllocationCalculator},
 * microseconds) and restarts a debounced job that measures the pruned network's top-1 accuracy on a
 * validation subset; a stale measurement is cancelled and never shown. Every edit is recorded in
 * the workbench's undo history; an impossible budget or an allocator that cannot work with the
 * scores shows a dialog and changes nothing. FX thread only.
 */
public final class AllocationViewModel {
  /** Budgeted allocators offered. */
  public static final List<String> ALLOCATORS = List.of("uniform", "optimal", "global");

  /** Quiet time after the last change before the accuracy is measured. */
  public static final Duration DEBOUNCE = Duration.millis(400);

  /** Default size of the sample set S the error curves are measured on. */
  public static final int DEFAULT_SAMPLES = 128;

  private final WorkbenchContext context;
  private final StringProperty method = new SimpleStringProperty("pfp");
  private final IntegerProperty samples = new SimpleIntegerProperty(DEFAULT_SAMPLES);
  private final IntegerProperty retrainEpochs = new SimpleIntegerProperty(1);
  private final ReadOnlyObjectWrapper<AllocationCalculator> calculator =
      new ReadOnlyObjectWrapper<>();
  private final ObservableList<GroupRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<BudgetKind> kind =
      new ReadOnlyObjectWrapper<>(BudgetKind.PARAMETERS);
  private final ReadOnlyDoubleWrapper budget = new ReadOnlyDoubleWrapper(1);
  private final ReadOnlyStringWrapper allocator = new ReadOnlyStringWrapper("optimal");
  private final ReadOnlyObjectWrapper<Totals> totals = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper totalsText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper predictedText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper measuredText = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper measured = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper("open a model to allocate its budget");
  private final ReadOnlyStringWrapper pruneText = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final PauseTransition debounce = new PauseTransition(DEBOUNCE);
  private String scoredMethod = "";
  private double[] ratios = new double[0];
  private LoadedModel model;
  private AllocationFiles.Restored pendingRestore;
  private JobHandle<?> scoring;
  private JobHandle<?> measuring;
  private long generation;
  private long measureTicket;
  private Double baseline;
  private AllocationState gestureStart;
  private boolean dialogShownInGesture;

  public AllocationViewModel(WorkbenchContext context) {
    this.context = context;
    debounce.setOnFinished(e -> measureNow());
    context.model().addListener((obs, old, loaded) -> open(loaded));
    context.registerProjectSection(
        "allocation",
        new ProjectSection() {
          @Override
          public JsonNode save() {
            return AllocationFiles.save(
                scoredMethod.isEmpty() ? method.get() : scoredMethod, state(), ids());
          }

          @Override
          public void restore(JsonNode state) {
            restoreSection(state);
          }
        });
    open(context.model().get());
  }

  // ---- scoring
  // --------------------------------------------------------------------------------------------

  private void open(LoadedModel loaded) {
    generation++;
    cancel(scoring);
    cancel(measuring);
    debounce.stop();
    model = loaded;
    calculator.set(null);
    rows.clear();
    ratios = new double[0];
    totals.set(null);
    baseline = null;
    totalsText.set("");
    predictedText.set("");
    measuredText.set("");
    pruneText.set("");
    measured.set(false);
    if (loaded != null) {
      analyse();
    }
  }

  /**
   * Scores the model with the chosen method (a job); the allocation starts from "keep everything".
   */
  public void analyse() {
    if (model == null) {
      return;
    }
    cancel(scoring);
    LoadedModel target = model;
    String chosen = method.get();
    int count = Math.max(1, Math.min(samples.get(), target.data().sampleSet().size()));
    long ticket = ++generation;
    busy.set(true);
    status.set("scoring channels with " + chosen + " on " + count + " images…");
    scoring =
        context
            .jobs()
            .submit(
                "Allocation: " + chosen + " scores and error curves",
                ctx -> ScoredModel.compute(target, chosen, count, 0, ctx),
                scored -> {
                  if (ticket == generation) {
                    busy.set(false);
                    useScores(scored);
                  }
                },
                error -> {
                  if (ticket == generation) {
                    busy.set(false);
                    status.set("scoring failed: " + error.getMessage());
                  }
                });
  }

  private void useScores(ScoredModel scored) {
    AllocationCalculator calc = new AllocationCalculator(scored);
    double[] previous = ratios.length == calc.size() ? ratios : null;
    scoredMethod = scored.method();
    List<GroupRow> fresh = new ArrayList<>();
    for (int u = 0; u < calc.size(); u++) {
      fresh.add(new GroupRow(u, calc.ids().get(u), calc.channels(u)));
    }
    rows.setAll(fresh);
    ratios = ones(calc.size());
    calculator.set(calc);
    boolean hasTerms = scored.problem().units().stream().noneMatch(u -> u.terms().isEmpty());
    AllocationState start =
        previous != null
            ? new AllocationState(
                previous,
                kind.get(),
                budget.get(),
                hasTerms || !"optimal".equals(allocator.get()) ? allocator.get() : "uniform")
            : new AllocationState(
                ones(calc.size()), kind.get(), 1, hasTerms ? "optimal" : "uniform");
    if (pendingRestore != null) {
      start = pendingRestore.state();
      pendingRestore = null;
    }
    setState(start);
    status.set(
        String.format(
            Locale.ROOT,
            "%d prunable channel groups scored by %s on %d images; drag a bar, "
                + "edit a ratio or move the budget",
            calc.size(),
            scored.method(),
            scored.samples()));
  }

  // ---- edits
  // ----------------------------------------------------------------------------------------------

  /** The current state (ratios, budget, allocator). */
  public AllocationState state() {
    return new AllocationState(ratios, kind.get(), budget.get(), allocator.get());
  }

  /**
   * Starts a gesture (a bar drag or a slider drag): later moves are previewed, {@link #endGesture}
   * records them.
   */
  public void beginGesture() {
    gestureStart = state();
    dialogShownInGesture = false;
  }

  /** Ends a gesture and records it as one edit named {@code description} if it changed anything. */
  public void endGesture(String description) {
    if (gestureStart != null) {
      record(description, gestureStart);
      gestureStart = null;
    }
  }

  /**
   * A budget move inside a gesture (the slider being dragged): starts the gesture if needed, then
   * previews.
   */
  public boolean applyBudgetInGesture(double keepRatio) {
    if (gestureStart == null) {
      beginGesture();
    }
    return applyBudget(keepRatio);
  }

  /** The method whose scores the allocation uses now ("" before the first scoring). */
  public String scoredMethod() {
    return scoredMethod;
  }

  /**
   * Sets group {@code u}'s keep ratio (snapped to whole channels, at least one) without recording
   * it.
   */
  public void previewRatio(int u, double ratio) {
    AllocationCalculator calc = calculator.get();
    if (calc == null || u < 0 || u >= ratios.length) {
      return;
    }
    double snapped = calc.snap(u, Math.min(1, Math.max(0, ratio)));
    if (snapped != ratios[u]) {
      ratios[u] = snapped;
      changed();
    }
  }

  /** Sets group {@code u}'s keep ratio as one recorded edit (the table's spinners). */
  public void editRatio(int u, double ratio) {
    AllocationState before = state();
    previewRatio(u, ratio);
    record(ratioDescription(u, before.ratios()[u]), before);
  }

  /** Description of an edit of group {@code u}'s ratio from {@code before}. */
  public String ratioDescription(int u, double before) {
    return String.format(
        Locale.ROOT, "keep ratio of %s %.2f -> %.2f", rows.get(u).id(), before, ratios[u]);
  }

  /**
   * Allocates {@code keepRatio} of the budget with the current allocator. Inside a gesture it
   * previews (recorded at its end), else it records one edit. An impossible budget shows a dialog
   * and keeps the previous state.
   *
   * @return whether the allocation was applied
   */
  public boolean applyBudget(double keepRatio) {
    return allocate(allocator.get(), kind.get(), keepRatio);
  }

  /**
   * Switches the automatic allocator and applies it to the current budget; refused (dialog) when it
   * cannot work.
   */
  public boolean chooseAllocator(String name) {
    return allocate(name, kind.get(), budget.get());
  }

  /** Switches what the budget counts and applies it; refused (dialog) when impossible. */
  public boolean chooseKind(BudgetKind newKind) {
    return allocate(allocator.get(), newKind, budget.get());
  }

  private boolean allocate(String name, BudgetKind newKind, double keepRatio) {
    AllocationCalculator calc = calculator.get();
    if (calc == null) {
      return false;
    }
    AllocationState before = state();
    double[] allocated;
    try {
      allocated = calc.allocate(name, new Budget(newKind, keepRatio));
    } catch (RuntimeException e) {
      if (gestureStart == null || !dialogShownInGesture) {
        dialogShownInGesture = gestureStart != null;
        ErrorDialog.show(
            context.window(),
            "Cannot allocate "
                + String.format(Locale.ROOT, "%.4f", keepRatio)
                + " of the "
                + newKind.label()
                + " with "
                + name,
            e);
      }
      setState(gestureStart != null ? gestureStart : before);
      gestureStart = null;
      return false;
    }
    setState(new AllocationState(allocated, newKind, keepRatio, name));
    if (gestureStart == null) {
      record(
          String.format(
              Locale.ROOT,
              "%s allocation of %.1f %% of the %s",
              name,
              100 * keepRatio,
              newKind.label()),
          before);
    }
    return true;
  }

  private void record(String description, AllocationState before) {
    AllocationState after = state();
    if (Arrays.equals(before.ratios(), after.ratios())
        && before.kind() == after.kind()
        && before.budget() == after.budget()
        && before.allocator().equals(after.allocator())) {
      return;
    }
    context.history().record(new RatioEdit(description, before, after, this::setState));
  }

  /** Replaces the whole state (undo, redo, project restore) without recording. */
  void setState(AllocationState s) {
    AllocationCalculator calc = calculator.get();
    if (calc == null || s.ratios().length != calc.size()) {
      return;
    }
    ratios = s.ratios();
    kind.set(s.kind());
    allocator.set(s.allocator());
    budget.set(s.budget());
    changed();
  }

  // ---- totals and measurement
  // ------------------------------------------------------------------------------

  /** Recomputes totals and predicted errors at once and restarts the debounced measurement. */
  private void changed() {
    refreshTotals();
    measured.set(false);
    measuredText.set("measuring the pruned network shortly…");
    debounce.playFromStart();
  }

  /** Exact size and predicted errors of the current ratios; also what the drag benchmark times. */
  void refreshTotals() {
    AllocationCalculator calc = calculator.get();
    Totals t = calc.totals(ratios);
    for (int u = 0; u < rows.size(); u++) {
      rows.get(u).update(ratios[u], t.kept()[u], t.errors()[u]);
    }
    totals.set(t);
    totalsText.set(
        String.format(
            Locale.ROOT,
            "Parameters %,d of %,d (%.1f %%) · FLOPs %,d of %,d (%.1f %%) · compression %.2f\u00d7",
            t.parameters(),
            calc.full().parameters(),
            100 * t.parameterRatio(),
            t.macs(),
            calc.full().macs(),
            100 * t.flopRatio(),
            t.compression()));
    predictedText.set(
        String.format(
            Locale.ROOT,
            "predicted max layer error \u03b5 = %.4f (%s)",
            t.maxError(),
            calc.ids().get(t.maxGroup())));
  }

  private void measureNow() {
    AllocationCalculator calc = calculator.get();
    if (calc == null || model == null) {
      return;
    }
    cancel(measuring);
    LoadedModel target = model;
    Map<String, int[]> kept = calc.keptChannels(ratios);
    boolean unpruned = Arrays.stream(ratios).allMatch(r -> r == 1);
    long ticket = ++measureTicket;
    measuredText.set(
        "measuring the pruned network on "
            + PrunedNetworks.VALIDATION_SUBSET
            + " validation images…");
    measuring =
        context
            .jobs()
            .submit(
                "Measure allocation accuracy",
                ctx -> PrunedNetworks.validate(target, kept, PrunedNetworks.VALIDATION_SUBSET, ctx),
                m -> {
                  if (ticket == measureTicket && target == model) {
                    if (unpruned) {
                      baseline = m.top1();
                    }
                    measured.set(true);
                    measuredText.set(
                        String.format(
                            Locale.ROOT,
                            "measured top-1 %.2f %% on %d validation images%s",
                            100 * m.top1(),
                            m.images(),
                            baseline == null
                                ? ""
                                : String.format(
                                    Locale.ROOT, " (unpruned %.2f %%)", 100 * baseline)));
                  }
                },
                error -> {
                  if (ticket == measureTicket) {
                    measuredText.set("measurement failed: " + error.getMessage());
                  }
                });
  }

  // ---- prune, retrain, export
  // -----------------------------------------------------------------------------

  /**
   * Builds the pruned network and measures it on the test split (a job); the result appears in the
   * prune line.
   */
  public void prune() {
    runPruned(
        "Prune and test",
        (target, kept) -> ctx -> PrunedNetworks.pruneAndTest(target, kept, ctx),
        "pruned");
  }

  /**
   * Queues pruning plus a short retraining ({@link #retrainEpochsProperty} epochs) and a test
   * measurement.
   */
  public void pruneAndRetrain() {
    int epochs = Math.max(1, retrainEpochs.get());
    runPruned(
        "Prune, retrain " + epochs + " epoch(s), test",
        (target, kept) ->
            ctx -> PrunedNetworks.pruneRetrainAndTest(target, kept, epochs, 0.01, ctx),
        "pruned and retrained " + epochs + " epoch(s)");
  }

  private void runPruned(
      String name,
      BiFunction<LoadedModel, Map<String, int[]>, Job<PrunedNetworks.Measured>> body,
      String what) {
    AllocationCalculator calc = calculator.get();
    if (calc == null || model == null) {
      return;
    }
    LoadedModel target = model;
    long ticket = generation;
    pruneText.set(what + ": queued…");
    context
        .jobs()
        .submit(
            name,
            body.apply(target, calc.keptChannels(ratios)),
            m -> {
              if (ticket == generation) {
                pruneText.set(
                    String.format(
                        Locale.ROOT,
                        "%s: %,d parameters, %,d FLOPs; measured top-1 %.2f %% on %d %s "
                            + "images",
                        what,
                        m.parameters(),
                        m.macs(),
                        100 * m.top1(),
                        m.images(),
                        m.split()));
              }
            },
            error -> {
              if (ticket == generation) {
                pruneText.set(what + " failed: " + error.getMessage());
                ErrorDialog.show(context.window(), "Pruning failed", error);
              }
            });
  }

  /**
   * Writes the pruned network to {@code file} as ONNX (a job); {@code done} runs on the FX thread
   * after.
   */
  public void exportOnnx(Path file, Runnable done) {
    AllocationCalculator calc = calculator.get();
    if (calc == null || model == null) {
      return;
    }
    LoadedModel target = model;
    Map<String, int[]> kept = calc.keptChannels(ratios);
    context
        .jobs()
        .submit(
            "Export pruned ONNX " + file.getFileName(),
            ctx -> PrunedNetworks.exportOnnx(target, kept, file, ctx),
            path -> {
              status.set("exported the pruned network to " + path);
              done.run();
            },
            error ->
                ErrorDialog.show(context.window(), "Could not export the pruned network", error));
  }

  /**
   * Writes the allocation to {@code file} as JSON or CSV (by extension); a dialog names any
   * failure.
   */
  public boolean exportAllocation(Path file) {
    AllocationCalculator calc = calculator.get();
    if (calc == null) {
      return false;
    }
    try {
      AllocationFiles.write(file, model.source(), scoredMethod, state(), calc, totals.get());
      status.set("wrote the allocation to " + file);
      return true;
    } catch (RuntimeException e) {
      ErrorDialog.show(context.window(), "Could not write the allocation", e);
      return false;
    }
  }

  private void restoreSection(JsonNode node) {
    if (model == null) {
      throw new IllegalArgumentException(
          "allocation: no model is open to restore an allocation for");
    }
    List<String> ids = model.groups().stream().filter(g -> g.prunable()).map(g -> g.id()).toList();
    AllocationFiles.Restored restored =
        AllocationFiles.restore(node, ids, ScoredModel.METHODS, ALLOCATORS);
    AllocationCalculator calc = calculator.get();
    if (calc != null && restored.method().equals(scoredMethod) && calc.ids().equals(ids)) {
      setState(restored.state());
    } else {
      pendingRestore = restored;
      method.set(restored.method());
      analyse();
    }
  }

  private List<String> ids() {
    AllocationCalculator calc = calculator.get();
    return calc == null ? List.of() : calc.ids();
  }

  private static void cancel(JobHandle<?> handle) {
    if (handle != null) {
      handle.cancel();
    }
  }

  private static double[] ones(int n) {
    double[] a = new double[n];
    Arrays.fill(a, 1);
    return a;
  }

  // ---- properties
  // -----------------------------------------------------------------------------------------

  public StringProperty methodProperty() {
    return method;
  }

  public IntegerProperty samplesProperty() {
    return samples;
  }

  public IntegerProperty retrainEpochsProperty() {
    return retrainEpochs;
  }

  public ReadOnlyObjectProperty<AllocationCalculator> calculatorProperty() {
    return calculator.getReadOnlyProperty();
  }

  /** One row per prunable group, in group order. */
  public ObservableList<GroupRow> rows() {
    return rows;
  }

  public ReadOnlyObjectProperty<BudgetKind> kindProperty() {
    return kind.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty budgetProperty() {
    return budget.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty allocatorProperty() {
    return allocator.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Totals> totalsProperty() {
    return totals.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty totalsTextProperty() {
    return totalsText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty predictedTextProperty() {
    return predictedText.getReadOnlyProperty();
  }

  /** The accuracy line: "measuring…" while stale, the measured top-1 when it lands. */
  public ReadOnlyStringProperty measuredTextProperty() {
    return measuredText.getReadOnlyProperty();
  }

  /** Whether the accuracy line shows a measurement of the current allocation. */
  public ReadOnlyBooleanProperty measuredProperty() {
    return measured.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty pruneTextProperty() {
    return pruneText.getReadOnlyProperty();
  }

  /** True while the model is being scored. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }
}
