package org.prunelab.prune;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.Linear;
import org.prunelab.nn.layer.ParamSpec;

/**
 * The exact size of the network {@link Surgery} would produce for given kept channel counts,
 * without building it: per layer with I kept input features and O kept outputs, a convolution has O
 * I k_h k_w (+ O bias) parameters and H_out W_out O I k_h k_w MACs, a depthwise one O k_h k_w (+ O)
 * and H_out W_out O k_h k_w, a linear layer O I (+ O) and O I, BatchNorm 2 O parameters; I and O
 * are sums over the groups a tensor holds of (kept channels) x (features per channel). Pure Java,
 * O(number of layers) per call, so the allocation view can call it on every mouse move.
 */
public final class SizeModel {
  private final ChannelGroups groups;
  private final List<Term> terms = new ArrayList<>();
  private final long constantParameters;
  private final long constantMacs;

  /**
   * Features of a tensor: {@code features - sum_r fpc[r] * removed[group[r]]} over its runs in
   * prunable groups.
   */
  private record Count(int features, int[] group, int[] featuresPerChannel) {
    long of(int[] removed) {
      long n = features;
      for (int r = 0; r < group.length; r++) {
        n -= (long) featuresPerChannel[r] * removed[group[r]];
      }
      return n;
    }
  }

  /** params = pIo I O + pO O, macs = mIo I O + mO O. */
  private record Term(Count in, Count out, long pIo, long pO, long mIo, long mO) {}

  private SizeModel(ChannelGroups groups) {
    this.groups = groups;
    long params = 0;
    long macs = 0;
    for (Node node : groups.nodes()) {
      Layer layer = node.layer();
      Count in = count(node.inputs().get(0));
      Count out = count(node.name());
      Shape outShape = groups.shapeOf(node.name());
      if (layer instanceof Conv2d c && (c.groups() == 1 || LayerKinds.isDepthwise(c))) {
        long kernel = (long) c.kernelH() * c.kernelW();
        long positions = outShape.get(1) * outShape.get(2);
        int bias = c.bias() ? 1 : 0;
        terms.add(
            c.groups() == 1
                ? new Term(in, out, kernel, bias, positions * kernel, 0)
                : new Term(in, out, 0, kernel + bias, 0, positions * kernel));
      } else if (layer instanceof Linear l) {
        terms.add(new Term(in, out, 1, l.bias() ? 1 : 0, 1, 0));
      } else if (layer instanceof BatchNorm) {
        terms.add(new Term(in, out, 0, 2, 0, 0));
      } else {
        params +=
            layer.params().stream()
                .filter(ParamSpec::trainable)
                .mapToLong(s -> s.shape().size())
                .sum();
        macs += layer.macs(node.inputs().stream().map(groups::shapeOf).toList(), outShape);
      }
    }
    this.constantParameters = params;
    this.constantMacs = macs;
  }

  /** Builds the model of the traced network once. */
  public static SizeModel of(ChannelGroups groups) {
    return new SizeModel(groups);
  }

  /**
   * The size after keeping, per listed group id, that many channels (groups not listed stay whole).
   * Equals {@code parameterCount()} and {@code macs()} of the network {@link Surgery} builds for
   * any such plan.
   *
   * @throws InvalidPlanException for an unknown or unprunable group or a count outside 1..channels
   */
  public NetworkSize sizeWith(Map<String, Integer> keptCount) {
    int[] removed = new int[groups.groups().size()];
    keptCount.forEach(
        (id, k) -> {
          int g = groups.indexOf(id);
          ChannelGroup group = groups.groups().get(g);
          if (!group.prunable()) {
            throw new InvalidPlanException(
                "channel group '" + id + "' cannot be pruned: " + group.reason());
          }
          if (k < 1 || k > group.channels()) {
            throw new InvalidPlanException(
                "group '"
                    + id
                    + "' has "
                    + group.channels()
                    + " channels; it can keep 1 to "
                    + group.channels()
                    + ", not "
                    + k);
          }
          removed[g] = group.channels() - k;
        });
    return size(removed);
  }

  /** The unpruned network's size. */
  public NetworkSize fullSize() {
    return size(new int[groups.groups().size()]);
  }

  /**
   * The size when every prunable group keeps a single channel: the smallest network surgery can
   * produce.
   */
  public NetworkSize minimalSize() {
    int[] removed = new int[groups.groups().size()];
    for (int g = 0; g < removed.length; g++) {
      ChannelGroup group = groups.groups().get(g);
      removed[g] = group.prunable() ? group.channels() - 1 : 0;
    }
    return size(removed);
  }

  private NetworkSize size(int[] removed) {
    long params = constantParameters;
    long macs = constantMacs;
    for (Term t : terms) {
      long in = t.in().of(removed);
      long out = t.out().of(removed);
      params += t.pIo() * in * out + t.pO() * out;
      macs += t.mIo() * in * out + t.mO() * out;
    }
    return new NetworkSize(params, macs);
  }

  private Count count(String tensor) {
    TensorChannels tc = groups.channelsOf(tensor);
    List<TensorChannels.Run> runs =
        tc.runs().stream().filter(r -> groups.groups().get(r.group()).prunable()).toList();
    return new Count(
        tc.features(),
        runs.stream().mapToInt(TensorChannels.Run::group).toArray(),
        runs.stream().mapToInt(TensorChannels.Run::featuresPerChannel).toArray());
  }
}
