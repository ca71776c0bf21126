package org.prunelab.ui.allocation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.allocate.BudgetKind;
import org.prunelab.ui.DialogService;
import org.prunelab.ui.UndoHistory;

/**
 * Editing of the allocation and its undo: the per-group keep ratios (snapped to whole channels),
 * the budget (what it counts and the keep ratio asked for) and the automatic allocator that meets
 * it. Every edit is recorded in the workbench's undo history; a gesture (a bar or slider drag) is
 * previewed while it moves and recorded as one edit when it ends. A budget the allocator cannot
 * meet, or an allocator that cannot work with the scores, shows a dialog (once per gesture) and
 * changes nothing. Every change of the state runs the change callback. FX thread only.
 */
public final class AllocationEditor {
  /** Budgeted allocators offered. */
  public static final List<AllocatorKind> ALLOCATORS =
      List.of(AllocatorKind.UNIFORM, AllocatorKind.OPTIMAL, AllocatorKind.GLOBAL);

  private final UndoHistory history;
  private final DialogService dialogs;
  private final Runnable onChange;
  private final ReadOnlyObjectWrapper<AllocationCalculator> calculator =
      new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<BudgetKind> kind =
      new ReadOnlyObjectWrapper<>(BudgetKind.PARAMETERS);
  private final ReadOnlyDoubleWrapper budget = new ReadOnlyDoubleWrapper(1);
  private final ReadOnlyObjectWrapper<AllocatorKind> allocator =
      new ReadOnlyObjectWrapper<>(AllocatorKind.OPTIMAL);
  private double[] ratios = new double[0];
  private AllocationState gestureStart;
  private boolean dialogShownInGesture;
  private boolean dragRefused;

  /**
   * An editor that records in {@code history}, reports refusals through {@code dialogs} and calls
   * {@code onChange} after every change of the state.
   */
  AllocationEditor(UndoHistory history, DialogService dialogs, Runnable onChange) {
    this.history = history;
    this.dialogs = dialogs;
    this.onChange = onChange;
  }

  /** Forgets the scores (another model opened); the budget and allocator chosen stay. */
  void clear() {
    calculator.set(null);
    ratios = new double[0];
  }

  /**
   * Starts editing with fresh scores: from {@code restored} when a project is being restored, else
   * from the previous ratios and budget when the groups are the same, else from keeping everything
   * (with the optimal allocator when the scores carry its terms, uniform when not).
   *
   * @param calc the calculator of the new scores
   * @param hasTerms whether every group has the sensitivity terms the optimal allocator needs
   * @param restored a state read from the project file, to start from instead
   */
  void start(AllocationCalculator calc, boolean hasTerms, Optional<AllocationState> restored) {
    double[] previous = ratios.length == calc.size() ? ratios : null;
    ratios = ones(calc.size());
    calculator.set(calc);
    AllocationState start =
        previous != null
            ? new AllocationState(
                previous,
                kind.get(),
                budget.get(),
                hasTerms || allocator.get() != AllocatorKind.OPTIMAL
                    ? allocator.get()
                    : AllocatorKind.UNIFORM)
            : new AllocationState(
                ones(calc.size()),
                kind.get(),
                1,
                hasTerms ? AllocatorKind.OPTIMAL : AllocatorKind.UNIFORM);
    setState(restored.orElse(start));
  }

  /** The current state (ratios, budget, allocator). */
  public AllocationState state() {
    return new AllocationState(ratios, kind.get(), budget.get(), allocator.get());
  }

  /** The keep ratio of group {@code u} now. */
  public double ratio(int u) {
    return ratios[u];
  }

  /** The keep ratios now, in group order (a copy). */
  double[] ratios() {
    return ratios.clone();
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

  /**
   * The budget slider moved to {@code keepRatio}: while it is dragged the move is previewed, and
   * after a refusal the rest of the drag is ignored; a click is one recorded edit.
   *
   * @return false when the move was refused and the slider must show the budget again
   */
  public boolean slideBudget(double keepRatio, boolean dragging) {
    if (dragRefused) {
      return true;
    }
    if (dragging) {
      dragRefused = !applyBudgetInGesture(keepRatio);
      return true;
    }
    return applyBudget(keepRatio);
  }

  /** The budget slider was released: records its drag as one edit unless it was refused. */
  public void endBudgetDrag() {
    if (!dragRefused) {
      endGesture(allocationDescription(allocator.get(), kind.get(), budget.get()));
    }
    dragRefused = false;
  }

  /**
   * Applies a budget typed by the user: a keep ratio such as 0.5, or a percentage such as 50%. Text
   * that is not a number shows a dialog and changes nothing.
   */
  public void applyBudgetText(String text) {
    try {
      double v = Double.parseDouble(text.trim().replace("%", ""));
      applyBudget(text.contains("%") ? v / 100 : v);
    } catch (NumberFormatException ex) {
      dialogs.showError(
          "Not a keep ratio",
          new InvalidSettingException(
              "'" + text + "' is not a number; type a keep ratio such as 0.5 or 50%"));
    }
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
      onChange.run();
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
        Locale.ROOT,
        "keep ratio of %s %.2f -> %.2f",
        calculator.get().ids().get(u),
        before,
        ratios[u]);
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
  public boolean chooseAllocator(AllocatorKind name) {
    return allocate(name, kind.get(), budget.get());
  }

  /** Switches what the budget counts and applies it; refused (dialog) when impossible. */
  public boolean chooseKind(BudgetKind newKind) {
    return allocate(allocator.get(), newKind, budget.get());
  }

  private boolean allocate(AllocatorKind name, BudgetKind newKind, double keepRatio) {
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
        dialogs.showError(
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
      record(allocationDescription(name, newKind, keepRatio), before);
    }
    return true;
  }

  private static String allocationDescription(
      AllocatorKind name, BudgetKind kind, double keepRatio) {
    return String.format(
        Locale.ROOT, "%s allocation of %.1f %% of the %s", name, 100 * keepRatio, kind.label());
  }

  private void record(String description, AllocationState before) {
    AllocationState after = state();
    if (Arrays.equals(before.ratios(), after.ratios())
        && before.kind() == after.kind()
        && before.budget() == after.budget()
        && before.allocator() == after.allocator()) {
      return;
    }
    history.record(new RatioEdit(description, before, after, this::setState));
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
    onChange.run();
  }

  private static double[] ones(int n) {
    double[] a = new double[n];
    Arrays.fill(a, 1);
    return a;
  }

  /** The calculator of the scores being allocated, null until the model is scored. */
  public ReadOnlyObjectProperty<AllocationCalculator> calculatorProperty() {
    return calculator.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<BudgetKind> kindProperty() {
    return kind.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty budgetProperty() {
    return budget.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<AllocatorKind> allocatorProperty() {
    return allocator.getReadOnlyProperty();
  }
}
