package org.prunelab.flows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The hidden neurons a structured pruning keeps: {@code kept.get(l)} lists, in increasing order,
 * the indices of the neurons of hidden layer l (the outputs of linear layer l) that stay. {@link
 * #shrink} builds the smaller field: W'_l = W_l[kept_l, kept_{l-1}] and b'_l = b_l[kept_l], with
 * every input column of W_0 (z and t) and every output row of W_L kept, so the dimensions stay.
 */
public final class NeuronSelection {
  private final List<int[]> kept;

  /** A selection keeping {@code kept.get(l)} of hidden layer l (copied). */
  public NeuronSelection(List<int[]> kept) {
    this.kept = kept.stream().map(int[]::clone).toList();
  }

  /** Number of hidden layers. */
  public int layers() {
    return kept.size();
  }

  /** The kept indices of hidden layer l (a copy). */
  public int[] kept(int layer) {
    return kept.get(layer).clone();
  }

  /** The hidden widths after pruning. */
  public List<Integer> widths() {
    return kept.stream().map(k -> k.length).toList();
  }

  /**
   * The smaller field with only the kept neurons, of the type of {@code field}'s parameters, in a
   * child scope of {@code parent}; {@code field} is unchanged.
   *
   * @throws IllegalArgumentException when the selection does not fit the field's hidden layers
   */
  public MlpField shrink(MlpField field, NDManager parent) {
    MlpSpec spec = field.spec();
    if (kept.size() != spec.hidden().size()) {
      throw new IllegalArgumentException(
          "the selection has " + kept.size() + " hidden layers, the field " + spec.hidden().size());
    }
    MlpSpec smaller = new MlpSpec(spec.dimension(), widths(), spec.activation());
    List<double[]> weights = new ArrayList<>();
    List<double[]> biases = new ArrayList<>();
    for (int l = 0; l < spec.layers(); l++) {
      int[] rows = l < kept.size() ? kept.get(l) : all(spec.outFeatures(l));
      int[] cols = l == 0 ? all(spec.inFeatures(0)) : kept.get(l - 1);
      double[] w = field.weightValues(l);
      double[] b = field.biasValues(l);
      int in = spec.inFeatures(l);
      double[] w2 = new double[rows.length * cols.length];
      double[] b2 = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        checkIndex(rows[i], spec.outFeatures(l), l);
        b2[i] = b[rows[i]];
        for (int j = 0; j < cols.length; j++) {
          w2[i * cols.length + j] = w[rows[i] * in + cols[j]];
        }
      }
      weights.add(w2);
      biases.add(b2);
    }
    DataType type = field.weight(0).getDataType();
    return MlpField.of(smaller, type, weights, biases, parent);
  }

  private static int[] all(int n) {
    int[] index = new int[n];
    Arrays.setAll(index, i -> i);
    return index;
  }

  private static void checkIndex(int index, int size, int layer) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "neuron " + index + " of layer " + layer + " is outside 0.." + (size - 1));
    }
  }
}
