package org.prunelab.prune.sensitivity;

/**
 * How SiPP reduces a weight's per-position sensitivities g_{i,(j,k),p}(x) over the output positions
 * p.
 */
public enum PatchReduction {
  /** The largest over positions (PFP's reduction; the default). */
  MAX,
  /** The mean over positions. */
  MEAN
}
