package org.prunelab.prune.sensitivity;

import org.prunelab.data.Batch;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;

/**
 * A pruning score: importance values for the channels and/or weights of every compressible layer
 * (Conv2d and Linear nodes) of a network. Data-informed scores read the sample set S (images
 * normalised like the training inputs, and labels where a loss is needed); data-free scores ignore
 * it. Pruning methods keep what scores high.
 */
public interface ScoreFunction {

  /** The method's short name, as it appears in reports ("pfp", "l2", "snip", ...). */
  String name();

  /**
   * Scores every compressible layer of {@code network}, which is not modified.
   *
   * @param samples the sample set S; data-free scores accept any batch, including null
   * @param ctx progress and cancellation
   */
  SensitivityReport compute(Network network, Batch samples, JobContext ctx);
}
