package org.prunelab.ui.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the current allocation gives, recomputed at once on every change (microseconds, {@link
 * AllocationCalculator#totals}): one row per prunable group with its ratio, kept channels and
 * predicted error, the totals and the lines that state them (size and compression, the largest
 * predicted error). FX thread only.
 */
public final class AllocationSummary {
  private final ObservableList<GroupRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Totals> totals = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper totalsText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper predictedText = new ReadOnlyStringWrapper("");

  /** One fresh row per group of {@code calc} (keeping every channel). */
  void reset(AllocationCalculator calc) {
    List<GroupRow> fresh = new ArrayList<>();
    for (int u = 0; u < calc.size(); u++) {
      fresh.add(new GroupRow(u, calc.ids().get(u), calc.channels(u)));
    }
    rows.setAll(fresh);
  }

  /** Empties rows, totals and lines (no scores). */
  void clear() {
    rows.clear();
    totals.set(null);
    totalsText.set("");
    predictedText.set("");
  }

  /** Exact size and predicted errors of {@code ratios}, into the rows, the totals and the lines. */
  void refresh(AllocationCalculator calc, double[] ratios) {
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

  /** One row per prunable group, in group order. */
  public ObservableList<GroupRow> rows() {
    return rows;
  }

  /** The totals of the current ratios, null before the model is scored. */
  public ReadOnlyObjectProperty<Totals> totalsProperty() {
    return totals.getReadOnlyProperty();
  }

  /** Parameters, FLOPs and compression of the pruned network. */
  public ReadOnlyStringProperty totalsTextProperty() {
    return totalsText.getReadOnlyProperty();
  }

  /** The largest predicted layer error and its group. */
  public ReadOnlyStringProperty predictedTextProperty() {
    return predictedText.getReadOnlyProperty();
  }
}
