package org.prunelab.prune.sensitivity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import org.prunelab.nn.Network;
import org.prunelab.nn.NonFiniteException;

/** Checks of a sample set S before scores are computed on it, and its chunks. */
final class Samples {
  private Samples() {}

  /**
   * Checks that {@code samples} is a non-empty batch the network accepts and holds only finite
   * values.
   *
   * @throws SensitivityException if S is empty or has the wrong shape
   * @throws NonFiniteException if S holds NaN or infinity
   */
  static void check(Network network, NDArray samples) {
    Objects.requireNonNull(samples, "samples");
    Shape expected = network.inputShape();
    Shape got = samples.getShape();
    if (got.dimension() != expected.dimension() + 1 || !got.slice(1).equals(expected)) {
      throw new SensitivityException(
          "the sample set must be a batch of shape (N, "
              + expected.toString().replaceAll("[()]", "")
              + ") for this network, got "
              + got
              + "; pass images prepared like the training inputs");
    }
    if (got.get(0) == 0) {
      throw new SensitivityException(
          "the sample set S is empty; data-informed scores need at least one image "
              + "(choose S with SampleSets.choose, about SampleSets.requiredSize(network) images)");
    }
    try (NDManager scope = samples.getManager().newSubManager()) {
      NDArray nan = samples.isNaN();
      nan.attach(scope);
      NDArray inf = samples.isInfinite();
      inf.attach(scope);
      long bad = nan.logicalOr(inf).toType(DataType.INT64, false).sum().getLong();
      if (bad > 0) {
        throw new NonFiniteException(
            "the sample set holds "
                + bad
                + " NaN or infinite values; check the images "
                + "and their normalisation (a standard deviation of 0 gives infinity)");
      }
    }
  }

  /** Images {@code from} (inclusive) to {@code to} (exclusive), attached to {@code scope}. */
  static NDArray chunk(NDArray samples, long from, long to, NDManager scope) {
    NDArray x = samples.get(new NDIndex("{}:{}", from, to));
    x.attach(scope);
    return x;
  }
}
