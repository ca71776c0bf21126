package org.prunelab.flows;

import ai.djl.ndarray.NDArray;

/**
 * The result of pushing data x through a continuous normalizing flow: {@code logDensity} log p(x)
 * (shape [N]), {@code latent} z(T) (shape [N, d]), {@code change} delta(T) = -int_0^T tr(df/dz) dt
 * (shape [N], so log p(x) = log N(z(T); 0, I) - delta(T)) and the solve's function evaluations.
 */
public record LogDensity(NDArray logDensity, NDArray latent, NDArray change, int evaluations) {

  /** The mean negative log-likelihood -1/N sum_n log p(x_n), a scalar array (the training loss). */
  public NDArray meanNll() {
    return logDensity.mean().neg();
  }
}
