package org.prunelab.ui;

/**
 * One user edit that can be taken back and done again (a dragged keep ratio, an applied
 * allocation). Both methods run on the FX thread and must only change view-model state, never start
 * engine work synchronously.
 */
public interface UndoableEdit {
  /** Short text for menus and tooltips, e.g. "keep ratio of layer2.0.conv1 0.50 -> 0.30". */
  String description();

  /** Restores the state from before the edit. */
  void undo();

  /** Applies the edit again after an undo. */
  void redo();
}
