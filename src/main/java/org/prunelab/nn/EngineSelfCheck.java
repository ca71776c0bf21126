package org.prunelab.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Optional;
import java.util.Random;

/**
 * Checks that libtorch computes convolutions correctly on this CPU: the forward pass and the input
 * gradient of two small convolutions (LeNet-5's 20 -> 50 5x5 and a 16 -> 5 3x3 with padding)
 * against a direct float64 computation on the JVM. On some virtualised AMD EPYC CPUs, libtorch
 * 2.7.1's oneDNN AVX2/AVX-512 kernels return wrong values for such shapes (errors of order 1, NaN);
 * limiting oneDNN to SSE4.1 ({@code ONEDNN_MAX_CPU_ISA=SSE41}) makes them exact. See
 * docs/adr/0003-onednn-isa-guard.md.
 */
public final class EngineSelfCheck {
  /** Environment variable that caps oneDNN's instruction set. */
  public static final String ISA_VARIABLE = "ONEDNN_MAX_CPU_ISA";

  /** The cap under which the checked kernels are exact on the affected CPUs. */
  public static final String SAFE_ISA = "SSE41";

  private static final double TOLERANCE = 1e-3;

  private EngineSelfCheck() {}

  /** A description of the first wrong result, or empty when every checked convolution is exact. */
  public static Optional<String> run() {
    Optional<String> first = check(4, 20, 50, 12, 5, 0);
    return first.isPresent() ? first : check(4, 16, 5, 14, 3, 1);
  }

  private static Optional<String> check(int n, int c, int o, int size, int k, int pad) {
    Random random = new Random(7);
    float[] x = new float[n * c * size * size];
    float[] w = new float[o * c * k * k];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (0.1 * random.nextGaussian());
    }
    int out = size + 2 * pad - k + 1;
    float[] y;
    float[] grad;
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray input = m.create(x, new Shape(n, c, size, size));
      NDArray weight = m.create(w, new Shape(o, c, k, k));
      input.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray result =
            ai.djl.nn.convolutional.Conv2d.conv2d(
                    input, weight, null, new Shape(1, 1), new Shape(pad, pad), new Shape(1, 1), 1)
                .singletonOrThrow();
        y = result.toFloatArray();
        gc.backward(result.square().sum());
      }
      grad = input.getGradient().toFloatArray();
    }
    double[] ref = new double[n * o * out * out];
    double yErr = 0;
    for (int b = 0; b < n; b++) {
      for (int f = 0; f < o; f++) {
        for (int i = 0; i < out; i++) {
          for (int j = 0; j < out; j++) {
            double s = 0;
            for (int ch = 0; ch < c; ch++) {
              for (int u = 0; u < k; u++) {
                for (int v = 0; v < k; v++) {
                  int ii = i + u - pad;
                  int jj = j + v - pad;
                  if (ii >= 0 && jj >= 0 && ii < size && jj < size) {
                    s +=
                        x[((b * c + ch) * size + ii) * size + jj]
                            * (double) w[((f * c + ch) * k + u) * k + v];
                  }
                }
              }
            }
            int idx = ((b * o + f) * out + i) * out + j;
            ref[idx] = s;
            yErr = Math.max(yErr, Math.abs(s - y[idx]));
          }
        }
      }
    }
    double gErr = 0;
    for (int b = 0; b < n; b++) {
      for (int ch = 0; ch < c; ch++) {
        for (int ii = 0; ii < size; ii++) {
          for (int jj = 0; jj < size; jj++) {
            double s = 0;
            for (int f = 0; f < o; f++) {
              for (int u = 0; u < k; u++) {
                for (int v = 0; v < k; v++) {
                  int i = ii - u + pad;
                  int j = jj - v + pad;
                  if (i >= 0 && j >= 0 && i < out && j < out) {
                    s +=
                        2
                            * ref[((b * o + f) * out + i) * out + j]
                            * w[((f * c + ch) * k + u) * k + v];
                  }
                }
              }
            }
            gErr = Math.max(gErr, Math.abs(s - grad[((b * c + ch) * size + ii) * size + jj]));
          }
        }
      }
    }
    if (!(yErr < TOLERANCE) || !(gErr < TOLERANCE)) {
      return Optional.of(
          String.format(
              "libtorch's %d->%d %dx%d convolution is wrong on this CPU (max error: "
                  + "output %.3g, input gradient %.3g)",
              c, o, k, k, yErr, gErr));
    }
    return Optional.empty();
  }
}
