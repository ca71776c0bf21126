package org.prunelab.chart;

/**
 * The share of one layer's channels (or weights) a method keeps.
 *
 * @param method the method's name (one bar series per method)
 * @param layer the layer's node name (one category per layer, in order of first appearance)
 * @param keepRatio kept share, in [0, 1]
 */
public record LayerKeep(String method, String layer, double keepRatio) {

  /** Checks both names and that the ratio is a fraction. */
  public LayerKeep {
    Inputs.name(method, "method");
    Inputs.name(layer, "layer");
    Inputs.fraction(keepRatio, "keepRatio of layer " + layer);
  }
}
