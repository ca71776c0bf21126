package org.prunelab.prune.method;

import java.util.List;
import org.prunelab.error.PruneLabException;
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
 * The pruning methods by command-line name, each with the allocator its paper uses by default:
 *
 * <ul>
 *   <li>pfp, pfp-random, pfp-top-random: PFP filter pruning (Liebenwein, Baykal et al., ICLR 2020),
 *       optimal allocation, deterministic / sampled with reweighting / top plus sampled;
 *   <li>sipp, sipp-mean: SiPP weight pruning (Baykal, Liebenwein et al.), optimal allocation over
 *       per-weight sensitivities taken as the maximum (or mean) over output positions;
 *   <li>ft, ft-l1: filter thresholding by L2 (Li et al. 2016) or L1 norm (SoftNet, He et al. 2018),
 *       uniform;
 *   <li>wt: weight thresholding, global top-k |w| (Han et al. 2015);
 *   <li>snip: |g w| on S, global top-k (Lee et al. 2019);
 *   <li>thinet: greedy channel removal by the next layer's reconstruction (Luo et al. 2017),
 *       uniform;
 *   <li>random-filters, random-weights: the controls, uniform.
 * </ul>
 */
public final class PruneMethods {
  /** Names accepted by {@link #create}. */
  public static final List<String> NAMES =
      List.of(
          "pfp",
          "pfp-random",
          "pfp-top-random",
          "sipp",
          "sipp-mean",
          "ft",
          "ft-l1",
          "wt",
          "snip",
          "thinet",
          "random-filters",
          "random-weights");

  private static final int THINET_POSITIONS = 10;
  private static final int SNIP_CHUNK = 64;

  private PruneMethods() {}

  /**
   * The method of that name; {@code seed} seeds its random parts (random scores, ThiNet's
   * positions).
   *
   * @throws PruneLabException naming the valid names when there is none
   */
  public static PruneMethod create(String name, long seed) {
    PfpSensitivity pfp = new PfpSensitivity(PfpOptions.DEFAULT);
    return switch (name) {
      case "pfp" ->
          structuredPfp(name, "PFP filter pruning, deterministic top channels", pfp, KeepRule.TOP);
      case "pfp-random" ->
          structuredPfp(
              name, "PFP filter pruning, sampled channels with reweighting", pfp, KeepRule.RANDOM);
      case "pfp-top-random" ->
          structuredPfp(
              name, "PFP filter pruning, top channels plus sampled ones", pfp, KeepRule.TOP_RANDOM);
      case "sipp" ->
          new UnstructuredMethod(
              name,
              "SiPP weight pruning by per-weight sensitivity",
              new SippSensitivity(PfpOptions.DEFAULT, PatchReduction.MAX),
              true,
              true,
              "optimal");
      case "sipp-mean" ->
          new UnstructuredMethod(
              name,
              "SiPP weight pruning, sensitivity averaged over positions",
              new SippSensitivity(PfpOptions.DEFAULT, PatchReduction.MEAN),
              true,
              true,
              "optimal");
      case "ft" ->
          new StructuredMethod(
              name,
              "filter thresholding by L2 norm",
              new FilterNorms(FilterNorms.Norm.L2),
              false,
              ScoreSide.PRODUCER_OUTPUTS,
              false,
              KeepRule.TOP,
              "uniform");
      case "ft-l1" ->
          new StructuredMethod(
              name,
              "filter thresholding by L1 norm",
              new FilterNorms(FilterNorms.Norm.L1),
              false,
              ScoreSide.PRODUCER_OUTPUTS,
              false,
              KeepRule.TOP,
              "uniform");
      case "wt" ->
          new UnstructuredMethod(
              name,
              "weight thresholding, global top-k |w|",
              new WeightMagnitude(),
              false,
              false,
              "global-raw");
      case "snip" ->
          new UnstructuredMethod(
              name,
              "SNIP connection sensitivity |g w| on S",
              new Snip(SNIP_CHUNK),
              true,
              false,
              "global-raw");
      case "thinet" ->
          new StructuredMethod(
              name,
              "ThiNet greedy channel removal",
              new ThiNet(
                  new ThiNet.Options(THINET_POSITIONS, seed, PfpOptions.DEFAULT.chunkSize())),
              true,
              ScoreSide.CONSUMER_INPUTS,
              false,
              KeepRule.TOP,
              "uniform");
      case "random-filters" ->
          new StructuredMethod(
              name,
              "random channels (control)",
              new RandomScores(seed),
              false,
              ScoreSide.PRODUCER_OUTPUTS,
              false,
              KeepRule.TOP,
              "uniform");
      case "random-weights" ->
          new UnstructuredMethod(
              name, "random weights (control)", new RandomScores(seed), false, false, "uniform");
      default ->
          throw new PruneLabException(
              "unknown pruning method '" + name + "'; choose one of " + NAMES);
    };
  }

  private static PruneMethod structuredPfp(
      String name, String description, PfpSensitivity pfp, KeepRule rule) {
    return new StructuredMethod(
        name, description, pfp, true, ScoreSide.CONSUMER_INPUTS, true, rule, "optimal");
  }
}
