package org.prunelab.experiment;

import ai.djl.ndarray.NDManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prunelab.data.Batch;
import org.prunelab.data.Normalization;
import org.prunelab.job.JobContext;
import org.prunelab.lowrank.LayerPlan;
import org.prunelab.lowrank.LowRankCompressor;
import org.prunelab.lowrank.LowRankMethod;
import org.prunelab.lowrank.LowRankResult;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Linear;
import org.prunelab.prune.ChannelGroups;
import org.prunelab.prune.Surgery;
import org.prunelab.prune.WeightMask;
import org.prunelab.prune.WeightMasks;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.prune.method.PruneMethod;
import org.prunelab.prune.method.PruneMethods;
import org.prunelab.prune.method.PruneOutcome;
import org.prunelab.prune.method.PruneRequest;
import org.prunelab.prune.sensitivity.SampleSets;
import org.prunelab.results.DistributionMetric;
import org.prunelab.results.JobKey;
import org.prunelab.results.JobResult;
import org.prunelab.results.SimilarityMetric;
import org.prunelab.train.Evaluator;
import org.prunelab.train.LearningRateSchedule;
import org.prunelab.train.Loaders;
import org.prunelab.train.Metrics;
import org.prunelab.train.OptimizerSpec;
import org.prunelab.train.Trainer;
import org.prunelab.train.TrainingRecipe;

/**
 * One job of a sweep: prune the original network to a keep ratio of its parameters, retrain,
 * measure. Keep ratios are always fractions of the ORIGINAL network's parameters; scores and random
 * choices are seeded with spec seed + repetition. Channel methods remove channels by surgery,
 * weight methods mask weights (masks re-applied after every optimizer step while retraining),
 * low-rank methods factor layers (docs/adr/0010-sweep-runner.md). Modes:
 *
 * <ul>
 *   <li>one-shot: prune the original once, then retrain;
 *   <li>iterative: n geometric steps r_k = r^(k/n), k = 1..n, each removing at most {@value
 *       #STEP_REMOVAL_PERCENT} % of what is left (n = ceil(ln r / ln 0.7)); each step rescores and
 *       prunes the current network to r_k of the original and is followed by retraining;
 *   <li>rewind: the iterative schedule finds the structure (channels) or mask (weights); then every
 *       surviving weight is reset to its value in the original trained network (weight rewinding to
 *       the pre-pruning weights; any reweighting of the method is dropped) and the network is
 *       retrained once.
 * </ul>
 *
 * The reference job ({@link SweepJobs#UNPRUNED}) measures the original network as it is. Every job
 * is evaluated on every test distribution of the spec and compared with the original network
 * ({@link FunctionalSimilarity}).
 */
final class PruneRetrain {
  static final int STEP_REMOVAL_PERCENT = 30;
  private static final double STEP_KEEP = 1 - STEP_REMOVAL_PERCENT / 100.0;
  private static final double DEFAULT_LR = 0.01;
  private static final int DEFAULT_BATCH = 128;

  private final ExperimentSpec spec;
  private final SweepData data;
  private final Network original;
  private final Normalization normalization;
  private final List<Double> similarityEps;

  /**
   * A job runner over the original network (left unchanged; the caller closes it) and the sweep's
   * images.
   */
  PruneRetrain(ExperimentSpec spec, SweepData data, Network original, Normalization normalization) {
    this.spec = spec;
    this.data = data;
    this.original = original;
    this.normalization = normalization;
    this.similarityEps = SweepData.similarityEps(spec);
  }

  /**
   * The network after pruning: kept channels (relative to the original) or masks, and its realised
   * size.
   */
  private record Pruned(
      Network network,
      Optional<WeightMasks> masks,
      Map<String, int[]> keptChannels,
      Map<String, Integer> keptPerUnit,
      long params,
      long flops) {}

