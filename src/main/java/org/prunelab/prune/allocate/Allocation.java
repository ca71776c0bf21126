package org.prunelab.prune.allocate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of an allocator: elements kept per unit (of how many), the exact size that gives, and
 * the allocator's own level (PFP's shared error eps for the optimal allocator, the keep fraction
 * for uniform, the threshold for global; NaN when it has none).
 */
public record Allocation(
    String allocator,
    List<String> ids,
    int[] kept,
    int[] elements,
    double size,
    double fullSize,
    BudgetKind kind,
    double level) {
  public Allocation {
    ids = List.copyOf(ids);
    kept = kept.clone();
    elements = elements.clone();
  }

  /** Realised fraction of the original size. */
  public double keepRatio() {
    return size / fullSize;
  }

  /** Kept elements per unit id, in unit order. */
  public Map<String, Integer> keptById() {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      map.put(ids.get(i), kept[i]);
    }
    return map;
  }

  @Override
  public int[] kept() {
    return kept.clone();
  }

  @Override
  public int[] elements() {
    return elements.clone();
  }
}
