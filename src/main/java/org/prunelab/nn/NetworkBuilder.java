package org.prunelab.nn;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.ParamSpec;
import org.prunelab.nn.layer.ShapeException;

/**
 * Builds a {@link Network} node by node in topological order, inferring every node's shape as it is
 * added so a wrong layer fails at once with the node's name. Parameters come either from a seeded
 * initialiser or from a given source (a checkpoint, an ONNX file, surgery).
 */
public final class NetworkBuilder {
  private final Shape inputShape;
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Shape> shapes = new LinkedHashMap<>();
  private final Map<String, String> metadata = new LinkedHashMap<>();

  NetworkBuilder(Shape inputShape) {
    if (inputShape.dimension() == 0 || Arrays.stream(inputShape.getShape()).anyMatch(d -> d <= 0)) {
      throw new ShapeException(
          "network input shape must have positive dimensions (without batch), got " + inputShape);
    }
    TensorLimits.elements("the network input (one sample)", inputShape);
    this.inputShape = inputShape;
    shapes.put(Network.INPUT, inputShape);
  }

  /**
   * Adds a node reading the named nodes ({@link Network#INPUT} is the network input) and returns
   * its name.
   *
   * @throws ShapeException when the inputs do not fit the layer (the message names the node)
   */
  public String add(String name, Layer layer, String... inputs) {
    if (shapes.containsKey(name)) {
      throw new IllegalArgumentException("duplicate node name '" + name + "'");
    }
    if (nodes.size() >= TensorLimits.MAX_NODES) {
      throw new ShapeException(
          "node '"
              + name
              + "' would be node "
              + (nodes.size() + 1)
              + ", more than the "
              + TensorLimits.MAX_NODES
              + " nodes a PruneLab network may have; the model file is corrupt or far larger"
              + " than any network PruneLab is meant for");
    }
    if (inputs.length == 0 || (layer.arity() > 0 && inputs.length != layer.arity())) {
      throw new IllegalArgumentException(
          layer.op()
              + " node '"
              + name
              + "' needs "
              + (layer.arity() > 0 ? String.valueOf(layer.arity()) : "two or more")
              + " inputs, got "
              + inputs.length);
    }
    List<Shape> inShapes = new ArrayList<>();
    for (String in : inputs) {
      Shape s = shapes.get(in);
      if (s == null) {
        throw new IllegalArgumentException("node '" + name + "' reads unknown node '" + in + "'");
      }
      inShapes.add(s);
    }
    Shape out;
    try {
      out = layer.outputShape(inShapes);
    } catch (ShapeException e) {
      throw new ShapeException("node '" + name + "': " + e.getMessage());
    }
    TensorLimits.elements("node '" + name + "' output", out);
    for (ParamSpec spec : layer.params()) {
      TensorLimits.elements("parameter " + name + "." + spec.suffix(), spec.shape());
    }
    nodes.add(new Node(name, layer, List.of(inputs)));
    shapes.put(name, out);
    return name;
  }

  /** Output shape of an already added node (or of the input). */
  public Shape shapeOf(String node) {
    Shape s = shapes.get(node);
    if (s == null) {
      throw new IllegalArgumentException("unknown node '" + node + "'");
    }
    return s;
  }

  /**
   * Stores a key/value pair that travels with the network into checkpoints (e.g. its input
   * normalisation).
   */
  public NetworkBuilder metadata(String key, String value) {
    metadata.put(key, value);
    return this;
  }

  /** Builds the network on the device with parameters drawn from a seeded initialiser. */
  public Network build(Device device, long seed) {
    ParameterInitializer init = new ParameterInitializer(seed);
    return build(device, (name, spec) -> init.values(spec));
  }

  /**
   * Builds the network on the device, asking the source for every parameter's values (row-major
   * float32).
   */
  public Network build(Device device, ParameterSource source) {
    if (nodes.isEmpty()) {
      throw new IllegalStateException("a network needs at least one node");
    }
    checkEveryNodeReachesOutput();
    return new Network(inputShape, nodes, shapes, metadata, device, source);
  }

  private void checkEveryNodeReachesOutput() {
    Set<String> read = new HashSet<>();
    nodes.forEach(n -> read.addAll(n.inputs()));
    String output = nodes.get(nodes.size() - 1).name();
    for (Node n : nodes) {
      if (!read.contains(n.name()) && !n.name().equals(output)) {
        throw new IllegalStateException(
            "node '"
                + n.name()
                + "' is never read; the last node '"
                + output
                + "' is the only output a network may have");
      }
    }
  }

  /** Supplies a parameter's values by full name, e.g. {@code layer1.0.conv1.weight}. */
  @FunctionalInterface
  public interface ParameterSource {
    float[] values(String fullName, ParamSpec spec);
  }
}
