package org.prunelab.flows;

import java.util.ArrayList;
import java.util.List;
import org.prunelab.error.InvalidSettingException;

/**
 * A pruning cascade (Sparse Flows' iterative mode): with {@code method}, for each keep ratio k_i in
 * order (strictly decreasing, each in (0, 1], relative to the ORIGINAL field's weights), prune the
 * current field to k_i and retrain it with {@code retrain} (step i's batches seeded with
 * retrain.seed + i).
 */
public record CascadeSpec(FieldPruning method, List<Double> keeps, ToyRecipe retrain) {

  public CascadeSpec {
    if (method == null || retrain == null) {
      throw new InvalidSettingException(
          "a cascade needs a method (wt, ft) and a retraining recipe");
    }
    keeps = List.copyOf(keeps);
    if (keeps.isEmpty()) {
      throw new InvalidSettingException("a cascade needs at least one keep ratio, e.g. 0.5, 0.2");
    }
    for (int i = 0; i < keeps.size(); i++) {
      double k = keeps.get(i);
      if (!(k > 0 && k <= 1)) {
        throw new InvalidSettingException(
            "keep ratio "
                + k
                + " (step "
                + (i + 1)
                + ") is outside (0, 1]; give fractions of"
                + " the original weights, e.g. 0.8, 0.5, 0.2");
      }
      if (i > 0 && !(k < keeps.get(i - 1))) {
        throw new InvalidSettingException(
            "the keep ratios of a cascade must decrease, but step "
                + (i + 1)
                + " keeps "
                + k
                + " after "
                + keeps.get(i - 1)
                + "; sort them from largest to smallest");
      }
    }
  }

  /**
   * The paper's schedule (torchprune paper/node configs, the spec's "0.8 -> 0.2 geometric (20
   * steps) then 0.18 -> 0.02 linear"): k_i = 0.8 (0.2 / 0.8)^(i / 19) for i = 0..19, then 0.18,
   * 0.16, ..., 0.02 (29 ratios).
   */
  public static List<Double> paperKeeps() {
    List<Double> keeps = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      keeps.add(0.8 * Math.pow(0.25, i / 19.0));
    }
    for (int i = 9; i >= 1; i--) {
      keeps.add(0.02 * i);
    }
    return keeps;
  }

  /** The recipe of step i: {@code retrain} with seed retrain.seed + i. */
  ToyRecipe recipe(int step) {
    return new ToyRecipe(
        retrain.iterations(),
        retrain.batch(),
        retrain.lr(),
        retrain.weightDecay(),
        retrain.seed() + step);
  }
}
