package org.prunelab.prune.method;

/**
 * The measured relative error of the layers reading one channel group when only that group is
 * pruned to each keep ratio: eps(r) = ||z - z_hat|| / ||z|| over the sample set, z stacking the
 * outputs of every consumer of the group.
 */
public record ErrorCurve(String group, double[] keepRatios, double[] errors) {
  public ErrorCurve {
    if (keepRatios.length != errors.length) {
      throw new IllegalArgumentException(
          "group " + group + ": " + keepRatios.length + " ratios but " + errors.length + " errors");
    }
    keepRatios = keepRatios.clone();
    errors = errors.clone();
  }

  @Override
  public double[] keepRatios() {
    return keepRatios.clone();
  }

  @Override
  public double[] errors() {
    return errors.clone();
  }

  /** eps at a keep ratio, linearly interpolated between grid points (clamped at the ends). */
  public double errorAt(double ratio) {
    if (ratio <= keepRatios[0]) {
      return errors[0];
    }
    for (int i = 1; i < keepRatios.length; i++) {
      if (ratio <= keepRatios[i]) {
        double t = (ratio - keepRatios[i - 1]) / (keepRatios[i] - keepRatios[i - 1]);
        return errors[i - 1] + t * (errors[i] - errors[i - 1]);
      }
    }
    return errors[errors.length - 1];
  }
}
