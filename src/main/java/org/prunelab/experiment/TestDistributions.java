package org.prunelab.experiment;

import java.util.ArrayList;
import java.util.List;
import org.prunelab.data.corrupt.Corruption;
import org.prunelab.data.corrupt.Corruptions;
import org.prunelab.service.TestDistribution;

/**
 * Where a sweep measures accuracy: the clean test set, each corruption at each severity
 * (data.corrupt), and inputs with uniform noise x + 2 eps (U - 1/2) at each eps ("Lost in
 * Pruning"'s functional-similarity probe), each on the first {@code images} test images (all when
 * not given; quick sweeps measure on fewer).
 */
public record TestDistributions(
    Boolean clean,
    List<String> corruptions,
    List<Integer> severities,
    List<Double> noise,
    Integer images) {

  /**
   * The distributions in the order the results store records them: clean (unless {@code clean:
   * false}), each corruption at each severity (3 when none is given), each noise level.
   */
  public List<TestDistribution> distributions() {
    List<TestDistribution> all = new ArrayList<>();
    if (clean == null || clean) {
      all.add(TestDistribution.CLEAN);
    }
    for (String c : corruptions == null ? List.<String>of() : corruptions) {
      for (int s : severities == null ? List.of(3) : severities) {
        all.add(new TestDistribution.Corrupted(Corruptions.byName(c), s));
      }
    }
    for (double eps : noise == null ? List.<Double>of() : noise) {
      all.add(new TestDistribution.Noisy(eps));
    }
    return all;
  }

  /** Names as the results store records them: "clean", "fog/3", "noise/0.1". */
  public List<String> names() {
    return distributions().stream().map(TestDistribution::id).toList();
  }

  void validate() {
    for (String c : corruptions == null ? List.<String>of() : corruptions) {
      try {
        Corruptions.byName(c);
      } catch (RuntimeException e) {
        throw new ExperimentSpecException("test.corruptions: " + e.getMessage(), e);
      }
    }
    for (Integer s : severities == null ? List.<Integer>of() : severities) {
      if (s == null || s < Corruption.MIN_SEVERITY || s > Corruption.MAX_SEVERITY) {
        throw new ExperimentSpecException(
            "test.severities: "
                + s
                + " is outside "
                + Corruption.MIN_SEVERITY
                + ".."
                + Corruption.MAX_SEVERITY);
      }
    }
    for (Double eps : noise == null ? List.<Double>of() : noise) {
      if (eps == null || !(eps >= 0 && eps <= TestDistribution.Noisy.MAX_EPS)) {
        throw new ExperimentSpecException(
            "test.noise: eps " + eps + " is outside [0, " + TestDistribution.Noisy.MAX_EPS + "]");
      }
    }
    if (images != null && images < 1) {
      throw new ExperimentSpecException(
          "test.images " + images + " must be at least 1 (or left out for all)");
    }
    if (names().isEmpty()) {
      throw new ExperimentSpecException(
          "test: nothing to measure; keep clean: true or name corruptions or noise");
    }
  }
}
