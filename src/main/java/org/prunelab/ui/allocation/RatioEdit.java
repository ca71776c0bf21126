package org.prunelab.ui.allocation;

import java.util.function.Consumer;
import org.prunelab.ui.UndoableEdit;

/**
 * An edit of the allocation (a dragged bar, a spinner, an automatic allocation): the allocation
 * state before and after, restored through the view model without recording again.
 */
final class RatioEdit implements UndoableEdit {
  private final String description;
  private final AllocationState before;
  private final AllocationState after;
  private final Consumer<AllocationState> apply;

  RatioEdit(
      String description,
      AllocationState before,
      AllocationState after,
      Consumer<AllocationState> apply) {
    this.description = description;
    this.before = before;
    this.after = after;
    this.apply = apply;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void undo() {
    apply.accept(before);
  }

  @Override
  public void redo() {
    apply.accept(after);
  }
}
