package org.prunelab.service;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.prunelab.error.PruneLabException;
import org.prunelab.lowrank.LowRankMethod;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.method.PruneMethodKind;
import org.prunelab.prune.method.PruneMethods;

/**
 * The registry of compression methods: every method PruneLab offers, structured, unstructured and
 * low-rank, with the name the command line, sweep specs, project files and the results store use,
 * its paper, the formula it computes in one line, and the allocators it accepts. {@link
 * #compression(long)} builds the method behind the one {@link Compression} interface. A new method
 * is one entry here plus its implementation (docs/architecture.md, "Adding a method").
 */
public enum CompressionMethod {
  PFP(
      PruneMethodKind.PFP,
      MethodFamily.STRUCTURED,
      "Liebenwein, Baykal et al., Provable Filter Pruning for Efficient Neural Networks, ICLR 2020",
      "s_j = max_{x in S} max_{i,p,k} g_{i,(j,k),p}(x); each layer keeps its top c'_l(eps) channels"),
  PFP_RANDOM(
      PruneMethodKind.PFP_RANDOM,
      MethodFamily.STRUCTURED,
      "Liebenwein, Baykal et al., Provable Filter Pruning for Efficient Neural Networks, ICLR 2020",
      "m' channels drawn with q_j = s_j / S_l (m' fixed by the expected distinct count c'); a kept "
          + "channel j is rescaled by count_j / (m' q_j)"),
  PFP_TOP_RANDOM(
      PruneMethodKind.PFP_TOP_RANDOM,
      MethodFamily.STRUCTURED,
      "Liebenwein, Baykal et al., Provable Filter Pruning for Efficient Neural Networks, ICLR 2020",
      "channels with q_j >= 1/m' kept outright, the others sampled with q_j and reweighted"),
  SIPP(
      PruneMethodKind.SIPP,
      MethodFamily.UNSTRUCTURED,
      "Baykal, Liebenwein et al., SiPPing Neural Networks: Sensitivity-informed Provable Pruning, "
          + "arXiv 1910.05422",
      "SiPPNet: s_{i,(j,k)} = max_{x in S} mean_p g_{i,(j,k),p}(x); one global top-B over the raw s,"
          + " no reweighting"),
  SIPP_MAX(
      PruneMethodKind.SIPP_MAX,
      MethodFamily.UNSTRUCTURED,
      "after Baykal, Liebenwein et al., SiPPing Neural Networks (PruneLab's variant)",
      "s_{i,(j,k)} = max_{x in S} max_p g_{i,(j,k),p}(x); optimal (min-max error) allocation"),
  FT(
      PruneMethodKind.FT,
      MethodFamily.STRUCTURED,
      "Li et al., Pruning Filters for Efficient ConvNets, ICLR 2017 (FilterThresNet in torchprune "
          + "and Lost in Pruning)",
      "keep the filters i with the largest ||W_i||_1, the same ratio in every layer"),
  SOFTNET(
      PruneMethodKind.SOFTNET,
      MethodFamily.STRUCTURED,
      "He et al., Soft Filter Pruning for Accelerating Deep Convolutional Neural Networks, IJCAI "
          + "2018 (the filter norm criterion, without the soft retraining)",
      "keep the filters i with the largest ||W_i||_2, the same ratio in every layer"),
  WT(
      PruneMethodKind.WT,
      MethodFamily.UNSTRUCTURED,
      "Han et al., Learning both Weights and Connections for Efficient Neural Networks, NeurIPS 2015",
      "keep the globally largest |w|"),
  SNIP(
      PruneMethodKind.SNIP,
      MethodFamily.UNSTRUCTURED,
      "Lee, Ajanthan, Torr, SNIP: Single-shot Network Pruning based on Connection Sensitivity, "
          + "ICLR 2019",
      "s = |g . w| with g = dL/dw on S; keep the globally largest s"),
  THINET(
      PruneMethodKind.THINET,
      MethodFamily.STRUCTURED,
      "Luo, Wu, Lin, ThiNet: A Filter Level Pruning Method for Deep Neural Network Compression, "
          + "ICCV 2017",
      "greedily remove the input channel whose removal changes the next layer's output least"),
  RANDOM_FILTERS(
      PruneMethodKind.RANDOM_FILTERS,
      MethodFamily.STRUCTURED,
      "control",
      "channels kept uniformly at random, the same ratio in every layer"),
  RANDOM_WEIGHTS(
      PruneMethodKind.RANDOM_WEIGHTS,
      MethodFamily.UNSTRUCTURED,
      "control",
      "weights kept uniformly at random, the same ratio in every layer"),
  ALDS(
      LowRankMethod.ALDS,
      "Liebenwein, Maalouf et al., Compressing Neural Networks: Towards Determining the Optimal "
          + "Layer-wise Decomposition, NeurIPS 2021",
      "per layer K groups and rank j minimising max_l eps_l, eps_l(K, j) = max_g "
          + "sigma_{j+1}(W_g) / ||W||_2"),
  SVD(
      LowRankMethod.SVD,
      "truncated SVD (Eckart-Young-Mirsky), after Denton et al., NeurIPS 2014",
      "every layer K = 1, rank j = rho r_max with one ratio rho for all layers"),
  SVD_ENERGY(
      LowRankMethod.SVD_ENERGY,
      "truncated SVD by spectral energy, after Alvarez and Salzmann, NeurIPS 2017",
      "every layer K = 1, the smallest j with sum_{i<=j} sigma_i^2 >= e sum_i sigma_i^2, one e"),
  PCA(
      LowRankMethod.PCA,
      "data-informed low rank, after Zhang et al., TPAMI 2016",
      "each layer's output projected on the top-j eigenvectors of its output covariance on S"),
  LRANK(
      LowRankMethod.LRANK,
      "Idelbayev and Carreira-Perpinan, Low-rank Compression of Neural Nets: Learning the Rank of "
          + "Each Layer, CVPR 2020 (simplified, docs/adr/0005-low-rank.md)",
      "ranks that minimise the discarded spectral energy sum_l sum_{i>j_l} sigma_{l,i}^2 under "
          + "the budget");

