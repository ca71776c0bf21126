package org.prunelab.prune.sensitivity;

import ai.djl.ndarray.NDArray;

/**
 * One way to fold a chunk of a layer's inputs into the running sensitivities of {@link
 * EdgeSensitivity}: for every weight w_ijk, max(acc, max_x red_p a_jkp / |z^{sign w}_ip|), into
 * {@code plus} for positive weights and {@code minus} for negative ones.
 */
interface Reducer {
  float EPS = Math.ulp(1f);

  /**
   * Folds one chunk of a layer's inputs into {@code plus} and {@code minus}.
   *
   * @param input the layer's input for the chunk's images (N, C, H, W) or (N, C), in the chunk's
   *     scope
   */
  void accumulate(LayerGeometry layer, NDArray input, float[] plus, float[] minus);
}
