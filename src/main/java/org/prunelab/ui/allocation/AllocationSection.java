package org.prunelab.ui.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import org.prunelab.prune.ChannelGroup;
import org.prunelab.ui.LoadedModel;
import org.prunelab.ui.ProjectSection;
import org.prunelab.ui.sensitivity.ScoredModel;

/**
 * The allocation's share of the project file: the scoring method, the budget, the allocator and
 * every group's keep ratio ({@link AllocationFiles}). Restoring a state for the scores at hand
 * applies it at once; otherwise the model is scored again with the saved method and the state is
 * applied when the scores arrive ({@link #takePending}). FX thread only.
 */
final class AllocationSection implements ProjectSection {
  private final Supplier<LoadedModel> model;
  private final StringProperty method;
  private final AllocationEditor editor;
  private final Supplier<String> scoredMethod;
  private final Runnable rescore;
  private AllocationFiles.Restored pending;

  /**
   * The section of the allocation edited by {@code editor}.
   *
   * @param model the opened model, null when none
   * @param method the method the next scoring uses (set to the saved one before rescoring)
   * @param editor the ratios, budget and allocator
   * @param scoredMethod the method of the scores in use ("" before the first scoring)
   * @param rescore scores the model again
   */
  AllocationSection(
      Supplier<LoadedModel> model,
      StringProperty method,
      AllocationEditor editor,
      Supplier<String> scoredMethod,
      Runnable rescore) {
    this.model = model;
    this.method = method;
    this.editor = editor;
    this.scoredMethod = scoredMethod;
    this.rescore = rescore;
  }

  @Override
  public JsonNode save() {
    AllocationCalculator calc = editor.calculatorProperty().get();
    return AllocationFiles.save(
        scoredMethod.get().isEmpty() ? method.get() : scoredMethod.get(),
        editor.state(),
        calc == null ? List.of() : calc.ids());
  }

  @Override
  public void restore(JsonNode node) {
    LoadedModel loaded = model.get();
    if (loaded == null) {
      throw new IllegalArgumentException(
          "allocation: no model is open to restore an allocation for");
    }
    List<String> ids =
        loaded.groups().stream().filter(ChannelGroup::prunable).map(ChannelGroup::id).toList();
    AllocationFiles.Restored restored =
        AllocationFiles.restore(node, ids, ScoredModel.METHODS, AllocationEditor.ALLOCATORS);
    AllocationCalculator calc = editor.calculatorProperty().get();
    if (calc != null && restored.method().equals(scoredMethod.get()) && calc.ids().equals(ids)) {
      editor.setState(restored.state());
    } else {
      pending = restored;
      method.set(restored.method());
      rescore.run();
    }
  }

  /** The restored state waiting for the scores of its method, once; empty when none waits. */
  Optional<AllocationState> takePending() {
    Optional<AllocationState> state =
        Optional.ofNullable(pending).map(AllocationFiles.Restored::state);
    pending = null;
    return state;
  }
}
