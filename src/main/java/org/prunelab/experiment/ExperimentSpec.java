package org.prunelab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.prunelab.experiment.features.FeatureSettings;
import org.prunelab.service.CompressionMethod;

/**
 * One experiment, as written in YAML (docs/examples/): a network (zoo name, .plm or .onnx file) and
 * dataset, the methods to compare, the keep ratios, repetitions per (method, ratio), the mode
 * (one-shot: every ratio from the original weights; iterative: prune a little, retrain, repeat;
 * rewind: keep the structure or mask found iteratively, reset the surviving weights to the
 * original's, retrain; see {@link ExperimentRunner}), the retraining, the test distributions and
 * the seed, and optionally the informative-features probe ({@code features:}, measured on every
 * job; left out of the canonical JSON when absent, so older specs keep their hash). Built by {@link
 * ExperimentSpecs#parse}, which validates every field and names the one that is wrong.
 */
public record ExperimentSpec(
    String name,
    String network,
    String dataset,
    List<CompressionMethod> methods,
    KeepRatios keep,
    Integer repetitions,
    SweepMode mode,
    Retraining retrain,
    TestDistributions test,
    Long seed,
    @JsonInclude(JsonInclude.Include.NON_NULL) FeatureSettings features) {

  /** Repetitions, 1 when not given. */
  public int repetitionCount() {
    return repetitions == null ? 1 : repetitions;
  }

  /** Mode, one-shot when not given. */
  public SweepMode sweepMode() {
    return mode == null ? SweepMode.ONE_SHOT : mode;
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
