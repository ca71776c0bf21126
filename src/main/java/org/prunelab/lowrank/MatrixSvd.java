package org.prunelab.lowrank;

/**
 * Singular values and best rank-r factors of a real matrix A (m x n, read in place from a row-major
 * array), from the eigen-decomposition of the smaller Gram matrix: A A^T = U diag(sigma^2) U^T when
 * m <= n, else A^T A = V diag(sigma^2) V^T. The rank-r factors are written as a projection so no
 * singular value is ever divided by: A_r = U_r U_r^T A = (A V_r) V_r^T, which is the
 * Eckart-Young-Mirsky optimum A_r = U_r S_r V_r^T. They are split evenly, encoder E = sqrt(S_r)
 * V_r^T (r x n) and decoder D = U_r sqrt(S_r) (m x r), so that D E = A_r and both factors have
 * condition number sqrt(sigma_1 / sigma_r) rather than one of them sigma_1 / sigma_r.
 */
final class MatrixSvd {
  private MatrixSvd() {}

  /** A rank-r factorisation D E of a matrix: encoder rows (r x n) and decoder rows (m x r). */
  record Split(double[][] encoder, double[][] decoder) {}

  /**
   * Singular values of the m x n matrix whose row i is {@code a[offset + i * stride ...]}, largest
   * first; there are min(m, n) of them.
   */
  static double[] singularValues(double[] a, int offset, int stride, int m, int n) {
    double[] lambda = SymmetricEigen.of(gram(a, offset, stride, m, n), false).values();
    double[] sigma = new double[lambda.length];
    for (int i = 0; i < sigma.length; i++) {
      sigma[i] = Math.sqrt(Math.max(0, lambda[i]));
    }
    return sigma;
  }

  /**
   * The best rank-r factors of the matrix (row i at {@code a[offset + i * stride ...]}), 1 <= r <=
   * min(m, n).
   */
  static Split factors(double[] a, int offset, int stride, int m, int n, int r) {
    if (r < 1 || r > Math.min(m, n)) {
      throw new IllegalArgumentException(
          "rank " + r + " outside [1, " + Math.min(m, n) + "] for a " + m + " x " + n + " matrix");
    }
    double[][] q = SymmetricEigen.of(gram(a, offset, stride, m, n), true).vectors();
    double[][] encoder = new double[r][n];
    double[][] decoder = new double[m][r];
    for (int i = 0; i < r; i++) {
      if (m <= n) {
        // row = u_i^T A = sigma_i v_i^T
        double[] row = encoder[i];
        for (int k = 0; k < m; k++) {
          double u = q[k][i];
          int base = offset + k * stride;
          for (int t = 0; t < n; t++) {
            row[t] += u * a[base + t];
          }
        }
        double s = Math.sqrt(norm(row));
        for (int t = 0; t < n; t++) {
          row[t] = s == 0 ? 0 : row[t] / s;
        }
        for (int k = 0; k < m; k++) {
          decoder[k][i] = q[k][i] * s;
        }
      } else {
        // column = A v_i = sigma_i u_i
        double[] column = new double[m];
        for (int k = 0; k < m; k++) {
          int base = offset + k * stride;
          double sum = 0;
          for (int t = 0; t < n; t++) {
            sum += a[base + t] * q[t][i];
          }
          column[k] = sum;
        }
        double s = Math.sqrt(norm(column));
        for (int k = 0; k < m; k++) {
          decoder[k][i] = s == 0 ? 0 : column[k] / s;
        }
        for (int t = 0; t < n; t++) {
          encoder[i][t] = q[t][i] * s;
        }
      }
    }
    return new Split(encoder, decoder);
  }

  private static double norm(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }

  /** A A^T (m <= n) or A^T A (m > n). */
  private static double[][] gram(double[] a, int offset, int stride, int m, int n) {
    if (m <= n) {
      double[][] g = new double[m][m];
      for (int i = 0; i < m; i++) {
        int bi = offset + i * stride;
        for (int k = 0; k <= i; k++) {
          int bk = offset + k * stride;
          double sum = 0;
          for (int t = 0; t < n; t++) {
            sum += a[bi + t] * a[bk + t];
          }
          g[i][k] = sum;
          g[k][i] = sum;
        }
      }
      return g;
    }
    double[][] g = new double[n][n];
    for (int i = 0; i < m; i++) {
      int base = offset + i * stride;
      for (int s = 0; s < n; s++) {
        double x = a[base + s];
        if (x == 0) {
          continue;
        }
        double[] row = g[s];
        for (int t = 0; t <= s; t++) {
          row[t] += x * a[base + t];
        }
      }
    }
    for (int s = 0; s < n; s++) {
      for (int t = 0; t < s; t++) {
        g[t][s] = g[s][t];
      }
    }
    return g;
  }
}
