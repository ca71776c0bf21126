package org.prunelab.ui.allocation;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * One prunable channel group in the allocation table: its keep ratio, kept channels and predicted
 * error. FX thread.
 */
public final class GroupRow {
  private final int index;
  private final String id;
  private final int channels;
  private final ReadOnlyDoubleWrapper ratio = new ReadOnlyDoubleWrapper(1);
  private final ReadOnlyIntegerWrapper kept = new ReadOnlyIntegerWrapper();
  private final ReadOnlyDoubleWrapper error = new ReadOnlyDoubleWrapper();

  GroupRow(int index, String id, int channels) {
    this.index = index;
    this.id = id;
    this.channels = channels;
    kept.set(channels);
  }

  void update(double newRatio, int newKept, double newError) {
    ratio.set(newRatio);
    kept.set(newKept);
    error.set(newError);
  }

  /** Position in group order. */
  public int index() {
    return index;
  }

  public String id() {
    return id;
  }

  public int channels() {
    return channels;
  }

  public ReadOnlyDoubleProperty ratioProperty() {
    return ratio.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty keptProperty() {
    return kept.getReadOnlyProperty();
  }

  /** Predicted relative error eps_g(r) from the group's measured curve. */
  public ReadOnlyDoubleProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
