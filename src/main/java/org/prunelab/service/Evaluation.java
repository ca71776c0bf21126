package org.prunelab.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.train.Evaluator;
import org.prunelab.train.Loaders;
import org.prunelab.train.Metrics;

/**
 * Measures a network (in eval mode, no gradients) on a test set, clean or shifted: top-1, top-5 and
 * mean cross-entropy over every image.
 */
public final class Evaluation {
  private Evaluation() {}

  /** The network's metrics on {@code images}, normalised with {@code normalization}. */
  public static Metrics evaluate(
      Network network, ImageDataset images, Normalization normalization, JobContext ctx) {
    return Evaluator.evaluate(network, Loaders.evaluation(images, normalization), ctx);
  }

  /** The network's metrics on every distribution, in the map's order. */
  public static Map<TestDistribution, Metrics> evaluate(
      Network network,
      Map<TestDistribution, ImageDataset> distributions,
      Normalization normalization,
      JobContext ctx) {
    Map<TestDistribution, Metrics> metrics = new LinkedHashMap<>();
    distributions.forEach(
        (d, images) -> metrics.put(d, evaluate(network, images, normalization, ctx)));
    return metrics;
  }
}
