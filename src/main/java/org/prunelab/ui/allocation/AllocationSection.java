package org.prunelab.ui.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import org.prunelab.prune.ChannelGroup;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ScoredModel;
import org.prunelab.ui.ProjectFileException;
import org.prunelab.ui.ProjectSection;

/**
 * The allocation's share of the project file: the scoring method, the budget, the allocator and
 * every group's keep ratio ({@link AllocationFiles}). Restoring a state for the scores at hand
 * applies it at once; otherwise the model is scored again with the saved method and the state is
 * applied when the scores arrive ({@link #takePending}). FX thread only.
 */
final class AllocationSection implements ProjectSection {
  private final Supplier<LoadedModel> model;
  private final ObjectProperty<CompressionMethod> method;
  private final AllocationEditor editor;
  private final Supplier<Optional<CompressionMethod>> scoredMethod;
  private final Runnable rescore;
  private AllocationFiles.Restored pending;

  /**
   * The section of the allocation edited by {@code editor}.
   *
   * @param model the opened model, null when none
   * @param method the method the next scoring uses (set to the saved one before rescoring)
   * @param editor the ratios, budget and allocator
   * @param scoredMethod the method of the scores in use (empty before the first scoring)
   * @param rescore scores the model again
   */
  AllocationSection(
      Supplier<LoadedModel> model,
      ObjectProperty<CompressionMethod> method,
      AllocationEditor editor,
      Supplier<Optional<CompressionMethod>> scoredMethod,
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
        scoredMethod.get().orElse(method.get()),
        editor.state(),
        calc == null ? List.of() : calc.ids());
  }

  @Override
  public void restore(JsonNode node) {
    LoadedModel loaded = model.get();
    if (loaded == null) {
      throw new ProjectFileException("allocation: no model is open to restore an allocation for");
    }
    List<String> ids =
        loaded.groups().stream().filter(ChannelGroup::prunable).map(ChannelGroup::id).toList();
    AllocationFiles.Restored restored =
        AllocationFiles.restore(node, ids, ScoredModel.VIEW_METHODS, AllocationEditor.ALLOCATORS);
    AllocationCalculator calc = editor.calculatorProperty().get();
    if (calc != null
        && scoredMethod.get().equals(Optional.of(restored.method()))
        && calc.ids().equals(ids)) {
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
