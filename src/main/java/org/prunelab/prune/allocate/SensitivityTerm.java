package org.prunelab.prune.allocate;

import java.util.Objects;

/**
 * How one consuming layer depends on the elements of an allocation unit, for PFP's
 * sample-complexity bound: the layer's sensitivities s_j of the unit's elements, the layer's total
 * S_l = sum over ALL its inputs (a layer after a Concat reads several units), and its constant
 * alpha_l = 2 C ln(8 (eta_p + 1) kappa_l / delta).
 */
public record SensitivityTerm(
    String layer, float[] sensitivities, double totalSensitivity, double alpha) {
  public SensitivityTerm {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(sensitivities, "sensitivities");
    if (!(totalSensitivity >= 0) || Double.isInfinite(totalSensitivity)) {
      throw new AllocationException(
          "layer "
              + layer
              + ": total sensitivity "
              + totalSensitivity
              + " is not a finite non-negative number; recompute the sensitivities on finite inputs");
    }
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new AllocationException(
          "layer " + layer + ": alpha " + alpha + " must be finite and positive");
    }
    for (float s : sensitivities) {
      if (!(s >= 0) || Float.isInfinite(s)) {
        throw new AllocationException(
            "layer "
                + layer
                + ": sensitivity "
                + s
                + " is not a finite non-negative "
                + "number; recompute the sensitivities on finite inputs");
      }
    }
  }
}
