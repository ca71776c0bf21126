package org.prunelab.lowrank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The plain-Java eigen and singular value decompositions against hand-worked values and defining
 * identities.
 */
class MatrixSvdTest {

  @Test
  void eigenOfHandWorkedMatrix() {
    // [[2, 1], [1, 2]]: eigenvalues 3 (vector (1, 1)/sqrt 2) and 1 (vector (1, -1)/sqrt 2)
    SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}}, true);
    assertArrayEquals(new double[] {3, 1}, e.values(), 1e-14);
    assertEquals(1 / Math.sqrt(2), Math.abs(e.vectors()[0][0]), 1e-14);
    assertEquals(e.vectors()[0][0], e.vectors()[1][0], 1e-14);
    assertEquals(-e.vectors()[0][1], e.vectors()[1][1], 1e-14);
  }

  @Test
  void eigenSatisfiesDefinitionOnRandomSymmetricMatrices() {
    for (int n : new int[] {1, 2, 7, 40}) {
      double[][] b = Matrices.random(n, n, n);
      double[][] a = Matrices.multiply(b, Matrices.transpose(b));
      a[0][0] -= 3; // not positive definite
      SymmetricEigen e = SymmetricEigen.of(a, true);
      double[][] v = e.vectors();
      double[][] av = Matrices.multiply(a, v);
      double scale = Matrices.frobenius(a);
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
          assertEquals(v[i][k] * e.values()[k], av[i][k], 1e-12 * scale, "A v = lambda v, n=" + n);
          double dot = 0;
          for (int t = 0; t < n; t++) {
            dot += v[t][i] * v[t][k];
          }
          assertEquals(i == k ? 1 : 0, dot, 1e-12, "V orthonormal, n=" + n);
        }
        if (i > 0) {
          assertEquals(true, e.values()[i - 1] >= e.values()[i], "descending");
        }
      }
      assertArrayEquals(
          e.values(),
          SymmetricEigen.of(a, false).values(),
          1e-12 * scale,
          "values without vectors, n=" + n);
    }
  }

  @Test
  void singularValuesOfHandWorkedMatrix() {
    // A = [[3, 0], [4, 5]]: A^T A = [[25, 20], [20, 25]], eigenvalues 45 and 5, so sigma = 3 sqrt
    // 5, sqrt 5
    double[] a = {3, 0, 4, 5};
    assertArrayEquals(
        new double[] {3 * Math.sqrt(5), Math.sqrt(5)},
        MatrixSvd.singularValues(a, 0, 2, 2, 2),
        1e-13);
  }

  @Test
  void truncatedFactorsAreTheEckartYoungOptimumForWideAndTallMatrices() {
    for (int[] mn : new int[][] {{6, 15}, {15, 6}}) {
      int m = mn[0];
      int n = mn[1];
      double[][] a = Matrices.random(m, n, 11);
      double[] sigma = MatrixSvd.singularValues(Matrices.flat(a), 0, n, m, n);
      double frob = 0;
      for (double s : sigma) {
        frob += s * s;
      }
      assertEquals(Math.pow(Matrices.frobenius(a), 2), frob, 1e-10, "sum of sigma^2 = ||A||_F^2");
      assertEquals(Matrices.operatorNorm(a), sigma[0], 1e-10, "sigma_1 = ||A||_2");
      for (int r = 1; r <= Math.min(m, n); r++) {
        MatrixSvd.Split s = MatrixSvd.factors(Matrices.flat(a), 0, n, m, n, r);
        double[][] residual = Matrices.minus(a, Matrices.multiply(s.decoder(), s.encoder()));
        double expected = r < sigma.length ? sigma[r] : 0;
        assertEquals(expected, Matrices.operatorNorm(residual), 1e-10, m + "x" + n + " rank " + r);
      }
    }
  }

  @Test
  void readsASubmatrixInPlace() {
    // columns 2..3 of a 2 x 4 matrix: [[1, 0], [0, 2]] -> sigma 2, 1
    double[] a = {9, 9, 1, 0, 9, 9, 0, 2};
    assertArrayEquals(new double[] {2, 1}, MatrixSvd.singularValues(a, 2, 4, 2, 2), 1e-14);
  }
}
