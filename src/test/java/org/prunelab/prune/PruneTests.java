package org.prunelab.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.layer.Mode;

/**
 * Shared helpers of the pruning tests: seeded parameters and plans, and the surgery-versus-masking
 * check.
 */
final class PruneTests {
  /**
   * Surgery must match the masked original to max|a - b| / max|b| within this (float32 summation
   * order).
   */
  static final double REL = 1e-5;

  private PruneTests() {}

  /**
   * Seeded parameters that keep activations near unit scale in deep networks and make every
   * BatchNorm statistic and bias distinct (so a wrongly sliced one shows): weights N(0, 1 /
   * fan_in); biases, BN shifts and running means N(0, 0.1^2); BN scales and running variances
   * U(0.5, 1.5).
   */
  static Network build(NetworkBuilder builder, long seed) {
    Random random = new Random(seed);
    return builder.build(
        Device.cpu(),
        (name, spec) -> {
          long[] dims = spec.shape().getShape();
          float[] v = new float[Math.toIntExact(spec.shape().size())];
          boolean positive =
              name.endsWith("running_var")
                  || (dims.length == 1 && spec.init() == org.prunelab.nn.layer.ParamSpec.Init.ONES);
          double fanIn = dims.length > 1 ? (double) spec.shape().size() / dims[0] : 1;
          for (int i = 0; i < v.length; i++) {
            v[i] =
                (float)
                    (positive
                        ? 0.5 + random.nextDouble()
                        : dims.length > 1
                            ? random.nextGaussian() / Math.sqrt(fanIn)
                            : 0.1 * random.nextGaussian());
          }
          return v;
        });
  }

  /** For every prunable group a random subset of 1 to all of its channels. */
  static Map<String, int[]> randomPlan(ChannelGroups groups, long seed) {
    Random random = new Random(seed);
    Map<String, int[]> plan = new LinkedHashMap<>();
    for (ChannelGroup g : groups.prunable()) {
      int keep = 1 + random.nextInt(g.channels());
      plan.put(g.id(), random.ints(0, g.channels()).distinct().limit(keep).toArray());
    }
    return plan;
  }

  /** Eval-mode output of the network on a seeded N(0, 1) batch of 4. */
  static float[] output(Network net, long seed) {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Random random = new Random(seed);
      Shape shape = new Shape(4).addAll(net.inputShape());
      float[] x = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) random.nextGaussian();
      }
      NDArray out = net.forward(m.create(x, shape), Mode.EVAL);
      return out.toFloatArray();
    }
  }

  /** max|a - b| / max|b|. */
  static double relativeDifference(float[] actual, float[] expected) {
    assertEquals(expected.length, actual.length, "output length");
    double diff = 0;
    double scale = 0;
    for (int i = 0; i < expected.length; i++) {
      diff = Math.max(diff, Math.abs((double) actual[i] - expected[i]));
      scale = Math.max(scale, Math.abs(expected[i]));
    }
    return diff / scale;
  }

  /**
   * Prunes the network by the plan and checks the three promises: output equal to the masked
   * original's, size equal to the size model's, and the input network untouched. Returns the pruned
   * network's size.
   */
  static NetworkSize checkSurgery(Network net, Map<String, int[]> kept, String what) {
    ChannelGroups groups = ChannelGroups.trace(net);
    PruningPlan plan = new PruningPlan(groups, kept);
    float[] before = output(net, 7);
    long paramsBefore = net.parameterCount();
    try (Network pruned = Surgery.apply(net, plan);
        Network masked = ChannelMasking.zeroed(net, plan)) {
      float[] expected = output(masked, 7);
      float[] actual = output(pruned, 7);
      double rel = relativeDifference(actual, expected);
      assertTrue(rel <= REL, what + ": pruned vs masked relative difference " + rel);
      NetworkSize size = new NetworkSize(pruned.parameterCount(), pruned.macs());
      assertEquals(
          size, SizeModel.of(groups).sizeWith(plan.keptCounts()), what + ": size model vs surgery");
      assertEquals(paramsBefore, net.parameterCount(), what + ": input network changed size");
      assertTrue(
          java.util.Arrays.equals(before, output(net, 7)), what + ": input network changed output");
      return size;
    }
  }
}