  private final PruneMethodKind pruning;
  private final LowRankMethod lowRank;
  private final MethodFamily family;
  private final String paper;
  private final String formula;

  CompressionMethod(PruneMethodKind pruning, MethodFamily family, String paper, String formula) {
    this.pruning = pruning;
    this.lowRank = null;
    this.family = family;
    this.paper = paper;
    this.formula = formula;
  }

  CompressionMethod(LowRankMethod lowRank, String paper, String formula) {
    this.pruning = null;
    this.lowRank = lowRank;
    this.family = MethodFamily.LOW_RANK;
    this.paper = paper;
    this.formula = formula;
  }

  /** The name the command line, specs and the results store use, e.g. {@code pfp}, {@code alds}. */
  public String cliName() {
    return pruning != null ? pruning.cliName() : lowRank.cliName();
  }

  /** Whether it removes channels, masks weights or factors layers. */
  public MethodFamily family() {
    return family;
  }

  /** The paper the method comes from ("control" for the random baselines). */
  public String paper() {
    return paper;
  }

  /** What it computes, in one line. */
  public String formula() {
    return formula;
  }

  /** Whether it prunes (channels or weights) rather than factoring layers. */
  public boolean prunes() {
    return pruning != null;
  }

  /** Whether it reads the sample set S. */
  public boolean needsSamples() {
    return pruning != null
        ? PruneMethods.create(pruning, 0).needsSamples()
        : lowRank.needsSamples();
  }

  /**
   * The allocators it accepts: every pruning method accepts every budgeted allocator (and manual
   * ratios); a low-rank method chooses its ranks itself and accepts none.
   */
  public Set<AllocatorKind> allowedAllocators() {
    return pruning != null
        ? EnumSet.allOf(AllocatorKind.class)
        : EnumSet.noneOf(AllocatorKind.class);
  }

  /** The allocator its paper uses, when it takes one. */
  public Optional<AllocatorKind> defaultAllocator() {
    return pruning != null
        ? Optional.of(PruneMethods.create(pruning, 0).defaultAllocator())
        : Optional.empty();
  }

  /** The pruning method behind this entry, when it prunes. */
  public Optional<PruneMethodKind> pruningKind() {
    return Optional.ofNullable(pruning);
  }

  /**
   * The method ready to run; {@code seed} seeds every random choice it makes (random scores,
   * ThiNet's positions, sampled channels).
   */
  public Compression compression(long seed) {
    return pruning != null
        ? new PruningCompression(this, PruneMethods.create(pruning, seed), seed)
        : new LowRankCompression(this, lowRank, seed);
  }

  /** The command-line name, so lists and menus show what users type. */
  @Override
  public String toString() {
    return cliName();
  }

  /** Every method's name, in registry order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(CompressionMethod::cliName).toList();
  }

  /**
   * The method with that name (case-insensitive, {@code _} for {@code -} accepted) or a pruning
   * method's alias ({@link PruneMethodKind#alias}).
   *
   * @throws PruneLabException naming every method when there is none
   */
  public static CompressionMethod parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    Optional<PruneMethodKind> aliased = PruneMethodKind.alias(n);
    for (CompressionMethod m : values()) {
      if (m.cliName().equals(n) || (aliased.isPresent() && m.pruning == aliased.get())) {
        return m;
      }
    }
    throw new PruneLabException(
        "unknown method '" + name + "'; choose one of " + String.join(", ", names()));
  }
}