  FinishedJob run(JobKey key, JobContext ctx) {
    long seed = spec.seedValue() + key.repetition();
    Duration[] retrain = {Duration.ZERO};
    if (key.method().equals(SweepJobs.UNPRUNED)) {
      return finish(
          key,
          original,
          fullUnits(original),
          original.parameterCount(),
          original.macs(),
          Duration.ZERO,
          Duration.ZERO,
          ctx);
    }
    long start = System.nanoTime();
    Pruned pruned;
    try (NDManager scope = NDManager.newBaseManager(original.device())) {
      pruned =
          PruneMethods.NAMES.contains(key.method())
              ? pruneInSteps(key, seed, scope, retrain, ctx)
              : lowRank(key, seed, scope, ctx);
    }
    try {
      if (spec.modeName().equals("rewind")) {
        pruned = rewind(pruned);
      }
      Duration pruneTime = Duration.ofNanos(System.nanoTime() - start).minus(retrain[0]);
      long retrainStart = System.nanoTime();
      retrain(pruned, seed, ctx);
      Duration retrainTime = retrain[0].plusNanos(System.nanoTime() - retrainStart);
      return finish(
          key,
          pruned.network(),
          pruned.keptPerUnit(),
          pruned.params(),
          pruned.flops(),
          pruneTime,
          retrainTime,
          ctx);
    } finally {
      pruned.network().close();
    }
  }

  /**
   * The units of the unpruned network, every kind a pruned job may record: the channels of every
   * prunable channel group (structured methods) and the weights of every conv and linear weight
   * tensor (unstructured methods, keyed "node.weight"). Figures divide a pruned job's kept units by
   * these.
   */
  static Map<String, Integer> fullUnits(Network network) {
    Map<String, Integer> units = new LinkedHashMap<>();
    ChannelGroups.trace(network).prunable().forEach(g -> units.put(g.id(), g.channels()));
    for (Node node : network.nodes()) {
      if (node.layer() instanceof Conv2d || node.layer() instanceof Linear) {
        String weight = node.name() + ".weight";
        units.put(weight, Math.toIntExact(network.parameters().get(weight).size()));
      }
    }
    return units;
  }

  /**
   * Geometric steps from 1 down to the keep ratio (one step in one-shot mode), retraining between
   * steps.
   */
  private Pruned pruneInSteps(
      JobKey key, long seed, NDManager scope, Duration[] retrain, JobContext ctx) {
    double target = key.keepRatio();
    int steps =
        spec.modeName().equals("one-shot")
            ? 1
            : Math.max(1, (int) Math.ceil(Math.log(target) / Math.log(STEP_KEEP) - 1e-9));
    Pruned current = null;
    try {
      for (int k = 1; k <= steps; k++) {
        if (current != null) {
          long t = System.nanoTime();
          retrain(current, seed, ctx);
          retrain[0] = retrain[0].plusNanos(System.nanoTime() - t);
        }
        Pruned next =
            pruneStep(
                key.method(), Math.pow(target, (double) k / steps), current, seed, scope, ctx);
        if (current != null) {
          current.network().close();
        }
        current = next;
      }
      return current;
    } catch (RuntimeException e) {
      if (current != null) {
        current.network().close();
      }
      throw e;
    }
  }

  /**
   * Prunes {@code previous} (the original when null) to {@code ratio} of the ORIGINAL network's
   * parameters.
   */
  private Pruned pruneStep(
      String name, double ratio, Pruned previous, long seed, NDManager scope, JobContext ctx) {
    Network from = previous == null ? original : previous.network();
    PruneMethod method = PruneMethods.create(name, seed);
    double relative = Math.min(1, ratio * original.parameterCount() / from.parameterCount());
    Batch samples = method.needsSamples() ? samples(from, seed, scope) : null;
    PruneOutcome outcome =
        method.prune(from, PruneRequest.of(Budget.parameters(relative), samples, seed), ctx);
    Map<String, int[]> kept =
        compose(previous == null ? Map.of() : previous.keptChannels(), outcome.keptChannels());
    Map<String, Integer> perUnit = new LinkedHashMap<>();
    if (outcome.masks().isPresent()) {
      for (WeightMask m : outcome.masks().get().masks().values()) {
        perUnit.put(m.parameter(), m.keptCount());
      }
    } else {
      kept.forEach((group, channels) -> perUnit.put(group, channels.length));
    }
    return new Pruned(
        outcome.network(),
        outcome.masks(),
        kept,
        perUnit,
        outcome.realised().parameters(),
        outcome.realised().macs());
  }

