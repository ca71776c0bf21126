package org.prunelab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.prunelab.results.JobKey;
import org.prunelab.service.CompressionMethod;

/**
 * Expands a spec into its independent jobs, in the order they run: first the reference job (method
 * {@value #UNPRUNED}, keep ratio 1, repetition 0: the original network evaluated on every test
 * distribution, neither pruned nor retrained), then for each method, each keep ratio and each
 * repetition one prune-retrain job. Every key carries the spec hash, the spec's network and its
 * mode. Readers of the store find the reference by the method name {@value #UNPRUNED} (excess error
 * and prune potential are measured against it).
 */
public final class SweepJobs {
  /** Method name of the reference job: the unpruned network. */
  public static final String UNPRUNED = "unpruned";

  private SweepJobs() {}

  /**
   * The jobs of a spec: the reference first, then methods x keep ratios x repetitions in the spec's
   * order.
   */
  public static List<JobKey> expand(ExperimentSpec spec) {
    String hash = ExperimentSpecs.hash(spec);
    String mode = spec.sweepMode().specName();
    List<JobKey> keys = new ArrayList<>();
    keys.add(new JobKey(hash, spec.network(), UNPRUNED, 1.0, 0, mode));
    for (CompressionMethod method : spec.methods()) {
      for (double keep : spec.keep().values()) {
        for (int rep = 0; rep < spec.repetitionCount(); rep++) {
          keys.add(new JobKey(hash, spec.network(), method.cliName(), keep, rep, mode));
        }
      }
    }
    return keys;
  }

  /** A job as shown in progress messages: "pfp keep 0.50 rep 0", "unpruned". */
  public static String label(JobKey key) {
    return key.method().equals(UNPRUNED)
        ? UNPRUNED
        : String.format(
            Locale.ROOT, "%s keep %.2f rep %d", key.method(), key.keepRatio(), key.repetition());
  }
}
