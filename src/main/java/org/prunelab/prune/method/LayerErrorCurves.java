package org.prunelab.prune.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prunelab.job.JobContext;
import org.prunelab.nn.ForwardOptions;
import org.prunelab.nn.ForwardResult;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.LayerCall;
import org.prunelab.nn.layer.Mode;
import org.prunelab.prune.ChannelConsumer;
import org.prunelab.prune.ChannelGroup;
import org.prunelab.prune.ChannelGroups;
import org.prunelab.prune.allocate.AllocationUnit;
import org.prunelab.prune.sensitivity.SensitivityException;
import org.prunelab.prune.sensitivity.SensitivityReport;

/**
 * Measures, for every prunable channel group and every keep ratio of a grid, the relative error
 * eps_g(r) = ||z - z_hat|| / ||z|| of the layers that read the group when only that group keeps its
 * max(1, round(r n)) most important channels (importance as the method ranks them, {@link
 * GroupScores}). z stacks the outputs (pre-activation, bias included) of every channel-mixing
 * consumer on the sample set; z_hat is the same with the removed channels zeroed in the consumers'
 * inputs, which is exactly what surgery does to them. The allocation view reads these curves while
 * a ratio is dragged. Samples are processed in chunks, each in its own native-memory scope.
 */
public final class LayerErrorCurves {
  private static final int CHUNK = 64;

  private LayerErrorCurves() {}

  /** Keep ratios 0.05, 0.10, ..., 1.0. */
  public static double[] defaultGrid() {
    double[] grid = new double[20];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = (i + 1) * 0.05;
    }
    return grid;
  }

  /**
   * The curves of every prunable group, ranking channels by {@code report} read on {@code side}.
   */
  public static List<ErrorCurve> measure(
      Network network,
      SensitivityReport report,
      ScoreSide side,
      NDArray samples,
      double[] grid,
      JobContext ctx) {
    ChannelGroups groups = ChannelGroups.trace(network);
    List<ChannelGroup> prunable = groups.prunable();
    Map<String, float[]> importance = new LinkedHashMap<>();
    Set<String> capture = new HashSet<>();
    for (ChannelGroup group : prunable) {
      AllocationUnit unit = GroupScores.unit(network, group, report, side, false);
      importance.put(group.id(), unit.importance());
      for (ChannelConsumer consumer : mixing(group)) {
        capture.add(inputNode(network, consumer));
      }
    }
    Map<String, double[]> removedEnergy = new LinkedHashMap<>();
    Map<String, double[]> outputEnergy = new LinkedHashMap<>();
    prunable.forEach(
        g -> {
          removedEnergy.put(g.id(), new double[grid.length]);
          outputEnergy.put(g.id(), new double[1]);
        });
    long n = samples.getShape().get(0);
    if (n == 0) {
      throw new SensitivityException("error curves need at least one sample image");
    }
    int chunks = (int) ((n + CHUNK - 1) / CHUNK);
    for (int c = 0; c < chunks; c++) {
      ctx.checkCancelled();
      ctx.progress(c, chunks, "layer error curves");
      try (NDManager scope = samples.getManager().newSubManager()) {
        NDArray x =
            samples.get(
                new NDIndex("{}:{}", (long) c * CHUNK, Math.min(n, (long) (c + 1) * CHUNK)));
        x.attach(scope);
        ForwardResult result = network.forward(x, ForwardOptions.capturing(Mode.EVAL, capture));
        for (ChannelGroup group : prunable) {
          accumulate(
              network,
              group,
              importance.get(group.id()),
              grid,
              result.captured(),
              removedEnergy.get(group.id()),
              outputEnergy.get(group.id()));
        }
      }
    }
    ctx.progress(chunks, chunks, "layer error curves");
    List<ErrorCurve> curves = new ArrayList<>();
    for (ChannelGroup group : prunable) {
      double[] errors = removedEnergy.get(group.id()).clone();
      double base = outputEnergy.get(group.id())[0];
      for (int i = 0; i < errors.length; i++) {
        errors[i] = base > 0 ? Math.sqrt(errors[i] / base) : 0;
      }
      curves.add(new ErrorCurve(group.id(), grid, errors));
    }
    return curves;
  }

  private static void accumulate(
      Network network,
      ChannelGroup group,
      float[] importance,
      double[] grid,
      Map<String, NDArray> captured,
      double[] removedEnergy,
      double[] outputEnergy) {
    Integer[] order = new Integer[group.channels()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> Float.compare(importance[b], importance[a]));
    for (ChannelConsumer consumer : mixing(group)) {
      Node node = network.node(consumer.node());
      NDArray input = captured.get(inputNode(network, consumer));
      Map<String, NDArray> params = network.parametersOf(node.name());
      long features = input.getShape().get(1);
      long[] broadcast = new long[input.getShape().dimension()];
      Arrays.fill(broadcast, 1);
      broadcast[1] = features;
      try (NDManager consumerScope = input.getManager().newSubManager()) {
        NDArray z = node.layer().forward(call(input, params));
        z.attach(consumerScope);
        outputEnergy[0] += z.square().sum().getFloat();
        for (int i = 0; i < grid.length; i++) {
          int keep =
              (int) Math.max(1, Math.min(group.channels(), Math.round(grid[i] * group.channels())));
          float[] mask = new float[Math.toIntExact(features)];
          Arrays.fill(mask, 1f);
          for (int r = keep; r < order.length; r++) {
            int first = consumer.offset() + order[r] * consumer.featuresPerChannel();
            Arrays.fill(mask, first, first + consumer.featuresPerChannel(), 0f);
          }
          try (NDManager ratioScope = consumerScope.newSubManager()) {
            NDArray masked = ratioScope.create(mask).reshape(new Shape(broadcast)).mul(input);
            NDArray zHat = node.layer().forward(call(masked, params));
            zHat.attach(ratioScope);
            removedEnergy[i] += zHat.sub(z).square().sum().getFloat();
          }
        }
      }
    }
  }

  private static LayerCall call(NDArray input, Map<String, NDArray> params) {
    return new LayerCall(List.of(input), params, Mode.EVAL);
  }

  private static List<ChannelConsumer> mixing(ChannelGroup group) {
    return group.consumers().stream().filter(c -> !c.tied()).toList();
  }

  private static String inputNode(Network network, ChannelConsumer consumer) {
    return network.node(consumer.node()).inputs().get(consumer.input());
  }
}
