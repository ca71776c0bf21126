package org.prunelab.ui;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A view's share of the project file ({@code .prunelab}): the allocation view saves its per-group
 * keep ratios, budget and allocator here. The shell writes every registered section under its key
 * when saving, and hands it back after the project's model has loaded. FX thread only.
 */
public interface ProjectSection {
  /** The view's current state as JSON (plain values only). */
  JsonNode save();

  /**
   * Restores a state written by {@link #save}; called after the project's model is loaded. Throws
   * {@link ProjectFileException} naming the bad field when the JSON does not fit the loaded model,
   * in which case the view must keep its previous state.
   */
  void restore(JsonNode state);
}
