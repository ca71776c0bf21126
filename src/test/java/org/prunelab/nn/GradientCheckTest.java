package org.prunelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.Mode;
import org.prunelab.nn.layer.Relu;
import org.prunelab.train.Losses;
import org.prunelab.train.Optimizer;
import org.prunelab.train.OptimizerSpec;

/**
 * Autograd through the whole graph (Conv2d -> BatchNorm in train mode -> ReLU -> Flatten -> Linear)
 * against central finite differences. The differences perturb one float32 parameter by +-1e-2 and
 * evaluate the mean cross-entropy in float64 on the JVM from the float32 logits. Criterion per
 * parameter tensor: ||g_autograd - g_fd||_2 <= 2e-2 ||g_fd||_2, with ||g_fd||_2 checked not to be
 * tiny.
 */
class GradientCheckTest {
  private static final Shape BATCH = new Shape(6, 1, 4, 4);
  private static final long[] LABELS = {0, 1, 2, 0, 1, 2};
  private static final double EPS = 1e-2;
  private static final double GRAD_TOL = 2e-2;

  private static NetworkBuilder graph() {
    NetworkBuilder b = Network.builder(BATCH.slice(1));
    b.add("conv", new Conv2d(1, 2, 3, 3, 1, 1, 0, 0, 1, 1, 1, true), Network.INPUT); // (2, 2, 2)
    b.add("bn", BatchNorm.of(2), "conv");
    b.add("relu", new Relu(), "bn");
    b.add("flat", new Flatten(), "relu"); // 8
    b.add("fc", new Linear(8, 3, true), "flat");
    return b;
  }

