package org.prunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/** Loss and accuracy terms computed on batched logits (N, classes) and integer labels (N). */
public final class Losses {
  private Losses() {}

  /** Mean cross-entropy, -1/N sum_n log softmax(z_n)[y_n]. */
  public static NDArray crossEntropy(NDArray logits, NDArray labels) {
    NDArray logp = logits.logSoftmax(1);
    return logp.get(new NDIndex().addAllDim().addPickDim(labels)).neg().mean();
  }

  /**
   * Per sample, the number of classes whose logit is strictly larger than the true class's: 0 means
   * a top-1 hit, below 5 a top-5 hit.
   */
  public static int[] ranks(NDArray logits, NDArray labels) {
    NDArray trueLogit = logits.get(new NDIndex().addAllDim().addPickDim(labels.reshape(-1, 1)));
    return logits.gt(trueLogit).sum(new int[] {1}).toType(DataType.INT32, false).toIntArray();
  }
}
