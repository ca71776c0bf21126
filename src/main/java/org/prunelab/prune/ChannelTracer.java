package org.prunelab.prune;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;
import org.prunelab.nn.layer.AdaptiveAvgPool;
import org.prunelab.nn.layer.Add;
import org.prunelab.nn.layer.AvgPool;
import org.prunelab.nn.layer.BatchNorm;
import org.prunelab.nn.layer.Clip;
import org.prunelab.nn.layer.Concat;
import org.prunelab.nn.layer.Conv2d;
import org.prunelab.nn.layer.Dropout;
import org.prunelab.nn.layer.Flatten;
import org.prunelab.nn.layer.Identity;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.LeakyRelu;
import org.prunelab.nn.layer.MaxPool;
import org.prunelab.nn.layer.Mul;
import org.prunelab.nn.layer.Relu;
import org.prunelab.nn.layer.Reshape;
import org.prunelab.nn.layer.Sigmoid;
import org.prunelab.nn.layer.Silu;
import org.prunelab.nn.layer.Softmax;
import org.prunelab.nn.layer.Softplus;
import org.prunelab.nn.layer.Tanh;

/**
 * Traces a network's channels, one union-find element per channel a node creates (its "source"). A
 * tensor is described per feature of its first axis by the element it holds: pass-through layers
 * hand the description on, Concat concatenates descriptions, Flatten (and a Reshape that keeps
 * channels whole) repeats each channel H * W times, Add and Mul unite their inputs' elements
 * position by position, and a depthwise convolution hands its input's elements to its output.
 * Sources connected by a union form one group; its channels are the union-find classes. Channels
 * that meet an operation of unknown channel semantics are marked, and their whole group becomes
 * unprunable with that reason.
 */
final class ChannelTracer {
  private final Network network;
  private int[] parent = new int[256];
  private int[] sourceOf = new int[256];
  private int elements;
  private final List<String> sourceNodes = new ArrayList<>();
  private int[] sourceParent = new int[64];
  private final Map<String, int[]> tensors = new LinkedHashMap<>();
  private final List<Mark> marks = new ArrayList<>();
  private final List<Role> producers = new ArrayList<>();
  private final List<Role> consumers = new ArrayList<>();

  private record Mark(int element, String reason) {}

  private record Role(String node, boolean tied) {}

  ChannelTracer(Network network) {
    this.network = network;
  }

  ChannelGroups trace() {
    int[] input = newSource(Network.INPUT, channelsOf(network.inputShape()));
    tensors.put(Network.INPUT, input);
    mark(input, "it is the network input");
    for (Node node : network.nodes()) {
      tensors.put(node.name(), visit(node));
    }
    String output = network.outputName();
    mark(
        tensors.get(output),
        "it reaches the network output (node '" + output + "'), whose outputs stay");
    return build();
  }

