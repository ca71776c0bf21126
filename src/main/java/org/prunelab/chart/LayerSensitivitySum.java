package org.prunelab.chart;

/**
 * PFP's spread of importance of one layer: S_l = sum_j s_j over its input channels and the
 * sample-bound term alpha_l S_l.
 *
 * @param layer the layer's node name (one bar per layer, in order of first appearance)
 * @param sum S_l, finite and >= 0
 * @param boundTerm alpha_l S_l, finite and >= 0
 */
public record LayerSensitivitySum(String layer, double sum, double boundTerm) {

  /** Checks the name and that both numbers are finite and not negative. */
  public LayerSensitivitySum {
    Inputs.name(layer, "layer");
    if (!(Inputs.finite(sum, "S_l of layer " + layer) >= 0)
        || !(Inputs.finite(boundTerm, "alpha_l S_l of layer " + layer) >= 0)) {
      throw new ChartException(
          "S_l and alpha_l S_l of layer "
              + layer
              + " must be >= 0, got "
              + sum
              + " and "
              + boundTerm);
    }
  }
}