  private static float[] gaussian(Random r, int n, double scale, double shift) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (shift + scale * r.nextGaussian());
    }
    return v;
  }

  private static Map<String, float[]> initialParams() {
    Random r = new Random(11);
    Map<String, float[]> p = new LinkedHashMap<>();
    p.put("conv.weight", gaussian(r, 18, 0.5, 0));
    p.put("conv.bias", gaussian(r, 2, 0.1, 0));
    p.put("bn.weight", gaussian(r, 2, 0.2, 1));
    p.put("bn.bias", gaussian(r, 2, 0.1, 0));
    p.put("bn.running_mean", new float[2]);
    p.put("bn.running_var", new float[] {1, 1});
    p.put("fc.weight", gaussian(r, 24, 0.5, 0));
    p.put("fc.bias", gaussian(r, 3, 0.1, 0));
    return p;
  }

  private static final float[] INPUT = gaussian(new Random(13), (int) BATCH.size(), 1, 0);

  /** Mean cross-entropy in double from logits (N, classes). */
  private static double crossEntropy(float[] logits, int classes) {
    double sum = 0;
    int n = logits.length / classes;
    for (int s = 0; s < n; s++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, logits[s * classes + c]);
      }
      double z = 0;
      for (int c = 0; c < classes; c++) {
        z += Math.exp(logits[s * classes + c] - max);
      }
      sum += -(logits[s * classes + (int) LABELS[s]] - max - Math.log(z));
    }
    return sum / n;
  }

  /** Train-mode loss of a freshly built network with these parameter values. */
  private static double loss(Map<String, float[]> p) {
    try (Network net = graph().build(Device.cpu(), NnTests.exact(p));
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      return crossEntropy(net.forward(m.create(INPUT, BATCH), Mode.TRAIN).toFloatArray(), 3);
    }
  }

  private static double[] finiteDifferences(Map<String, float[]> p, String name) {
    float[] original = p.get(name);
    double[] g = new double[original.length];
    for (int i = 0; i < original.length; i++) {
      Map<String, float[]> plus = new LinkedHashMap<>(p);
      Map<String, float[]> minus = new LinkedHashMap<>(p);
      float[] up = original.clone();
      float[] down = original.clone();
      up[i] = (float) (original[i] + EPS);
      down[i] = (float) (original[i] - EPS);
      plus.put(name, up);
      minus.put(name, down);
      // divide by the step actually taken in float32
      g[i] = (loss(plus) - loss(minus)) / ((double) up[i] - down[i]);
    }
    return g;
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  @Test
  void autogradMatchesFiniteDifferencesAndSgdStepsAlongTheGradient() {
    Map<String, float[]> p = initialParams();
    try (Network net = graph().build(Device.cpu(), NnTests.exact(p));
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray x = m.create(INPUT, BATCH);
      NDArray y = m.create(LABELS);
      for (NDArray w : net.trainableParameters().values()) {
        w.setRequiresGradient(true);
      }
      double lossValue;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = net.forward(x, Mode.TRAIN);
        NDArray loss = Losses.crossEntropy(logits, y);
        lossValue = loss.getFloat();
        assertEquals(
            crossEntropy(logits.toFloatArray(), 3),
            lossValue,
            1e-5 * Math.max(1, lossValue),
            "Losses.crossEntropy is the mean negative log-softmax of the true class");
        gc.backward(loss);
      }
      assertEquals(
          loss(p),
          lossValue,
          1e-5 * Math.max(1, lossValue),
          "the finite-difference loss is the same loss");

      for (String name : List.of("conv.weight", "bn.weight", "bn.bias", "fc.weight", "fc.bias")) {
        float[] autograd = net.parameters().get(name).getGradient().toFloatArray();
        double[] fd = finiteDifferences(p, name);
        double[] diff = new double[fd.length];
        for (int i = 0; i < fd.length; i++) {
          diff[i] = autograd[i] - fd[i];
        }
        assertTrue(norm(fd) > 1e-3, name + ": gradient norm " + norm(fd) + " too small to compare");
        double rel = norm(diff) / norm(fd);
        assertTrue(
            rel <= GRAD_TOL,
            name
                + ": autograd vs finite differences relative error "
                + rel
                + "\n autograd "
                + java.util.Arrays.toString(autograd)
                + "\n fd       "
                + java.util.Arrays.toString(fd));
      }

      // BatchNorm in train mode subtracts the batch mean, so the conv bias cannot change the loss:
      // gradient 0.
      float[] convBiasGrad = net.parameters().get("conv.bias").getGradient().toFloatArray();
      float[] fcWeightGrad = net.parameters().get("fc.weight").getGradient().toFloatArray();
      for (float g : convBiasGrad) {
        assertEquals(0, g, 1e-5, "conv bias gradient under train-mode BatchNorm");
      }

      // One plain SGD step (no momentum, no decay, lr 0.1): w' = w - 0.1 g for every trainable
      // parameter.
      Map<String, float[]> before = new LinkedHashMap<>();
      Map<String, float[]> grads = new LinkedHashMap<>();
      net.parameters().forEach((k, v) -> before.put(k, v.toFloatArray()));
      net.trainableParameters().forEach((k, v) -> grads.put(k, v.getGradient().toFloatArray()));
      try (Optimizer sgd = Optimizer.of(OptimizerSpec.sgd(0, false, 0), m)) {
        sgd.step(net.trainableParameters(), 0.1);
      }
      for (Map.Entry<String, NDArray> e : net.parameters().entrySet()) {
        String name = e.getKey();
        float[] w0 = before.get(name);
        float[] w1 = e.getValue().toFloatArray();
        float[] g = grads.get(name);
        for (int i = 0; i < w0.length; i++) {
          if (g == null) {
            assertEquals(w0[i], w1[i], 0, name + " is a buffer: an optimizer step leaves it alone");
          } else {
            float expected = w0[i] - 0.1f * g[i];
            assertEquals(expected, w1[i], Math.ulp(expected), name + "[" + i + "] = w - 0.1 grad");
          }
        }
      }
      assertTrue(fcWeightGrad[0] != 0, "the checked step moved a weight");
      for (NDArray w : net.trainableParameters().values()) {
        for (float g : w.getGradient().toFloatArray()) {
          assertEquals(0f, g, 0f, "the optimizer zeroes the gradients after the step");
        }
      }
    }
  }
}
