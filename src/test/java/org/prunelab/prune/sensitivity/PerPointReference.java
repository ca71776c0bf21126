package org.prunelab.prune.sensitivity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.prunelab.nn.ForwardOptions;
import org.prunelab.nn.ForwardResult;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.Mode;

/**
 * The PFP/SiPP definition written out literally, for one image at a time in float64 with plain
 * loops: for every layer input a (captured by an eval-mode forward of the single image; a+ and -a-
 * as two inputs if a has negative values), every output i, position p and weight (j, k) of i's
 * group, g = max(w+ a / z+, w- a / z-) with z+- = sum over the receptive field of w+- a, and a term
 * counting 0 where |z| <= float32 eps. Returns per layer s_{i,(j,k)} = max_x red_p g in the
 * weight's element order.
 */
final class PerPointReference {
  private static final double EPS = Math.ulp(1f);

  private PerPointReference() {}

  static Map<String, double[]> weightSensitivities(Network net, NDArray images, boolean mean) {
    Set<String> inputs = new HashSet<>();
    for (Node n : net.nodes()) {
      if (n.layer() instanceof Conv2d || n.layer() instanceof Linear) {
        inputs.add(n.inputs().get(0));
      }
    }
    inputs.remove(Network.INPUT);
    Map<String, double[]> out = new LinkedHashMap<>();
    long count = images.getShape().get(0);
    try (NDManager scope = images.getManager().newSubManager()) {
      NDArray all = images.duplicate();
      all.attach(scope);
      ForwardResult r = net.forward(all, ForwardOptions.capturing(Mode.EVAL, inputs));
      for (Node n : net.nodes()) {
        if (!(n.layer() instanceof Conv2d) && !(n.layer() instanceof Linear)) {
          continue;
        }
        String in = n.inputs().get(0);
        NDArray batch = in.equals(Network.INPUT) ? all : r.captured().get(in);
        float[] w = net.parametersOf(n.name()).get("weight").toFloatArray();
        double[] s = new double[w.length];
        out.put(n.name(), s);
        for (long x = 0; x < count; x++) {
          NDArray activation = batch.get(x).expandDims(0);
          activation.attach(scope);
          float[] a = activation.toFloatArray();
          Shape shape = activation.getShape();
          boolean negative = false;
          for (float v : a) {
            negative |= v < 0;
          }
          for (int sign : negative ? new int[] {1, -1} : new int[] {1}) {
            double[] part = new double[a.length];
            for (int e = 0; e < a.length; e++) {
              part[e] = Math.max(0, sign * (double) a[e]);
            }
            double[] g =
                n.layer() instanceof Conv2d c
                    ? conv(c, part, shape, w, mean)
                    : conv(
                        Conv2d.of(
                            ((Linear) n.layer()).inFeatures(),
                            ((Linear) n.layer()).outFeatures(),
                            1,
                            1,
                            0,
                            false),
                        part,
                        new Shape(1, shape.get(1), 1, 1),
                        w,
                        mean);
            for (int e = 0; e < s.length; e++) {
              s[e] = Math.max(s[e], g[e]);
            }
          }
        }
      }
    }
    return out;
  }

  /** Per weight red_p g for one non-negative input a of shape (1, C, H, W). */
  private static double[] conv(Conv2d c, double[] a, Shape shape, float[] w, boolean mean) {
    int channels = c.inChannels();
    int h = (int) shape.get(2);
    int wd = (int) shape.get(3);
    int outH = (h + 2 * c.padH() - c.dilationH() * (c.kernelH() - 1) - 1) / c.strideH() + 1;
    int outW = (wd + 2 * c.padW() - c.dilationW() * (c.kernelW() - 1) - 1) / c.strideW() + 1;
    int inPer = channels / c.groups();
    int outPer = c.outChannels() / c.groups();
    int k = c.kernelH() * c.kernelW();
    double[] red = new double[w.length];
    double positions = outH * outW;
    for (int i = 0; i < c.outChannels(); i++) {
      int group = i / outPer;
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          double zPlus = 0;
          double zMinus = 0;
          double[] terms = new double[inPer * k];
          for (int jl = 0; jl < inPer; jl++) {
            for (int ky = 0; ky < c.kernelH(); ky++) {
              for (int kx = 0; kx < c.kernelW(); kx++) {
                int iy = oy * c.strideH() - c.padH() + ky * c.dilationH();
                int ix = ox * c.strideW() - c.padW() + kx * c.dilationW();
                double value =
                    iy < 0 || iy >= h || ix < 0 || ix >= wd
                        ? 0
                        : a[((group * inPer + jl) * h + iy) * wd + ix];
                double weight = w[(i * inPer + jl) * k + ky * c.kernelW() + kx];
                double term = weight * value;
                terms[jl * k + ky * c.kernelW() + kx] = term;
                if (weight > 0) {
                  zPlus += term;
                } else {
                  zMinus += term;
                }
              }
            }
          }
          for (int e = 0; e < terms.length; e++) {
            double weight = w[i * inPer * k + e];
            double plus = weight > 0 && Math.abs(zPlus) > EPS ? terms[e] / zPlus : 0;
            double minus = weight < 0 && Math.abs(zMinus) > EPS ? terms[e] / zMinus : 0;
            double g = Math.max(plus, minus);
            int idx = i * inPer * k + e;
            red[idx] = mean ? red[idx] + g / positions : Math.max(red[idx], g);
          }
        }
      }
    }
    return red;
  }

  /**
   * Per input channel the largest weight sensitivity over the outputs of its group and the kernel.
   */
  static double[] perInputChannel(Node node, double[] weights) {
    int in;
    int out;
    int groups;
    int k;
    if (node.layer() instanceof Conv2d c) {
      in = c.inChannels();
      out = c.outChannels();
      groups = c.groups();
      k = c.kernelH() * c.kernelW();
    } else {
      Linear l = (Linear) node.layer();
      in = l.inFeatures();
      out = l.outFeatures();
      groups = 1;
      k = 1;
    }
    double[] s = new double[in];
    int inPer = in / groups;
    for (int i = 0; i < out; i++) {
      for (int jl = 0; jl < inPer; jl++) {
        int j = i / (out / groups) * inPer + jl;
        for (int kk = 0; kk < k; kk++) {
          s[j] = Math.max(s[j], weights[(i * inPer + jl) * k + kk]);
        }
      }
    }
    return s;
  }
}
