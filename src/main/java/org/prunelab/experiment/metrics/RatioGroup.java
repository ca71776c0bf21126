package org.prunelab.experiment.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.prunelab.results.JobResult;

/**
 * The repetitions of one method at one keep ratio. Means are plain averages over the repetitions
 * that were evaluated on the distribution asked for; the sample standard deviation divides by n - 1
 * (0 for one repetition).
 *
 * @param method the pruning method
 * @param keepRatio the requested keep ratio of the jobs
 * @param jobs the repetitions, at least one
 */
public record RatioGroup(String method, double keepRatio, List<JobResult> jobs) {

  /** Copies the jobs and checks there is at least one. */
  public RatioGroup {
    jobs = List.copyOf(jobs);
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException("a ratio group needs at least one job");
    }
  }

  /** Mean realised size over all repetitions. */
  public double meanSize(SizeBasis basis) {
    return jobs.stream().mapToDouble(basis::ratio).average().orElseThrow();
  }

  /** Mean top-1 on {@code distribution} over the repetitions evaluated on it; empty if none was. */
  public OptionalDouble meanTop1(String distribution) {
    return jobs.stream()
        .map(j -> Sweep.top1(j, distribution))
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .average();
  }

  /**
   * Sample standard deviation of top-1 on {@code distribution}; 0 for fewer than two evaluated
   * repetitions.
   */
  public double stdTop1(String distribution) {
    double[] values =
        jobs.stream()
            .map(j -> Sweep.top1(j, distribution))
            .filter(OptionalDouble::isPresent)
            .mapToDouble(OptionalDouble::getAsDouble)
            .toArray();
    if (values.length < 2) {
      return 0;
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (values.length - 1));
  }
}
