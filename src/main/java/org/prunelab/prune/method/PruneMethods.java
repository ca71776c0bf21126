package org.prunelab.prune.method;

import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.sensitivity.FilterNorms;
import org.prunelab.prune.sensitivity.PatchReduction;
import org.prunelab.prune.sensitivity.PfpOptions;
import org.prunelab.prune.sensitivity.PfpSensitivity;
import org.prunelab.prune.sensitivity.RandomScores;
import org.prunelab.prune.sensitivity.SippSensitivity;
import org.prunelab.prune.sensitivity.Snip;
import org.prunelab.prune.sensitivity.ThiNet;
import org.prunelab.prune.sensitivity.WeightMagnitude;

/**
 * Builds the pruning methods, each with the allocator its paper uses by default:
 *
 * <ul>
 *   <li>pfp, pfp-random, pfp-top-random: PFP filter pruning (Liebenwein, Baykal et al., ICLR 2020),
 *       optimal allocation, deterministic / sampled with reweighting / top plus sampled;
 *   <li>sipp: SiPPNet as the papers run it (Baykal, Liebenwein et al.; torchprune's SiPPNet):
 *       per-weight sensitivities averaged over output positions, one global top-B over the raw
 *       sensitivities, no reweighting; sipp-max: PruneLab's variant, the maximum over positions
 *       with the optimal (min-max error) allocation;
 *   <li>ft: filter thresholding by the L1 norm (Li et al. 2017, torchprune's FilterThresNet, the FT
 *       of Lost in Pruning), uniform; softnet: the same by the L2 norm (He et al. 2018), uniform;
 *   <li>wt: weight thresholding, global top-k |w| (Han et al. 2015);
 *   <li>snip: |g w| on S, global top-k (Lee et al. 2019);
 *   <li>thinet: greedy channel removal by the next layer's reconstruction (Luo et al. 2017),
 *       uniform;
 *   <li>random-filters, random-weights: the controls, uniform.
 * </ul>
 */
public final class PruneMethods {
  private static final int THINET_POSITIONS = 10;
  private static final int SNIP_CHUNK = 64;

  private PruneMethods() {}

  /**
   * The method of that kind; {@code seed} seeds its random parts (random scores, ThiNet's
   * positions).
   */
  public static PruneMethod create(PruneMethodKind kind, long seed) {
    PfpSensitivity pfp = new PfpSensitivity(PfpOptions.DEFAULT);
    String name = kind.cliName();
    return switch (kind) {
      case PFP ->
          structuredPfp(name, "PFP filter pruning, deterministic top channels", pfp, KeepRule.TOP);
      case PFP_RANDOM ->
          structuredPfp(
              name, "PFP filter pruning, sampled channels with reweighting", pfp, KeepRule.RANDOM);
      case PFP_TOP_RANDOM ->
          structuredPfp(
              name, "PFP filter pruning, top channels plus sampled ones", pfp, KeepRule.TOP_RANDOM);
      case SIPP ->
          new UnstructuredMethod(
              name,
              "SiPPNet: per-weight sensitivity averaged over positions, global top-B",
              new SippSensitivity(PfpOptions.DEFAULT, PatchReduction.MEAN),
              true,
              true,
              AllocatorKind.GLOBAL_RAW);
      case SIPP_MAX ->
          new UnstructuredMethod(
              name,
              "SiPP weight pruning, sensitivity maximal over positions, optimal allocation",
              new SippSensitivity(PfpOptions.DEFAULT, PatchReduction.MAX),
              true,
              true,
              AllocatorKind.OPTIMAL);
      case FT ->
          new StructuredMethod(
              name,
              "filter thresholding by L1 norm",
              new FilterNorms(FilterNorms.Norm.L1),
              false,
              ScoreSide.PRODUCER_OUTPUTS,
              false,
              KeepRule.TOP,
              AllocatorKind.UNIFORM);
      case SOFTNET ->
          new StructuredMethod(
              name,
              "SoftNet: filter thresholding by L2 norm",
              new FilterNorms(FilterNorms.Norm.L2),
              false,
              ScoreSide.PRODUCER_OUTPUTS,
              false,
              KeepRule.TOP,
              AllocatorKind.UNIFORM);
      case WT ->
          new UnstructuredMethod(
              name,
              "weight thresholding, global top-k |w|",
              new WeightMagnitude(),
              false,
              false,
              AllocatorKind.GLOBAL_RAW);
      case SNIP ->
          new UnstructuredMethod(
              name,
              "SNIP connection sensitivity |g w| on S",
              new Snip(SNIP_CHUNK),
              true,
              false,
              AllocatorKind.GLOBAL_RAW);
      case THINET ->
          new StructuredMethod(
              name,
              "ThiNet greedy channel removal",
              new ThiNet(
                  new ThiNet.Options(THINET_POSITIONS, seed, PfpOptions.DEFAULT.chunkSize())),
              true,
              ScoreSide.CONSUMER_INPUTS,
              false,
              KeepRule.TOP,
              AllocatorKind.UNIFORM);
      case RANDOM_FILTERS ->
          new StructuredMethod(
              name,
              "random channels (control)",
              new RandomScores(seed),
              false,
              ScoreSide.PRODUCER_OUTPUTS,
              false,
              KeepRule.TOP,
              AllocatorKind.UNIFORM);
      case RANDOM_WEIGHTS ->
          new UnstructuredMethod(
              name,
              "random weights (control)",
              new RandomScores(seed),
              false,
              false,
              AllocatorKind.UNIFORM);
    };
  }

  private static PruneMethod structuredPfp(
      String name, String description, PfpSensitivity pfp, KeepRule rule) {
    return new StructuredMethod(
        name, description, pfp, true, ScoreSide.CONSUMER_INPUTS, true, rule, AllocatorKind.OPTIMAL);
  }
}
