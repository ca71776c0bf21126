package org.prunelab.prune.allocate;

import java.util.List;
import java.util.Objects;

/**
 * One thing an allocator sizes: a channel group (structured pruning) or a weight tensor
 * (unstructured pruning), with the importance of each of its elements (higher is more important;
 * allocators that rank use it) and, for PFP's optimal allocation, the sensitivity terms of the
 * layers that read it.
 */
public record AllocationUnit(
    String id, int elements, float[] importance, List<SensitivityTerm> terms) {
  public AllocationUnit {
    Objects.requireNonNull(id, "id");
    if (elements < 1) {
      throw new AllocationException(
          "unit " + id + " has " + elements + " elements; a prunable unit needs at least 1");
    }
    Objects.requireNonNull(importance, "importance");
    if (importance.length != elements) {
      throw new AllocationException(
          "unit "
              + id
              + " has "
              + elements
              + " elements but "
              + importance.length
              + " importance scores");
    }
    for (float v : importance) {
      if (!Float.isFinite(v)) {
        throw new AllocationException(
            "unit "
                + id
                + " has a non-finite importance score ("
                + v
                + "); recompute the scores on finite inputs");
      }
    }
    terms = List.copyOf(terms);
    for (SensitivityTerm term : terms) {
      if (term.sensitivities().length != elements) {
        throw new AllocationException(
            "unit "
                + id
                + ": layer "
                + term.layer()
                + " gives "
                + term.sensitivities().length
                + " sensitivities for "
                + elements
                + " elements");
      }
    }
  }

  /** A unit ranked by importance only (no PFP terms). */
  public static AllocationUnit ranked(String id, float[] importance) {
    return new AllocationUnit(id, importance.length, importance, List.of());
  }
}
