package org.prunelab.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prunelab.data.Normalization;
import org.prunelab.experiment.features.FeatureComparison;
import org.prunelab.experiment.features.FeatureSettings;
import org.prunelab.experiment.features.ReferenceFeatures;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.results.DistributionMetric;
import org.prunelab.results.FeatureMetric;
import org.prunelab.results.JobKey;
import org.prunelab.results.JobResult;
import org.prunelab.results.SimilarityMetric;
import org.prunelab.service.Evaluation;
import org.prunelab.train.Metrics;

/**
 * How a finished job of an experiment is measured, the same for a sweep's job and for a run made by
 * hand in the workbench ({@link ManualRuns}): top-1, top-5 and loss on every test distribution (in
 * the spec's order) and the functional similarity to the original network at the noise levels
 * ({@link FunctionalSimilarity}, seeded with the spec's seed), and, when the spec asks for it, the
 * informative features (the job's sufficient input subsets against the original's, {@link
 * FeatureComparison}; the original's are found once, on the first job measured), as the result the
 * results store records.
 */
final class JobMeasurement {
  private final SweepData data;
  private final Normalization normalization;
  private final List<Double> similarityEps;
  private final long seed;
  private final Optional<FeatureSettings> features;
  private ReferenceFeatures referenceFeatures;

  /**
   * Measures on {@code data}'s distributions, the images normalised with {@code normalization}, the
   * similarity at noise levels {@code similarityEps} seeded with {@code seed}, and the informative
   * features with {@code features} when given.
   */
  JobMeasurement(
      SweepData data,
      Normalization normalization,
      List<Double> similarityEps,
      long seed,
      Optional<FeatureSettings> features) {
    this.data = data;
    this.normalization = normalization;
    this.similarityEps = List.copyOf(similarityEps);
    this.seed = seed;
    this.features = features;
  }

  /**
   * Measures {@code network} (a compression of {@code original}, or {@code original} itself for the
   * reference job) and returns what the store records under {@code key}.
   */
  FinishedJob finish(
      JobKey key,
      Network original,
      Network network,
      Map<String, Integer> keptPerUnit,
      long params,
      long flops,
      Duration pruneTime,
      Duration retrainTime,
      JobContext ctx) {
    List<DistributionMetric> metrics = new ArrayList<>();
    data.distributions()
        .forEach(
            (name, set) -> {
              Metrics m = Evaluation.evaluate(network, set, normalization, ctx);
              metrics.add(new DistributionMetric(name, m.top1(), m.top5(), m.loss()));
            });
    List<SimilarityMetric> similarity =
        FunctionalSimilarity.measure(
            original, network, data.test(), normalization, similarityEps, seed, ctx);
    Optional<FeatureMetric> featureMetric =
        features.map(
            settings ->
                FeatureComparison.compare(
                    reference(original, settings, ctx), original, network, ctx));
    JobResult result =
        new JobResult(
            key,
            params,
            flops,
            original.parameterCount(),
            original.macs(),
            keptPerUnit,
            metrics,
            pruneTime,
            retrainTime,
            Versions.current());
    return new FinishedJob(result, similarity, featureMetric);
  }

  /** The original's sufficient input subsets, found on the first call. */
  private ReferenceFeatures reference(Network original, FeatureSettings settings, JobContext ctx) {
    if (referenceFeatures == null) {
      referenceFeatures =
          ReferenceFeatures.find(original, data.test(), normalization, settings, ctx);
    }
    return referenceFeatures;
  }
}