  private int[] visit(Node node) {
    Layer layer = node.layer();
    String name = node.name();
    int[] in = tensors.get(node.inputs().get(0));
    if (LayerKinds.mixesChannels(layer)) {
      consumers.add(new Role(name, false));
      return produce(name, channelsOf(network.shapeOf(name)));
    }
    if (LayerKinds.isDepthwise(layer)) {
      consumers.add(new Role(name, true));
      producers.add(new Role(name, true));
      return in;
    }
    if (layer instanceof Conv2d c) {
      String what = "grouped convolution '" + name + "' (groups=" + c.groups() + ")";
      mark(in, "it is read by " + what + ", whose channels cannot be removed one at a time");
      int[] out = produce(name, c.outChannels());
      mark(out, "it is produced by " + what + ", whose channels cannot be removed one at a time");
      return out;
    }
    if (layer instanceof BatchNorm) {
      producers.add(new Role(name, true));
      return in;
    }
    if (layer instanceof Relu
        || layer instanceof Clip
        || layer instanceof LeakyRelu
        || layer instanceof Sigmoid
        || layer instanceof Tanh
        || layer instanceof Silu
        || layer instanceof Softplus
        || layer instanceof MaxPool
        || layer instanceof AvgPool
        || layer instanceof AdaptiveAvgPool
        || layer instanceof Dropout
        || layer instanceof Identity) {
      return in;
    }
    if (layer instanceof Softmax s) {
      if (s.axis() == 1) {
        mark(in, "a Softmax over channels at '" + name + "' normalises across them");
      }
      return in;
    }
    if (layer instanceof Flatten) {
      return flatten(in, network.shapeOf(node.inputs().get(0)));
    }
    if (layer instanceof Add || layer instanceof Mul) {
      return merge(node);
    }
    if (layer instanceof Concat) {
      return concat(node);
    }
    if (layer instanceof Reshape) {
      int[] out = reshape(in, network.shapeOf(node.inputs().get(0)), network.shapeOf(name));
      if (out != null) {
        return out;
      }
    }
    String what =
        (layer instanceof Reshape
                ? "a Reshape that mixes channels"
                : layer.op() + ", whose channel semantics are unknown,")
            + " at '"
            + name
            + "'";
    for (String input : node.inputs()) {
      mark(tensors.get(input), "it passes through " + what);
    }
    int[] out = produce(name, channelsOf(network.shapeOf(name)));
    mark(out, "it is produced by " + what);
    return out;
  }

  private int[] produce(String node, int channels) {
    producers.add(new Role(node, false));
    return newSource(node, channels);
  }

  private int[] flatten(int[] in, Shape shape) {
    int perChannel = Math.toIntExact(shape.size() / shape.get(0));
    int[] out = new int[in.length * perChannel];
    for (int f = 0; f < out.length; f++) {
      out[f] = in[f / perChannel];
    }
    return out;
  }

  /**
   * A Reshape keeps channels when each feature of its output's first axis lies within one channel
   * of its input (in row-major order): flattening (C, H, W) to (C H W), unflattening, (C) to (C, 1,
   * 1). Returns null otherwise.
   */
  private static int[] reshape(int[] in, Shape inShape, Shape outShape) {
    long inBlock = inShape.size() / inShape.get(0);
    long outBlock = outShape.size() / outShape.get(0);
    int[] out = new int[Math.toIntExact(outShape.get(0))];
    for (int i = 0; i < out.length; i++) {
      int first = (int) (i * outBlock / inBlock);
      int last = (int) (((i + 1) * outBlock - 1) / inBlock);
      for (int j = first + 1; j <= last; j++) {
        if (in[j] != in[first]) {
          return null;
        }
      }
      out[i] = in[first];
    }
    return out;
  }

  private int[] merge(Node node) {
    Shape outShape = network.shapeOf(node.name());
    int[] result = null;
    for (String input : node.inputs()) {
      Shape s = network.shapeOf(input);
      int[] d = tensors.get(input);
      if (s.dimension() == outShape.dimension() && s.get(0) == outShape.get(0)) {
        if (result == null) {
          result = d;
        } else {
          for (int f = 0; f < d.length; f++) {
            union(result[f], d[f]);
          }
        }
      } else {
        mark(
            d,
            "it is broadcast "
                + (s.dimension() == outShape.dimension()
                    ? "across the channels"
                    : "along other axes")
                + " by "
                + node.layer().op()
                + " '"
                + node.name()
                + "'");
      }
    }
    return result;
  }

