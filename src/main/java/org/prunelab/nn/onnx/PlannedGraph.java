package org.prunelab.nn.onnx;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkBuilder;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.ParamSpec;

/**
 * The network an import is building, held in Java memory only: nodes with their layers, inputs,
 * per-sample shapes and parameter values. Nothing native is allocated until {@link #build}, which
 * keeps only the nodes the output depends on, so an import that fails on its last node leaves
 * nothing behind.
 */
final class PlannedGraph {
  /**
   * One planned node; its layer and parameters may still be replaced by a fusion (MatMul + Add).
   */
  static final class Planned {
    final String name;
    Layer layer;
    final List<String> inputs;
    Map<String, float[]> params;
    final Shape shape;

    Planned(
        String name, Layer layer, List<String> inputs, Map<String, float[]> params, Shape shape) {
      this.name = name;
      this.layer = layer;
      this.inputs = List.copyOf(inputs);
      this.params = params;
      this.shape = shape;
    }
  }

  private final Shape inputShape;
  private final Map<String, Planned> nodes = new LinkedHashMap<>();
  private final Set<String> names = new HashSet<>(Set.of(Network.INPUT));

  PlannedGraph(Shape inputShape) {
    this.inputShape = inputShape;
  }

  /**
   * A free node name from an ONNX name: path separators become dots, other odd characters
   * underscores.
   */
  String freeName(String raw, String fallback) {
    String s = raw == null ? "" : raw.strip();
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    s = s.replace('/', '.').replaceAll("[^A-Za-z0-9_.:\\-]", "_");
    if (s.isEmpty() || s.equals(Network.INPUT)) {
      s = fallback + (s.isEmpty() ? "" : "_");
    }
    String name = s;
    for (int i = 2; names.contains(name); i++) {
      name = s + "_" + i;
    }
    names.add(name);
    return name;
  }

  Shape shapeOf(String node) {
    return node.equals(Network.INPUT) ? inputShape : nodes.get(node).shape;
  }

  /** The planned node of that name, or null for the network input. */
  Planned node(String name) {
    return nodes.get(name);
  }

  /**
   * Adds a node under a name from {@link #freeName}, inferring its per-sample shape.
   *
   * @throws org.prunelab.nn.layer.ShapeException when the inputs do not fit the layer
   */
  Planned add(String name, Layer layer, Map<String, float[]> params, String... inputs) {
    List<Shape> in = new ArrayList<>();
    for (String i : inputs) {
      in.add(shapeOf(i));
    }
    Planned p = new Planned(name, layer, List.of(inputs), params, layer.outputShape(in));
    nodes.put(name, p);
    return p;
  }

  /**
   * Builds the network of the nodes that {@code output} depends on, allocating the parameters on
   * the device.
   *
   * @throws IllegalArgumentException when a layer's parameters have other sizes than planned (a
   *     bug)
   */
  Network build(String output, Map<String, String> metadata, Device device) {
    Set<String> live = new HashSet<>();
    Deque<String> unvisited = new ArrayDeque<>(List.of(output));
    while (!unvisited.isEmpty()) {
      String n = unvisited.pop();
      Planned p = nodes.get(n);
      if (p != null && live.add(n)) {
        unvisited.addAll(p.inputs);
      }
    }
    NetworkBuilder builder = Network.builder(inputShape);
    metadata.forEach(builder::metadata);
    for (Planned p : nodes.values()) {
      if (live.contains(p.name)) {
        builder.add(p.name, p.layer, p.inputs.toArray(String[]::new));
      }
    }
    return builder.build(device, (fullName, spec) -> values(fullName, spec));
  }

  private float[] values(String fullName, ParamSpec spec) {
    String node = fullName.substring(0, fullName.length() - spec.suffix().length() - 1);
    float[] v = nodes.get(node).params.get(spec.suffix());
    if (v == null) {
      throw new IllegalArgumentException("no values planned for parameter " + fullName);
    }
    return v;
  }
}
