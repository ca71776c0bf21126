package org.prunelab.lowrank;

/**
 * Eigenvalues (and optionally eigenvectors) of a real symmetric matrix in double precision:
 * Householder reduction to tridiagonal form followed by the implicit QL algorithm with
 * Wilkinson-type shifts (EISPACK tred2/tql2, as in Golub and Van Loan, "Matrix Computations",
 * sections 8.3 and 8.4). A = V diag(lambda) V^T with V orthogonal. Eigenvalues come out in
 * descending order, eigenvector i in column i of {@link #vectors()}. Cost about (4/3) n^3 without
 * vectors and about 9 n^3 with them.
 */
final class SymmetricEigen {
  private static final double EPS = Math.ulp(1.0);

  private final double[] values;
  private final double[][] vectors;

  private SymmetricEigen(double[] values, double[][] vectors) {
    this.values = values;
    this.vectors = vectors;
  }

  /**
   * Decomposes the symmetric matrix {@code a} (only read, n x n, rows as arrays).
   *
   * @param withVectors whether to accumulate the eigenvectors
   */
  static SymmetricEigen of(double[][] a, boolean withVectors) {
    int n = a.length;
    double[][] v = new double[n][];
    for (int i = 0; i < n; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException(
            "matrix is not square: row " + i + " has " + a[i].length + " entries");
      }
      v[i] = a[i].clone();
    }
    double[] d = new double[n];
    double[] e = new double[n];
    if (n > 0) {
      tridiagonalize(v, d, e, withVectors);
      ql(v, d, e, withVectors);
    }
    return sortDescending(d, withVectors ? v : null);
  }

  /** Eigenvalues, largest first. */
  double[] values() {
    return values;
  }

  /**
   * Eigenvectors as columns (row i, column k = component i of eigenvector k); null when not
   * requested.
   */
  double[][] vectors() {
    return vectors;
  }

  /**
   * Householder reduction of the symmetric matrix held in v to tridiagonal form (diagonal d,
   * subdiagonal e).
   */
  private static void tridiagonalize(double[][] v, double[] d, double[] e, boolean accumulate) {
    int n = d.length;
    for (int j = 0; j < n; j++) {
      d[j] = v[n - 1][j];
    }
    for (int i = n - 1; i > 0; i--) {
      double scale = 0;
      double h = 0;
      for (int k = 0; k < i; k++) {
        scale += Math.abs(d[k]);
      }
      if (scale == 0) {
        e[i] = d[i - 1];
        for (int j = 0; j < i; j++) {
          d[j] = v[i - 1][j];
          v[i][j] = 0;
          v[j][i] = 0;
        }
      } else {
        for (int k = 0; k < i; k++) {
          d[k] /= scale;
          h += d[k] * d[k];
        }
        double f = d[i - 1];
        double g = Math.sqrt(h);
        if (f > 0) {
          g = -g;
        }
        e[i] = scale * g;
        h -= f * g;
        d[i - 1] = f - g;
        for (int j = 0; j < i; j++) {
          e[j] = 0;
        }
        for (int j = 0; j < i; j++) {
          f = d[j];
          v[j][i] = f;
          g = e[j] + v[j][j] * f;
          for (int k = j + 1; k <= i - 1; k++) {
            g += v[k][j] * d[k];
            e[k] += v[k][j] * f;
          }
          e[j] = g;
        }
        f = 0;
        for (int j = 0; j < i; j++) {
          e[j] /= h;
          f += e[j] * d[j];
        }
        double hh = f / (h + h);
        for (int j = 0; j < i; j++) {
          e[j] -= hh * d[j];
        }
        for (int j = 0; j < i; j++) {
          f = d[j];
          g = e[j];
          for (int k = j; k <= i - 1; k++) {
            v[k][j] -= f * e[k] + g * d[k];
          }
          d[j] = v[i - 1][j];
          v[i][j] = 0;
        }
      }
      d[i] = h;
    }
    if (!accumulate) {
      // the reduction leaves the tridiagonal's diagonal on v's diagonal
      for (int j = 0; j < n; j++) {
        d[j] = v[j][j];
      }
      e[0] = 0;
      return;
    }
    for (int i = 0; i < n - 1; i++) {
      v[n - 1][i] = v[i][i];
      v[i][i] = 1;
      double h = d[i + 1];
      if (h != 0) {
        for (int k = 0; k <= i; k++) {
          d[k] = v[k][i + 1] / h;
        }
        for (int j = 0; j <= i; j++) {
          double g = 0;
          for (int k = 0; k <= i; k++) {
            g += v[k][i + 1] * v[k][j];
          }
          for (int k = 0; k <= i; k++) {
            v[k][j] -= g * d[k];
          }
        }
      }
      for (int k = 0; k <= i; k++) {
        v[k][i + 1] = 0;
      }
    }
    for (int j = 0; j < n; j++) {
      d[j] = v[n - 1][j];
      v[n - 1][j] = 0;
    }
    v[n - 1][n - 1] = 1;
    e[0] = 0;
  }

  /**
   * Implicit QL iterations on the tridiagonal (d, e), rotating the columns of v when accumulating.
   */
  private static void ql(double[][] v, double[] d, double[] e, boolean accumulate) {
    int n = d.length;
    for (int i = 1; i < n; i++) {
      e[i - 1] = e[i];
    }
    e[n - 1] = 0;
    double f = 0;
    double tst1 = 0;
    for (int l = 0; l < n; l++) {
      tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
      int m = l;
      while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) {
        m++;
      }
      if (m > l) {
        int iterations = 0;
        do {
          if (++iterations > 100) {
            throw new IllegalStateException("symmetric eigenvalue iteration did not converge");
          }
          double g = d[l];
          double p = (d[l + 1] - g) / (2 * e[l]);
          double r = Math.hypot(p, 1);
          if (p < 0) {
            r = -r;
          }
          d[l] = e[l] / (p + r);
          d[l + 1] = e[l] * (p + r);
          double dl1 = d[l + 1];
          double h = g - d[l];
          for (int i = l + 2; i < n; i++) {
            d[i] -= h;
          }
          f += h;
          p = d[m];
          double c = 1;
          double c2 = c;
          double c3 = c;
          double el1 = e[l + 1];
          double s = 0;
          double s2 = 0;
          for (int i = m - 1; i >= l; i--) {
            c3 = c2;
            c2 = c;
            s2 = s;
            g = c * e[i];
            h = c * p;
            r = Math.hypot(p, e[i]);
            e[i + 1] = s * r;
            s = e[i] / r;
            c = p / r;
            p = c * d[i] - s * g;
            d[i + 1] = h + s * (c * g + s * d[i]);
            if (accumulate) {
              for (int k = 0; k < n; k++) {
                h = v[k][i + 1];
                v[k][i + 1] = s * v[k][i] + c * h;
                v[k][i] = c * v[k][i] - s * h;
              }
            }
          }
          p = -s * s2 * c3 * el1 * e[l] / dl1;
          e[l] = s * p;
          d[l] = c * p;
        } while (Math.abs(e[l]) > EPS * tst1);
      }
      d[l] += f;
      e[l] = 0;
    }
  }

  private static SymmetricEigen sortDescending(double[] d, double[][] v) {
    int n = d.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(d[y], d[x]));
    double[] values = new double[n];
    double[][] vectors = v == null ? null : new double[n][n];
    for (int k = 0; k < n; k++) {
      values[k] = d[order[k]];
      if (v != null) {
        for (int i = 0; i < n; i++) {
          vectors[i][k] = v[i][order[k]];
        }
      }
    }
    return new SymmetricEigen(values, vectors);
  }
}