  private int[] concat(Node node) {
    List<int[]> parts = node.inputs().stream().map(tensors::get).toList();
    int[] out = new int[parts.stream().mapToInt(p -> p.length).sum()];
    int at = 0;
    for (int[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private static int channelsOf(Shape shape) {
    return Math.toIntExact(shape.get(0));
  }

  private int[] newSource(String node, int channels) {
    int source = sourceNodes.size();
    sourceNodes.add(node);
    if (source == sourceParent.length) {
      sourceParent = Arrays.copyOf(sourceParent, source * 2);
    }
    sourceParent[source] = source;
    while (elements + channels > parent.length) {
      parent = Arrays.copyOf(parent, parent.length * 2);
      sourceOf = Arrays.copyOf(sourceOf, sourceOf.length * 2);
    }
    int[] out = new int[channels];
    for (int c = 0; c < channels; c++) {
      int e = elements++;
      parent[e] = e;
      sourceOf[e] = source;
      out[c] = e;
    }
    return out;
  }

  private void mark(int[] tensor, String reason) {
    for (int e : tensor) {
      marks.add(new Mark(e, reason));
    }
  }

  private void union(int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[ra] = rb;
    }
    int sa = find(sourceParent, sourceOf[a]);
    int sb = find(sourceParent, sourceOf[b]);
    if (sa != sb) {
      sourceParent[Math.max(sa, sb)] = Math.min(sa, sb);
    }
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private ChannelGroups build() {
    int sources = sourceNodes.size();
    int[] groupOfSource = new int[sources];
    List<String> ids = new ArrayList<>();
    int[] rootGroup = new int[sources];
    Arrays.fill(rootGroup, -1);
    for (int s = 0; s < sources; s++) {
      int root = find(sourceParent, s);
      if (rootGroup[root] < 0) {
        rootGroup[root] = ids.size();
        ids.add(sourceNodes.get(s));
      }
      groupOfSource[s] = rootGroup[root];
    }
    int groups = ids.size();
    int[] groupChannels = new int[groups];
    int[] classChannel = new int[elements];
    Arrays.fill(classChannel, -1);
    for (int e = 0; e < elements; e++) {
      int root = find(parent, e);
      if (classChannel[root] < 0) {
        classChannel[root] = groupChannels[groupOfSource[sourceOf[e]]]++;
      }
    }
    String[] reasons = new String[groups];
    for (Mark m : marks) {
      int g = groupOfSource[sourceOf[m.element()]];
      if (reasons[g] == null) {
        reasons[g] = m.reason();
      }
    }
    Map<String, TensorChannels> channels = new LinkedHashMap<>();
    tensors.forEach(
        (name, d) -> {
          int[] group = new int[d.length];
          int[] channel = new int[d.length];
          for (int f = 0; f < d.length; f++) {
            group[f] = groupOfSource[sourceOf[d[f]]];
            channel[f] = classChannel[find(parent, d[f])];
          }
          TensorChannels tc = TensorChannels.of(group, channel);
          for (TensorChannels.Run run : tc.runs()) {
            if ((run.firstChannel() != 0 || run.channels() != groupChannels[run.group()])
                && reasons[run.group()] == null) {
              reasons[run.group()] =
                  "'"
                      + name
                      + "' holds only part of its channels (a Concat meets an Add or Mul); "
                      + "such partial ties are not supported";
            }
          }
          channels.put(name, tc);
        });
    List<List<ChannelProducer>> groupProducers = lists(groups);
    for (Role r : producers) {
      for (TensorChannels.Run run : channels.get(r.node()).runs()) {
        groupProducers
            .get(run.group())
            .add(
                new ChannelProducer(
                    r.node(), run.offset(), run.channels(), run.featuresPerChannel(), r.tied()));
      }
    }
    List<List<ChannelConsumer>> groupConsumers = lists(groups);
    for (Role r : consumers) {
      String input = network.node(r.node()).inputs().get(0);
      for (TensorChannels.Run run : channels.get(input).runs()) {
        groupConsumers
            .get(run.group())
            .add(
                new ChannelConsumer(
                    r.node(), 0, run.offset(), run.channels(), run.featuresPerChannel(), r.tied()));
      }
    }
    List<ChannelGroup> result = new ArrayList<>(groups);
    for (int g = 0; g < groups; g++) {
      result.add(
          new ChannelGroup(
              ids.get(g),
              groupChannels[g],
              groupProducers.get(g),
              groupConsumers.get(g),
              reasons[g] == null,
              reasons[g]));
    }
    return new ChannelGroups(network, result, channels);
  }

  private static <T> List<List<T>> lists(int n) {
    List<List<T>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    return out;
  }
}
