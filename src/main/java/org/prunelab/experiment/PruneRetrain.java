package org.prunelab.experiment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.prunelab.data.Normalization;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Linear;
import org.prunelab.prune.ChannelGroups;
import org.prunelab.prune.Surgery;
import org.prunelab.prune.WeightMasks;
import org.prunelab.prune.allocate.Budget;
import org.prunelab.results.JobKey;
import org.prunelab.service.Analysis;
import org.prunelab.service.Compressed;
import org.prunelab.service.Compression;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.RetrainRecipe;
import org.prunelab.service.Retrainer;
import org.prunelab.service.SampleChoice;

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
 * The reference job ({@link SweepJobs#UNPRUNED}) measures a copy of the original retrained with the
 * same recipe as the pruned jobs (as it is when the spec retrains for 0 epochs). Every job is
 * evaluated on every test distribution of the spec and compared with the original network ({@link
 * FunctionalSimilarity}).
 */
final class PruneRetrain {
  static final int STEP_REMOVAL_PERCENT = 30;
  private static final double STEP_KEEP = 1 - STEP_REMOVAL_PERCENT / 100.0;

  private final ExperimentSpec spec;
  private final SweepData data;
  private final Network original;
  private final Normalization normalization;
  private final RetrainRecipe recipe;
  private final JobMeasurement measurement;

  /**
   * A job runner over the original network (left unchanged; the caller closes it) and the sweep's
   * images.
   */
  PruneRetrain(ExperimentSpec spec, SweepData data, Network original, Normalization normalization) {
    this.spec = spec;
    this.data = data;
    this.original = original;
    this.normalization = normalization;
    this.recipe = spec.retrain() == null ? RetrainRecipe.none() : spec.retrain().recipe();
    this.measurement =
        new JobMeasurement(
            data,
            normalization,
            FunctionalSimilarity.DEFAULT_EPS,
            spec.seedValue(),
            Optional.ofNullable(spec.features()));
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
    if (key.method().equals(SweepJobs.UNPRUNED)) {
      long start = System.nanoTime();
      try (Network reference = reference(key, ctx)) {
        return finish(
            key,
            reference,
            fullUnits(original),
            original.parameterCount(),
            original.macs(),
            Duration.ZERO,
            Duration.ofNanos(System.nanoTime() - start),
            ctx);
      }
    }
    Built built = build(key, ctx);
    try {
      return finish(
          key,
          built.pruned().network(),
          built.pruned().keptPerUnit(),
          built.pruned().params(),
          built.pruned().flops(),
          built.pruneTime(),
          built.retrainTime(),
          ctx);
    } finally {
      built.pruned().network().close();
    }
  }

  /**
   * The network job {@code key} ends with, built again from the spec's seed: pruned (in steps),
   * rewound in rewind mode and retrained, as {@link #run} measures it; the original's copy for the
   * reference job. The caller closes it.
   */
  Network rebuild(JobKey key, JobContext ctx) {
    if (key.method().equals(SweepJobs.UNPRUNED)) {
      return reference(key, ctx);
    }
    return build(key, ctx).pruned().network();
  }

  /**
   * The unpruned reference: a copy of the original retrained with the same recipe as every pruned
   * job (none when the spec retrains for 0 epochs), so that excess error and prune potential
   * compare networks that had the same training after the original's ("Lost in Pruning" retrains
   * both).
   */
  private Network reference(JobKey key, JobContext ctx) {
    Network copy = Surgery.keep(original, Map.of());
    try {
      Retrainer.retrain(
          copy,
          Optional.empty(),
          recipe,
          data.train(),
          normalization,
          spec.seedValue() + key.repetition(),
          ctx);
      return copy;
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
  }

  /** A pruned and retrained network with the time each part took. */
  private record Built(Pruned pruned, Duration pruneTime, Duration retrainTime) {}

  private Built build(JobKey key, JobContext ctx) {
    long seed = spec.seedValue() + key.repetition();
    Duration[] retrain = {Duration.ZERO};
    long start = System.nanoTime();
    Pruned pruned = pruneInSteps(key, seed, retrain, ctx);
    try {
      if (spec.sweepMode() == SweepMode.REWIND) {
        pruned = rewind(pruned);
      }
      Duration pruneTime = Duration.ofNanos(System.nanoTime() - start).minus(retrain[0]);
      long retrainStart = System.nanoTime();
      retrain(pruned, seed, ctx);
      Duration retrainTime = retrain[0].plusNanos(System.nanoTime() - retrainStart);
      return new Built(pruned, pruneTime, retrainTime);
    } catch (RuntimeException e) {
      pruned.network().close();
      throw e;
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
   * Geometric steps from 1 down to the keep ratio (one step in one-shot mode, the only mode
   * low-rank methods accept), retraining between steps.
   */
  private Pruned pruneInSteps(JobKey key, long seed, Duration[] retrain, JobContext ctx) {
    CompressionMethod method = CompressionMethod.parse(key.method());
    double target = key.keepRatio();
    int steps =
        spec.sweepMode().stepwise()
            ? Math.max(1, (int) Math.ceil(Math.log(target) / Math.log(STEP_KEEP) - 1e-9))
            : 1;
    Pruned current = null;
    try {
      for (int k = 1; k <= steps; k++) {
        if (current != null) {
          long t = System.nanoTime();
          retrain(current, seed, ctx);
          retrain[0] = retrain[0].plusNanos(System.nanoTime() - t);
        }
        Pruned next = pruneStep(method, Math.pow(target, (double) k / steps), current, seed, ctx);
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
   * Compresses {@code previous} (the original when null) to {@code ratio} of the ORIGINAL network's
   * parameters.
   */
  private Pruned pruneStep(
      CompressionMethod method, double ratio, Pruned previous, long seed, JobContext ctx) {
    Network from = previous == null ? original : previous.network();
    Compression compression = method.compression(seed);
    // a budget is a fraction of the network it prunes: of its parameters, or of its live weights
    // when an earlier step masked some (the realised size of that step)
    long current = previous == null ? original.parameterCount() : previous.params();
    double relative = Math.min(1, ratio * original.parameterCount() / current);
    Analysis analysis =
        compression.analyse(
            from, data.samplePool(), normalization, SampleChoice.pfpBound(seed), ctx);
    Compressed compressed =
        compression.compress(from, analysis, Budget.parameters(relative), Optional.empty());
    Map<String, int[]> kept =
        compose(previous == null ? Map.of() : previous.keptChannels(), compressed.keptChannels());
    Map<String, Integer> keptPerUnit = new LinkedHashMap<>();
    if (compressed.masks().isPresent() || kept.isEmpty()) {
      keptPerUnit.putAll(compressed.keptUnits());
    } else {
      kept.forEach((group, channels) -> keptPerUnit.put(group, channels.length));
    }
    return new Pruned(
        compressed.network(),
        compressed.masks(),
        kept,
        keptPerUnit,
        compressed.realised().parameters(),
        compressed.realised().macs());
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
    Retrainer.retrain(
        pruned.network(), pruned.masks(), recipe, data.train(), normalization, seed, ctx);
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
    return measurement.finish(
        key, original, network, keptPerUnit, params, flops, pruneTime, retrainTime, ctx);
  }
}
