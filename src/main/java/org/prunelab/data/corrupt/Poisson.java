package org.prunelab.data.corrupt;

import java.util.Random;

/**
 * Poisson random numbers: Knuth's multiplication method for {@code lambda < 10} and Hormann's
 * transformed rejection with squeeze (PTRS, "The transformed rejection method for generating
 * Poisson random variables", 1993; the method numpy uses) above, both exact.
 */
final class Poisson {

  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private Poisson() {}

  /** One draw from Poisson({@code lambda}), {@code lambda >= 0}. */
  static int sample(double lambda, Random rng) {
    if (lambda <= 0) {
      return 0;
    }
    return lambda < 10 ? knuth(lambda, rng) : ptrs(lambda, rng);
  }

  private static int knuth(double lambda, Random rng) {
    double limit = Math.exp(-lambda);
    double product = rng.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      k++;
    }
    return k;
  }

  private static int ptrs(double lambda, Random rng) {
    double slam = Math.sqrt(lambda);
    double loglam = Math.log(lambda);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) {
        return (int) k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b)
          <= -lambda + k * loglam - logFactorial(k)) {
        return (int) k;
      }
    }
  }

  /**
   * {@code ln(k!)}: a direct sum below 20, else Stirling's series to the {@code k^-5} term (error
   * below 1e-12).
   */
  static double logFactorial(long k) {
    if (k < 20) {
      double s = 0;
      for (int i = 2; i <= k; i++) {
        s += Math.log(i);
      }
      return s;
    }
    double n = k;
    double inv = 1 / n;
    double inv2 = inv * inv;
    return (n + 0.5) * Math.log(n)
        - n
        + LOG_SQRT_2PI
        + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
  }
}
