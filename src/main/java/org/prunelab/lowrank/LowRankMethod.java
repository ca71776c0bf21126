package org.prunelab.lowrank;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The low-rank compression methods PruneLab offers, with their command-line names and allocators.
 */
public enum LowRankMethod {
  /**
   * ALDS: per layer K input-channel groups and rank j, minimising the largest layer error
   * (Liebenwein et al. 2021).
   */
  ALDS("alds"),
  /** Truncated SVD of every layer (K = 1) with one rank ratio j / r_max for all layers. */
  SVD("svd"),
  /** Truncated SVD of every layer (K = 1) keeping one fraction of each layer's spectral energy. */
  SVD_ENERGY("svd-energy"),
  /**
   * Data-informed: each layer's output projected on the top eigenvectors of its output covariance
   * on S.
   */
  PCA("pca"),
  /**
   * Learned-rank selection (Idelbayev and Carreira-Perpinan 2020): ranks minimising discarded
   * spectral energy.
   */
  LRANK("lrank");

  private final String cliName;

  LowRankMethod(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line, e.g. {@code svd-energy}. */
  public String cliName() {
    return cliName;
  }

  /** Whether the method needs the sample set S (only PCA does). */
  public boolean needsSamples() {
    return this == PCA;
  }

  /** The allocator that chooses this method's per-layer groups and ranks. */
  public LowRankAllocator allocator() {
    return switch (this) {
      case ALDS, PCA -> new AldsAllocator(this);
      case SVD -> new RankRatioAllocator();
      case SVD_ENERGY -> new EnergyAllocator();
      case LRANK -> new LRankAllocator();
    };
  }

  /**
   * The method with the given command-line name (case-insensitive; {@code _} for {@code -}
   * accepted).
   *
   * @throws LowRankException naming the known methods
   */
  public static LowRankMethod parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (LowRankMethod m : values()) {
      if (m.cliName.equals(n)) {
        return m;
      }
    }
    throw new LowRankException(
        "unknown low-rank method '"
            + name
            + "'; choose one of "
            + Arrays.stream(values())
                .map(LowRankMethod::cliName)
                .collect(Collectors.joining(", ")));
  }
}
