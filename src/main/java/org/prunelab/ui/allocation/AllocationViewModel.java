package org.prunelab.ui.allocation;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.NetworkComparison;
import org.prunelab.service.ScoredModel;
import org.prunelab.ui.UndoHistory;
import org.prunelab.ui.WorkbenchContext;

/**
 * State of the allocation view, composed of one part per job: {@link AllocationScoring} scores the
 * model when it opens (channel importance and measured error curves); {@link AllocationEditor}
 * holds the per-group keep ratios and the budget with their undo; {@link AllocationSummary}
 * recomputes the exact size and predicted errors at once on every edit; {@link
 * DebouncedMeasurement} measures the pruned network's accuracy shortly after the last edit; {@link
 * PruneActions} prunes, retrains and exports; the project file's "allocation" section saves and
 * restores the state. This class wires them to the opened model. FX thread only.
 */
public final class AllocationViewModel {
  private final WorkbenchContext context;
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper("open a model to allocate its budget");
  private final Generation generation = new Generation();
  private final AllocationScoring scoring;
  private final AllocationEditor editor;
  private final AllocationSummary summary = new AllocationSummary();
  private final DebouncedMeasurement measurement;
  private final PruneActions actions;
  private final AllocationSection section;
  private LoadedModel model;
  private CompressionMethod scoredMethod;

  /** The allocation of {@code context}'s model; registers the project section "allocation". */
  public AllocationViewModel(WorkbenchContext context) {
    this.context = context;
    scoring =
        new AllocationScoring(
            context.jobs(), context.scores(), generation, this::useScores, status::set);
    editor = new AllocationEditor(context.history(), context.dialogs(), this::changed);
    measurement = new DebouncedMeasurement(context.jobs(), () -> model, this::snapshot);
    actions =
        new PruneActions(
            context.jobs(),
            context.dialogs(),
            generation,
            this::snapshot,
            status::set,
            () -> context.results().location().get(),
            () -> context.results().refresh());
    section =
        new AllocationSection(
            () -> model, scoring.methodProperty(), editor, this::scoredMethod, this::analyse);
    context.model().addListener((obs, old, loaded) -> open(loaded));
    open(context.model().get());
    context.registerProjectSection("allocation", section);
  }

  private void open(LoadedModel loaded) {
    generation.advance();
    scoring.cancel();
    measurement.reset();
    model = loaded;
    editor.clear();
    summary.clear();
    actions.clear();
    if (loaded != null) {
      analyse();
    }
  }

  /**
   * Scores the model with the chosen method (a job); the allocation starts from "keep everything".
   */
  public void analyse() {
    if (model != null) {
      scoring.score(model);
    }
  }

  private void useScores(ScoredModel scored) {
    AllocationCalculator calc = new AllocationCalculator(scored);
    scoredMethod = scored.method();
    summary.reset(calc);
    boolean hasTerms = scored.problem().units().stream().noneMatch(u -> u.terms().isEmpty());
    editor.start(calc, hasTerms, section.takePending());
    status.set(
        String.format(
            Locale.ROOT,
            "%d prunable channel groups scored by %s on %d images; drag a bar, "
                + "edit a ratio or move the budget",
            calc.size(),
            scored.method(),
            scored.samples()));
  }

  /** Recomputes totals and predicted errors at once and restarts the debounced measurement. */
  private void changed() {
    summary.refresh(editor.calculatorProperty().get(), editor.ratios());
    measurement.stale();
  }

  private Optional<AllocationSnapshot> snapshot() {
    AllocationCalculator calc = editor.calculatorProperty().get();
    if (calc == null || model == null) {
      return Optional.empty();
    }
    return Optional.of(
        new AllocationSnapshot(
            model, scoredMethod, calc, editor.state(), summary.totalsProperty().get()));
  }

  /** Reports a chart that could not be exported (the chart stays as it was). */
  public void chartExportFailed(Throwable error) {
    context.dialogs().showError("Could not export the chart", error);
  }

  /** The method whose scores the allocation uses now (empty before the first scoring). */
  public Optional<CompressionMethod> scoredMethod() {
    return Optional.ofNullable(scoredMethod);
  }

  /** Whether a model is open. */
  public BooleanBinding hasModel() {
    return context.model().isNotNull();
  }

  /** The layer selected in any view (shared with the workbench). */
  public ObjectProperty<String> selectedLayer() {
    return context.selectedLayer();
  }

  /** The workbench's undo history, which records every edit of the allocation. */
  public UndoHistory history() {
    return context.history();
  }

  public AllocationScoring scoring() {
    return scoring;
  }

  public AllocationEditor editor() {
    return editor;
  }

  public AllocationSummary summary() {
    return summary;
  }

  public DebouncedMeasurement measurement() {
    return measurement;
  }

  public PruneActions actions() {
    return actions;
  }

  /** Shows the last pruned network beside the model in the model view's before/after tab. */
  public void showBeforeAfter() {
    NetworkComparison last = actions.lastComparisonProperty().get();
    if (last != null) {
      context.comparison().set(last);
      context.showView("Model");
    }
  }

  /** What the view is doing: scoring, scored, exported. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
