package org.prunelab.lowrank;

import java.util.List;

/**
 * What low-rank allocators and surgery need to know about a network's factorable layers: the
 * relative error of every (group count K, rank j) a layer may get, its spectrum, and the factors
 * that realise a choice. Implementations cache what they compute, so a workbench may query errors
 * interactively.
 */
public interface Spectra {

  /**
   * The factorable layers, in node order; the layer index of the other methods is a position in
   * this list.
   */
  List<FactorableLayer> layers();

  /** The group counts K layer {@code layer} may be split into. */
  List<Integer> groupCounts(int layer);

  /**
   * Relative errors eps(K, j) for j = 1 .. maxRank(K) at index j - 1; non-increasing in j.
   *
   * @throws IllegalArgumentException when K is not one of {@link #groupCounts(int)}
   */
  double[] errors(int layer, int groups);

  /**
   * The layer's spectrum for K = 1, largest first: singular values (of the weight, or of the
   * outputs for PCA).
   */
  double[] spectrum(int layer);

  /** The encoder and decoder parameters of layer {@code layer} split into K groups of rank j. */
  Factors factors(int layer, int groups, int rank);

  /** Position of the named node in {@link #layers()}, or -1. */
  default int indexOf(String node) {
    List<FactorableLayer> ls = layers();
    for (int i = 0; i < ls.size(); i++) {
      if (ls.get(i).node().equals(node)) {
        return i;
      }
    }
    return -1;
  }
}
