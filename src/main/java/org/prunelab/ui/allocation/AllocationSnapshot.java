package org.prunelab.ui.allocation;

import java.util.Arrays;
import java.util.Map;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.LoadedModel;

/**
 * The allocation as it stands when a job is started on it: the model, the method whose scores it
 * uses, the calculator of those scores, the user's state and its totals. Jobs take what they need
 * from it, so a later edit does not change a job already submitted.
 *
 * @param model the opened model
 * @param method the method whose scores the allocation uses
 * @param calculator sizes and errors of the scored groups
 * @param state per-group ratios, budget and allocator
 * @param totals the exact size and predicted errors of {@code state}
 */
public record AllocationSnapshot(
    LoadedModel model,
    CompressionMethod method,
    AllocationCalculator calculator,
    AllocationState state,
    Totals totals) {

  /** The channels kept per group, as surgery takes them. */
  public Map<String, int[]> keptChannels() {
    return calculator.keptChannels(state.ratios());
  }

  /**
   * The name a run of this allocation is recorded under: the method and the allocator that made the
   * ratios ({@code pfp-optimal}), or {@code manual} when they were edited by hand since ({@code
   * pfp-manual}). Runs the allocator again to tell; call it off the FX thread.
   */
  public String runName() {
    return method.cliName() + "-" + (fromAllocator() ? state.allocator().cliName() : "manual");
  }

  private boolean fromAllocator() {
    try {
      return Arrays.equals(
          calculator.allocate(state.allocator(), new Budget(state.kind(), state.budget())),
          state.ratios());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether every group keeps all its channels (the unpruned network). */
  public boolean unpruned() {
    return Arrays.stream(state.ratios()).allMatch(r -> r == 1);
  }
}
