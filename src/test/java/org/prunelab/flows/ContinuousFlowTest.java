package org.prunelab.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CNF's change of variables (float64): on the linear flow dz/dt = A z the log-density change is
 * -T tr(A) and log p(x) = log N(exp(TA) x) + T tr(A) within 1e-4; the field's Jacobian-vector
 * products equal central differences; Hutchinson's estimate converges to the exact trace within
 * four standard errors (each below 1.5 % of ||S||_F, S = (J + J^T)/2) with 20000 probes; sampling
 * runs the flow backwards.
 */
class ContinuousFlowTest {
  private static final double T = 0.5;
  private static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager(Device.cpu());
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  /** f(z, t) = A z as an MLP without hidden layers: W = [A | 0], b = 0. */
  private static MlpField linearField() {
    MlpField field =
        MlpField.create(new MlpSpec(2, List.of(), Nonlinearity.TANH), DataType.FLOAT64, 1, manager);
    double[][] a = LinearSystem.A;
    field.weight(0).set(new double[] {a[0][0], a[0][1], 0, a[1][0], a[1][1], 0});
    field.bias(0).set(new double[] {0, 0});
    return field;
  }

  @Test
  void linearFlowChangesTheLogDensityByMinusTTimesTheTrace() {
    double trace = LinearSystem.A[0][0] + LinearSystem.A[1][1];
    double[][] x = {{0.3, -1.2}, {2.0, 0.5}, {-0.7, 0.1}};
    try (MlpField field = linearField();
        NDManager scope = manager.newSubManager()) {
      ContinuousFlow flow =
          new ContinuousFlow(
              field, new FixedStepSolver(SolverKind.RK4, 20), T, TraceEstimator.exact());
      LogDensity density = flow.logDensity(scope.create(x), 0);
      double[] change = density.change().toDoubleArray();
      double[] logp = density.logDensity().toDoubleArray();
      for (int n = 0; n < x.length; n++) {
        assertEquals(-T * trace, change[n], 1e-4);
        double[] z = LinearSystem.exact(T, x[n]);
        double base = -Math.log(2 * Math.PI) - (z[0] * z[0] + z[1] * z[1]) / 2;
        assertEquals(base + T * trace, logp[n], 1e-4);
      }
      assertEquals(80, density.evaluations());
    }
  }

  @Test
  void dopri5GivesTheSameLinearLogDensityChange() {
    double trace = LinearSystem.A[0][0] + LinearSystem.A[1][1];
    try (MlpField field = linearField();
        NDManager scope = manager.newSubManager()) {
      ContinuousFlow flow =
          new ContinuousFlow(
              field, SolverSpec.dopri5(1e-6, 1e-8, 1000).create(), T, TraceEstimator.exact());
      LogDensity density = flow.logDensity(scope.create(new double[][] {{0.3, -1.2}}), 0);
      assertEquals(-T * trace, density.change().getDouble(0), 1e-4);
      double[] z = LinearSystem.exact(T, new double[] {0.3, -1.2});
      assertEquals(z[0], density.latent().getDouble(0, 0), 1e-5);
      assertEquals(z[1], density.latent().getDouble(0, 1), 1e-5);
    }
  }

  @Test
  void samplingIntegratesBackwardsFromTheBase() {
    try (MlpField field = linearField();
        NDManager scope = manager.newSubManager()) {
      ContinuousFlow flow =
          new ContinuousFlow(
              field, new FixedStepSolver(SolverKind.RK4, 20), T, TraceEstimator.exact());
      double[] points = flow.sample(scope, 3, 42).points().toDoubleArray();
      Random random = new Random(42);
      for (int n = 0; n < 3; n++) {
        double[] z = {random.nextGaussian(), random.nextGaussian()};
        double[] x = LinearSystem.exact(-T, z);
        assertEquals(x[0], points[2 * n], 1e-6);
        assertEquals(x[1], points[2 * n + 1], 1e-6);
      }
    }
  }

