package org.prunelab.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The workbench's undo and redo stacks. A view performs an edit itself and then {@link #record
 * records} it; undo and redo replay edits in order. Recording a new edit clears the redo stack. FX
 * thread only.
 */
public final class UndoHistory {
  /** Edits kept; older ones fall off the bottom. */
  public static final int CAPACITY = 500;

  private final Deque<UndoableEdit> done = new ArrayDeque<>();
  private final Deque<UndoableEdit> undone = new ArrayDeque<>();
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("");

  /** Records an edit that has already been applied. */
  public void record(UndoableEdit edit) {
    done.push(edit);
    if (done.size() > CAPACITY) {
      done.removeLast();
    }
    undone.clear();
    refresh();
  }

  /** Takes back the latest edit; does nothing when there is none. */
  public void undo() {
    if (!done.isEmpty()) {
      UndoableEdit edit = done.pop();
      edit.undo();
      undone.push(edit);
      refresh();
    }
  }

  /** Applies the latest undone edit again; does nothing when there is none. */
  public void redo() {
    if (!undone.isEmpty()) {
      UndoableEdit edit = undone.pop();
      edit.redo();
      done.push(edit);
      refresh();
    }
  }

  /** Forgets every edit (a new model was opened). */
  public void clear() {
    done.clear();
    undone.clear();
    refresh();
  }

  private void refresh() {
    canUndo.set(!done.isEmpty());
    canRedo.set(!undone.isEmpty());
    undoText.set(done.isEmpty() ? "" : done.peek().description());
    redoText.set(undone.isEmpty() ? "" : undone.peek().description());
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** Description of the edit undo would take back, empty when none. */
  public ReadOnlyStringProperty undoTextProperty() {
    return undoText.getReadOnlyProperty();
  }

  /** Description of the edit redo would apply, empty when none. */
  public ReadOnlyStringProperty redoTextProperty() {
    return redoText.getReadOnlyProperty();
  }
}
