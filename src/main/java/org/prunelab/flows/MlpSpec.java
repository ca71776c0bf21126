package org.prunelab.flows;

import java.util.List;
import org.prunelab.error.InvalidSettingException;

/**
 * The shape of a vector field f(z, t): an MLP on the input [z, t] (dimension d + 1) with the given
 * hidden widths, {@code activation} after every hidden layer and a linear output of dimension d. No
 * hidden layers makes f(z, t) = W [z, t] + b, an affine field.
 */
public record MlpSpec(int dimension, List<Integer> hidden, Nonlinearity activation) {

  public MlpSpec {
    hidden = List.copyOf(hidden);
    if (dimension < 1) {
      throw new InvalidSettingException(
          "the state dimension of a vector field must be at least 1, got " + dimension);
    }
    if (hidden.stream().anyMatch(w -> w < 1)) {
      throw new InvalidSettingException("every hidden layer needs at least 1 unit, got " + hidden);
    }
    if (activation == null) {
      throw new InvalidSettingException(
          "an activation is required (tanh, sigmoid, softplus, relu)");
    }
  }

  /**
   * The Sparse Flows paper's toy CNF net "l4_h64" (torchprune paper/node configs): 4 hidden layers
   * of 64 units, sigmoid.
   */
  public static MlpSpec l4h64(int dimension) {
    return new MlpSpec(dimension, List.of(64, 64, 64, 64), Nonlinearity.SIGMOID);
  }

  /** Number of linear layers (hidden layers plus the output layer). */
  public int layers() {
    return hidden.size() + 1;
  }

  /** Input features of linear layer l: d + 1 for the first (z and t), else the previous width. */
  public int inFeatures(int layer) {
    return layer == 0 ? dimension + 1 : hidden.get(layer - 1);
  }

  /** Output features of linear layer l: the hidden width, d for the last. */
  public int outFeatures(int layer) {
    return layer == hidden.size() ? dimension : hidden.get(layer);
  }
}