  @Test
  void jacobianVectorProductsEqualCentralDifferences() {
    try (MlpField field =
            MlpField.create(
                new MlpSpec(2, List.of(8, 8), Nonlinearity.SIGMOID), DataType.FLOAT64, 3, manager);
        NDManager scope = manager.newSubManager()) {
      double[] z = {0.4, -0.9};
      NDArray probes = TraceEstimator.exact().probes(scope, 1, 2, DataType.FLOAT64, 0);
      double[] jvp =
          field.valueAndJvp(0.3, scope.create(z).reshape(1, 2), probes).jvp().toDoubleArray();
      double eps = 1e-6;
      for (int k = 0; k < 2; k++) {
        double[] plus = z.clone();
        double[] minus = z.clone();
        plus[k] += eps;
        minus[k] -= eps;
        double[] fp = field.at(0.3, scope.create(plus).reshape(1, 2)).toDoubleArray();
        double[] fm = field.at(0.3, scope.create(minus).reshape(1, 2)).toDoubleArray();
        for (int i = 0; i < 2; i++) {
          // probe k is e_k, so jvp[k][i] = df_i / dz_k
          assertEquals((fp[i] - fm[i]) / (2 * eps), jvp[2 * k + i], 1e-8);
        }
      }
    }
  }

  @Test
  void hutchinsonConvergesToTheExactTrace() {
    int d = 5;
    int probes = 20_000;
    try (MlpField field =
            MlpField.create(
                new MlpSpec(d, List.of(16), Nonlinearity.SOFTPLUS), DataType.FLOAT64, 5, manager);
        NDManager scope = manager.newSubManager()) {
      NDArray z = scope.create(new double[] {0.5, -1, 0.2, 1.5, -0.3}).reshape(1, d);
      NDArray unit = TraceEstimator.exact().probes(scope, 1, d, DataType.FLOAT64, 0);
      double[] columns = field.valueAndJvp(0.1, z, unit).jvp().toDoubleArray();
      double[][] jac = new double[d][d];
      double exact = 0;
      for (int k = 0; k < d; k++) {
        for (int i = 0; i < d; i++) {
          jac[i][k] = columns[d * k + i];
        }
        exact += jac[k][k];
      }
      double offDiagonal = 0;
      double frobenius = 0;
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          double s = (jac[i][j] + jac[j][i]) / 2;
          frobenius += s * s;
          offDiagonal += i == j ? 0 : s * s;
        }
      }
      for (TraceEstimator.Noise noise : TraceEstimator.Noise.values()) {
        TraceEstimator hutchinson = new TraceEstimator.Hutchinson(noise, probes);
        NDArray v = hutchinson.probes(scope, 1, d, DataType.FLOAT64, 17);
        NDArray jv = field.valueAndJvp(0.1, z, v).jvp();
        double estimate = jv.mul(v).sum().getDouble() * hutchinson.weight(d);
        double variance =
            noise == TraceEstimator.Noise.RADEMACHER ? 2 * offDiagonal : 2 * frobenius;
        double standardError = Math.sqrt(variance / probes);
        System.err.printf(
            "Hutchinson %s: estimate %.5f, exact %.5f, standard error %.5f%n",
            noise, estimate, exact, standardError);
        assertTrue(standardError < 0.015 * Math.sqrt(frobenius), "the check must be sharp");
        assertEquals(exact, estimate, 4 * standardError, noise.toString());
      }
    }
  }

  @Test
  void probesAreFixedBySeed() {
    try (NDManager scope = manager.newSubManager()) {
      TraceEstimator h = TraceEstimator.hutchinson();
      NDArray a = h.probes(scope, 4, 3, DataType.FLOAT32, 9);
      NDArray b = h.probes(scope, 4, 3, DataType.FLOAT32, 9);
      assertEquals(new Shape(4, 1, 3), a.getShape());
      assertTrue(a.contentEquals(b));
      assertEquals(12f, a.abs().sum().getFloat(), 0);
    }
  }
}