  /** Channel indices of the original network: step k keeps positions of what step k-1 kept. */
  private static Map<String, int[]> compose(Map<String, int[]> before, Map<String, int[]> step) {
    Map<String, int[]> composed = new LinkedHashMap<>(before);
    step.forEach(
        (group, positions) -> {
          int[] earlier = before.get(group);
          int[] indices = positions.clone();
          if (earlier != null) {
            for (int i = 0; i < indices.length; i++) {
              indices[i] = earlier[positions[i]];
            }
          }
          composed.put(group, indices);
        });
    return composed;
  }

  private Pruned lowRank(JobKey key, long seed, NDManager scope, JobContext ctx) {
    LowRankMethod method = LowRankMethod.parse(key.method());
    Batch samples = method.needsSamples() ? samples(original, seed, scope) : null;
    LowRankResult result =
        LowRankCompressor.compress(
            original,
            method,
            Budget.parameters(key.keepRatio()),
            samples == null ? null : samples.images(),
            seed,
            ctx);
    Map<String, Integer> perUnit = new LinkedHashMap<>();
    for (LayerPlan layer : result.plan().layers()) {
      perUnit.put(layer.node(), layer.groups() * layer.rank());
    }
    Network net = result.network();
    return new Pruned(net, Optional.empty(), Map.of(), perUnit, net.parameterCount(), net.macs());
  }

  /**
   * The sample set S for data-informed scores: PFP's bound for the network, at most the held-out
   * pool.
   */
  private Batch samples(Network network, long seed, NDManager scope) {
    int size = Math.min(SampleSets.requiredSize(network), data.samplePool().size());
    return SampleSets.batch(SampleSets.choose(data.samplePool(), size, seed), normalization, scope);
  }

  /** The same structure or mask with the surviving weights reset to the original network's. */
  private Pruned rewind(Pruned pruned) {
    Network rewound = Surgery.keep(original, pruned.keptChannels());
    pruned.masks().ifPresent(m -> m.apply(rewound));
    pruned.network().close();
    return new Pruned(
        rewound,
        pruned.masks(),
        pruned.keptChannels(),
        pruned.keptPerUnit(),
        pruned.params(),
        pruned.flops());
  }

  private void retrain(Pruned pruned, long seed, JobContext ctx) {
    Retraining r = spec.retrain();
    if (r == null || r.epochCount() == 0) {
      return;
    }
    int epochs = r.epochCount();
    double lr = r.lr() == null ? DEFAULT_LR : r.lr();
    TrainingRecipe recipe =
        new TrainingRecipe(
            epochs,
            r.batch() == null ? DEFAULT_BATCH : r.batch(),
            OptimizerSpec.sgd(0.9, true, 5e-4),
            new LearningRateSchedule.Cosine(lr, 0, epochs),
            2,
            false,
            seed);
    Trainer trainer = new Trainer(recipe);
    pruned.masks().ifPresent(m -> trainer.onStep(m::apply));
    trainer.fit(
        pruned.network(),
        Loaders.training(data.train(), normalization, recipe),
        Optional.empty(),
        ctx);
  }

  private FinishedJob finish(
      JobKey key,
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
              Metrics m = Evaluator.evaluate(network, Loaders.evaluation(set, normalization), ctx);
              metrics.add(new DistributionMetric(name, m.top1(), m.top5(), m.loss()));
            });
    List<SimilarityMetric> similarity =
        FunctionalSimilarity.measure(
            original, network, data.test(), normalization, similarityEps, spec.seedValue(), ctx);
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
    return new FinishedJob(result, similarity);
  }
}
