package org.prunelab.experiment.metrics;

import org.prunelab.results.JobResult;

/**
 * What "size" of a pruned network means: its realised parameters or FLOPs over the original
 * network's.
 */
public enum SizeBasis {
  PARAMS("parameters"),
  FLOPS("FLOPs");

  private final String label;

  SizeBasis(String label) {
    this.label = label;
  }

  /**
   * The realised size of {@code job} relative to the original network, {@link JobResult#paramRatio}
   * or FLOPs.
   */
  public double ratio(JobResult job) {
    return this == PARAMS ? job.paramRatio() : job.flopRatio();
  }

  /** "parameters" or "FLOPs", for tables and axis labels. */
  public String label() {
    return label;
  }
}
