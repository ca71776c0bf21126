package org.prunelab.lowrank;

import java.util.Random;

/**
 * Straightforward dense double matrix helpers for the low-rank tests, independent of the code under
 * test.
 */
final class Matrices {
  private Matrices() {}

  static double[][] random(int m, int n, long seed) {
    Random r = new Random(seed);
    double[][] a = new double[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = r.nextGaussian();
      }
    }
    return a;
  }

  static double[][] multiply(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < b.length; k++) {
        for (int j = 0; j < b[0].length; j++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }

  static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }

  static double[][] minus(double[][] a, double[][] b) {
    double[][] c = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        c[i][j] = a[i][j] - b[i][j];
      }
    }
    return c;
  }

  /** Columns [from, to) of a. */
  static double[][] columns(double[][] a, int from, int to) {
    double[][] c = new double[a.length][to - from];
    for (int i = 0; i < a.length; i++) {
      System.arraycopy(a[i], from, c[i], 0, to - from);
    }
    return c;
  }

  /** Row-major values as an m x n matrix. */
  static double[][] of(float[] values, int m, int n) {
    double[][] a = new double[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = values[i * n + j];
      }
    }
    return a;
  }

  static double[] flat(double[][] a) {
    int n = a[0].length;
    double[] out = new double[a.length * n];
    for (int i = 0; i < a.length; i++) {
      System.arraycopy(a[i], 0, out, i * n, n);
    }
    return out;
  }

  static double frobenius(double[][] a) {
    double s = 0;
    for (double[] row : a) {
      for (double v : row) {
        s += v * v;
      }
    }
    return Math.sqrt(s);
  }

  /** Largest singular value by power iteration on A^T A (Rayleigh quotient), from a fixed start. */
  static double operatorNorm(double[][] a) {
    int n = a[0].length;
    double[] x = new double[n];
    Random r = new Random(7);
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
    }
    double sigma = 0;
    for (int it = 0; it < 5000; it++) {
      double norm = Math.sqrt(dot(x, x));
      if (norm == 0) {
        return 0;
      }
      for (int i = 0; i < n; i++) {
        x[i] /= norm;
      }
      double[] y = apply(a, x);
      double next = Math.sqrt(dot(y, y));
      x = applyTransposed(a, y);
      if (it > 50 && Math.abs(next - sigma) <= 1e-15 * next) {
        return next;
      }
      sigma = next;
    }
    return sigma;
  }

  private static double[] apply(double[][] a, double[] x) {
    double[] y = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      y[i] = dot(a[i], x);
    }
    return y;
  }

  private static double[] applyTransposed(double[][] a, double[] y) {
    double[] x = new double[a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < x.length; j++) {
        x[j] += a[i][j] * y[i];
      }
    }
    return x;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
