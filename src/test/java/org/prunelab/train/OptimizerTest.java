package org.prunelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Optimizer steps on f(w) = 1/2 w^2 (gradient w) against trajectories worked by hand from the
 * update rules in PyTorch's documentation. Tolerance 1e-6 absolute (float32).
 */
class OptimizerTest {

  private static double[] trajectory(OptimizerSpec spec, double lr, int steps) {
    try (NDManager m = NDManager.newBaseManager(Device.cpu());
        Optimizer opt = Optimizer.of(spec, m)) {
      NDArray w = m.create(new float[] {1f});
      w.setRequiresGradient(true);
      double[] out = new double[steps];
      for (int i = 0; i < steps; i++) {
        try (NDManager step = m.newSubManager()) {
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = w.square().mul(0.5f).sum();
            loss.attach(step);
            gc.backward(loss);
          }
        }
        opt.step(Map.of("w", w), lr);
        out[i] = w.getFloat(0);
      }
      return out;
    }
  }

  @Test
  void stepsOnAThreadOtherThanTheEngineStarter() throws Exception {
    Engine.getInstance(); // started here; a job worker is another thread, whose gradient mode DJL
    // leaves on
    double[][] w = new double[1][];
    Thread worker = new Thread(() -> w[0] = trajectory(OptimizerSpec.sgd(0, false, 0), 0.1, 1));
    Throwable[] failure = new Throwable[1];
    worker.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
    worker.start();
    worker.join();
    assertEquals(null, failure[0], "step on a fresh thread failed");
    assertEquals(0.9, w[0][0], 1e-6); // w1 = 1 - 0.1 * 1
  }

  @Test
  void nesterovSgdFollowsTheHandWorkedTrajectory() {
    // v1 = 1, step 0.9*1 + 1 = 1.9 -> w1 = 0.81; g = 0.81, v2 = 0.9 + 0.81 = 1.71, step 0.9*1.71 +
    // 0.81 = 2.349
    // -> w2 = 0.81 - 0.2349 = 0.5751
    double[] w = trajectory(OptimizerSpec.sgd(0.9, true, 0), 0.1, 2);
    assertEquals(0.81, w[0], 1e-6);
    assertEquals(0.5751, w[1], 1e-6);
  }

  @Test
  void plainMomentumAndWeightDecay() {
    // d = g + 0.1 w = 1.1; v = 1.1; w1 = 1 - 0.1*1.1 = 0.89; d = 0.89*1.1 = 0.979; v = 0.99 + 0.979
    // = 1.969;
    // w2 = 0.89 - 0.1969 = 0.6931
    double[] w = trajectory(OptimizerSpec.sgd(0.9, false, 0.1), 0.1, 2);
    assertEquals(0.89, w[0], 1e-6);
    assertEquals(0.6931, w[1], 1e-6);
  }

  @Test
  void adamTakesSignSizedFirstStepThenFollowsTheMoments() {
    // step 1: m = 0.1, v = 0.001, bias-corrected m/sqrt(v) = 1 -> w1 = 1 - 0.01 = 0.99 (eps
    // negligible)
    double[] w = trajectory(OptimizerSpec.adam(0), 0.01, 2);
    assertEquals(0.99, w[0], 1e-6);
    double m = 0.9 * 0.1 + 0.1 * 0.99;
    double v = 0.999 * 0.001 + 0.001 * 0.99 * 0.99;
    double expected = 0.99 - 0.01 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
    assertEquals(expected, w[1], 1e-6);
  }

  @Test
  void adamWDecaysTheWeightDirectly() {
    // w <- w (1 - lr*lambda) = 0.999, then the sign-sized Adam step 0.01 -> 0.989
    double[] w = trajectory(OptimizerSpec.adamW(0.1), 0.01, 1);
    assertEquals(0.989, w[0], 1e-6);
  }
}
