package org.prunelab.data.corrupt;

import java.util.Random;

/**
 * The noise corruptions of Hendrycks and Dietterich, with the severity constants of their {@code
 * make_cifar_c.py} (CIFAR-10-C), applied to every channel value independently.
 */
final class Noise {

  private static final double[] GAUSSIAN = {0.04, 0.06, 0.08, 0.09, 0.10};
  private static final double[] SHOT = {500, 250, 100, 75, 50};
  private static final double[] IMPULSE = {0.01, 0.02, 0.03, 0.05, 0.07};
  private static final double[] SPECKLE = {0.06, 0.10, 0.12, 0.16, 0.20};

  private Noise() {}

  /** Additive Gaussian noise: {@code x + N(0, sigma^2)}, {@code sigma} from 0.04 to 0.10. */
  static Picture gaussian(Picture p, int severity, Random rng) {
    double sigma = GAUSSIAN[severity - 1];
    for (int k = 0; k < p.v.length; k++) {
      p.v[k] += (float) (sigma * rng.nextGaussian());
    }
    return p;
  }

  /**
   * Shot (photon) noise: {@code Poisson(lambda x) / lambda}, {@code lambda} from 500 down to 50
   * photons.
   */
  static Picture shot(Picture p, int severity, Random rng) {
    double lambda = SHOT[severity - 1];
    for (int k = 0; k < p.v.length; k++) {
      p.v[k] = (float) (Poisson.sample(lambda * Math.max(0, p.v[k]), rng) / lambda);
    }
    return p;
  }

  /**
   * Impulse (salt-and-pepper) noise as skimage's {@code random_noise(mode='s&p')}: each value
   * becomes 0 or 1 (even odds) with probability {@code amount}, from 1 % to 7 %.
   */
  static Picture impulse(Picture p, int severity, Random rng) {
    double amount = IMPULSE[severity - 1];
    for (int k = 0; k < p.v.length; k++) {
      if (rng.nextDouble() < amount) {
        p.v[k] = rng.nextBoolean() ? 1f : 0f;
      }
    }
    return p;
  }

  /** Multiplicative speckle noise: {@code x + x N(0, sigma^2)}, {@code sigma} from 0.06 to 0.20. */
  static Picture speckle(Picture p, int severity, Random rng) {
    double sigma = SPECKLE[severity - 1];
    for (int k = 0; k < p.v.length; k++) {
      p.v[k] += (float) (p.v[k] * sigma * rng.nextGaussian());
    }
    return p;
  }
}
