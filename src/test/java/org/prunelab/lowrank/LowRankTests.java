package org.prunelab.lowrank;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.Relu;
import org.prunelab.prune.allocate.Budget;

/** Shared fixtures of the low-rank tests: a small conv net, hand-made plans, seeded inputs. */
final class LowRankTests {
  private LowRankTests() {}

  /**
   * Input 4x8x8; conv (4 -> 6, 3x3, stride 2, pad 1, bias) -> ReLU -> conv2 (6 -> 6, 3x3, pad 1) ->
   * BN -> ReLU -> flatten (96) -> fc (96 -> 5, bias).
   */
  static Network smallConvNet(long seed) {
    NetworkBuilder b = Network.builder(new Shape(4, 8, 8));
    String x = b.add("conv", new Conv2d(4, 6, 3, 3, 2, 2, 1, 1, 1, 1, 1, true), Network.INPUT);
    x = b.add("relu", new Relu(), x);
    x = b.add("conv2", Conv2d.of(6, 6, 3, 1, 1, false), x);
    x = b.add("bn", BatchNorm.of(6), x);
    x = b.add("relu2", new Relu(), x);
    x = b.add("flatten", new Flatten(), x);
    b.add("fc", new Linear(96, 5, true), x);
    Network net = b.build(Device.cpu(), seed);
    // non-trivial biases and BatchNorm statistics, so that folding and bias handling are exercised
    Random r = new Random(seed);
    for (String name :
        List.of(
            "conv.bias", "fc.bias", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var")) {
      NDArray p = net.parameters().get(name);
      float[] v = new float[(int) p.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] =
            name.endsWith("var") || name.endsWith("weight")
                ? 0.5f + r.nextFloat()
                : (float) r.nextGaussian();
      }
      p.set(v);
    }
    return net;
  }

  /** Seeded standard normal inputs of the given shape. */
  static NDArray normal(NDManager m, long seed, long... shape) {
    Random r = new Random(seed);
    Shape s = new Shape(shape);
    float[] v = new float[(int) s.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return m.create(v, s);
  }

  /**
   * A plan that factors the named layers with the given {K, j} and leaves the others as they are.
   */
  static LowRankPlan plan(Spectra spectra, Map<String, int[]> choices) {
    List<LayerPlan> layers = new ArrayList<>();
    for (FactorableLayer fl : spectra.layers()) {
      int[] kj = choices.get(fl.node());
      if (kj == null) {
        layers.add(
            new LayerPlan(
                fl.node(),
                false,
                1,
                fl.maxRank(1),
                fl.maxRank(1),
                0,
                fl.weights(),
                fl.weights() * fl.positions()));
      } else {
        long p = fl.factoredWeights(kj[0], kj[1]);
        layers.add(
            new LayerPlan(
                fl.node(),
                true,
                kj[0],
                kj[1],
                fl.maxRank(kj[0]),
                spectra.errors(spectra.indexOf(fl.node()), kj[0])[kj[1] - 1],
                p,
                p * fl.positions()));
      }
    }
    return new LowRankPlan(LowRankMethod.ALDS, Budget.parameters(1), layers, 0, 0, 0, 0);
  }

  /** Largest |a - b| over largest |a|. */
  static double relativeDifference(float[] a, float[] b) {
    double diff = 0;
    double scale = 0;
    for (int i = 0; i < a.length; i++) {
      diff = Math.max(diff, Math.abs((double) a[i] - b[i]));
      scale = Math.max(scale, Math.abs(a[i]));
    }
    return diff / scale;
  }
}
