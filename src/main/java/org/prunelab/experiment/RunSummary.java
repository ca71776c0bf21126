package org.prunelab.experiment;

import java.util.List;
import org.prunelab.results.JobKey;

/**
 * What one run of a sweep did: the experiment's spec hash, how many jobs the spec has, how many
 * were already finished in the store (skipped), the jobs this run finished and recorded, and those
 * that failed (not recorded: the next run tries them again).
 */
public record RunSummary(
    String specHash, int total, int skipped, List<JobKey> finished, List<JobFailure> failures) {
  public RunSummary {
    finished = List.copyOf(finished);
    failures = List.copyOf(failures);
  }

  /** Jobs of the spec not recorded in the store after this run. */
  public int remaining() {
    return total - skipped - finished.size();
  }
}
