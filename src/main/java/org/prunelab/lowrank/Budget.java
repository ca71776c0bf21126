package org.prunelab.lowrank;

import java.util.Locale;

/**
 * The size a compressed network may have, as a keep ratio of the whole network: (parameters or multiply-accumulates
 * of the compressed network) / (the same of the original), totals over all nodes ({@code Network.parameterCount()},
 * {@code Network.macs()}).
 */
public record Budget(Kind kind, double keepRatio) {

  /** What the keep ratio measures. */
  public enum Kind {
    /** Trainable parameters. */
    PARAMS,
    /** Multiply-accumulates per sample ("FLOPs", docs/adr/0002-flops-are-macs.md). */
    FLOPS;

    /** Lower-case name for messages and the CLI. */
    public String label() {
      return this == PARAMS ? "parameters" : "FLOPs";
    }
  }

  public Budget {
    if (kind == null) {
      throw new LowRankException("a budget needs a kind: PARAMS or FLOPS");
    }
    if (!(keepRatio > 0 && keepRatio <= 1)) {
      throw new LowRankException(String.format(Locale.ROOT, "keep ratio must be in (0, 1], got %s; e.g. 0.5 keeps "
          + "half of the network's %s", keepRatio, kind.label()));
    }
  }

  public static Budget params(double keepRatio) {
    return new Budget(Kind.PARAMS, keepRatio);
  }

  public static Budget flops(double keepRatio) {
    return new Budget(Kind.FLOPS, keepRatio);
  }
}
