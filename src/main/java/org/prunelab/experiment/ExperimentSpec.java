package org.prunelab.experiment;

import java.util.List;

/**
 * One experiment, as written in YAML (docs/examples/): a network (zoo name, .plm or .onnx file) and
 * dataset, the methods to compare, the keep ratios, repetitions per (method, ratio), the mode
 * (one-shot: every ratio from the original weights; iterative: prune a little, retrain, repeat;
 * rewind: keep the structure or mask found iteratively, reset the surviving weights to the
 * original's, retrain; see {@link ExperimentRunner}), the retraining, the test distributions and
 * the seed. Built by {@link ExperimentSpecs#parse}, which validates every field and names the one
 * that is wrong.
 */
public record ExperimentSpec(
    String name,
    String network,
    String dataset,
    List<String> methods,
    KeepRatios keep,
    Integer repetitions,
    String mode,
    Retraining retrain,
    TestDistributions test,
    Long seed) {

  /** The modes a sweep can run in. */
  public static final List<String> MODES = List.of("one-shot", "iterative", "rewind");

  /** Repetitions, 1 when not given. */
  public int repetitionCount() {
    return repetitions == null ? 1 : repetitions;
  }

  /** Mode, one-shot when not given. */
  public String modeName() {
    return mode == null ? "one-shot" : mode;
  }

  /** Seed, 0 when not given. */
  public long seedValue() {
    return seed == null ? 0 : seed;
  }

  /**
   * Number of prune-retrain jobs the spec expands into: methods x ratios x repetitions ({@link
   * SweepJobs#expand} adds one reference job for the unpruned network).
   */
  public int jobCount() {
    return methods.size() * keep.values().size() * repetitionCount();
  }
}
