package org.prunelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.prunelab.data.Batch;
import org.prunelab.data.DataLoader;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.nn.NonFiniteException;
import org.prunelab.nn.layer.Mode;

/**
 * Evaluates a network in eval mode on every batch of a loader: top-1, top-5 and mean cross-entropy.
 * Each batch and everything computed from it is freed before the next, so repeated evaluations do
 * not grow native memory.
 */
public final class Evaluator {
  private Evaluator() {}

  public static Metrics evaluate(Network network, DataLoader loader, JobContext ctx) {
    network.checkFinite();
    long n = 0;
    long top1 = 0;
    long top5 = 0;
    double lossSum = 0;
    int done = 0;
    int total = loader.batchesPerEpoch();
    try (NDManager scope = NDManager.newBaseManager(network.device())) {
      for (Batch batch : loader.epoch(0, scope)) {
        try (batch) {
          ctx.checkCancelled();
          NDArray logits = network.forward(batch.images(), Mode.EVAL);
          double loss = Losses.crossEntropy(logits, batch.labels()).getFloat();
          if (!Double.isFinite(loss)) {
            throw new NonFiniteException(
                "the network's outputs are NaN or infinite on the evaluation data; check "
                    + "the input normalisation and the model file");
          }
          for (int r : Losses.ranks(logits, batch.labels())) {
            top1 += r == 0 ? 1 : 0;
            top5 += r < 5 ? 1 : 0;
          }
          lossSum += loss * batch.size();
          n += batch.size();
          ctx.progress(++done, total, "evaluating");
        }
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("evaluation data is empty");
    }
    return new Metrics((double) top1 / n, (double) top5 / n, lossSum / n, n);
  }
}
