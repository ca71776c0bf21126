package org.prunelab.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prunelab.nn.layer.Layer;
import org.prunelab.nn.layer.Mode;
import org.prunelab.nn.layer.ParamSpec;
import org.prunelab.nn.layer.ShapeException;

/**
 * A neural network as a DAG of typed nodes (in topological order) whose parameters are DJL arrays
 * owned by the network's own native-memory scope. The last node is the output. Parameters are named
 * {@code <node>.<suffix>}, e.g. {@code layer1.0.conv1.weight}. Close the network to free its
 * parameters.
 */
public final class Network implements AutoCloseable {
  /** Name by which nodes read the network input. */
  public static final String INPUT = "input";

  private final Shape inputShape;
  private final List<Node> nodes;
  private final Map<String, Node> byName = new LinkedHashMap<>();
  private final Map<String, Shape> shapes;
  private final Map<String, String> metadata;
  private final NDManager manager;
  private final Map<String, NDArray> parameters = new LinkedHashMap<>();
  private final Map<String, Map<String, NDArray>> parametersByNode = new LinkedHashMap<>();
  private final Map<String, ParamSpec> specs = new LinkedHashMap<>();
  private final Forward forward;

  Network(
      Shape inputShape,
      List<Node> nodes,
      Map<String, Shape> shapes,
      Map<String, String> metadata,
      Device device,
      NetworkBuilder.ParameterSource source) {
    this.inputShape = inputShape;
    this.nodes = List.copyOf(nodes);
    this.shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
    this.metadata = new LinkedHashMap<>(metadata);
    this.manager = NDManager.newBaseManager(device);
    try {
      for (Node node : this.nodes) {
        byName.put(node.name(), node);
        Map<String, NDArray> own = new LinkedHashMap<>();
        for (ParamSpec spec : node.layer().params()) {
          String full = node.name() + "." + spec.suffix();
          float[] values = source.values(full, spec);
          if (values == null || values.length != spec.shape().size()) {
            throw new ShapeException(
                "parameter "
                    + full
                    + " needs "
                    + spec.shape().size()
                    + " values of shape "
                    + spec.shape()
                    + ", got "
                    + (values == null ? "none" : values.length));
          }
          NDArray array = manager.create(values, spec.shape());
          array.setName(full);
          own.put(spec.suffix(), array);
          parameters.put(full, array);
          specs.put(full, spec);
        }
        parametersByNode.put(node.name(), Collections.unmodifiableMap(own));
      }
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
    this.forward = new Forward(this);
  }

  /**
   * Starts a network whose samples have the given shape (without batch dimension), e.g. (1, 28,
   * 28).
   */
  public static NetworkBuilder builder(Shape inputShape) {
    return new NetworkBuilder(inputShape);
  }

  /** Runs the network on a batch (N, input shape...) and returns the output. */
  public NDArray forward(NDArray batch, Mode mode) {
    return forward.run(batch, ForwardOptions.of(mode)).output();
  }

  /** Runs the network with activation capture and folding options. */
  public ForwardResult forward(NDArray batch, ForwardOptions options) {
    return forward.run(batch, options);
  }

  public Shape inputShape() {
    return inputShape;
  }

  public Shape outputShape() {
    return shapes.get(outputName());
  }

  public List<Node> nodes() {
    return nodes;
  }

  public Node node(String name) {
    Node n = byName.get(name);
    if (n == null) {
      throw new IllegalArgumentException("no node named '" + name + "'");
    }
    return n;
  }

  public String outputName() {
    return nodes.get(nodes.size() - 1).name();
  }

  /** Per-sample output shape of a node or of {@link #INPUT}. */
  public Shape shapeOf(String node) {
    Shape s = shapes.get(node);
    if (s == null) {
      throw new IllegalArgumentException("no node named '" + node + "'");
    }
    return s;
  }

  /** Every parameter and buffer by full name, in node order. */
  public Map<String, NDArray> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  /** The parameters of one node by suffix ({@code weight}, {@code bias}, ...). */
  public Map<String, NDArray> parametersOf(String node) {
    return parametersByNode.getOrDefault(node, Map.of());
  }

  public ParamSpec specOf(String fullName) {
    return specs.get(fullName);
  }

  /** The parameters an optimizer updates (not BatchNorm running statistics), by full name. */
  public Map<String, NDArray> trainableParameters() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    parameters.forEach(
        (name, array) -> {
          if (specs.get(name).trainable()) {
            out.put(name, array);
          }
        });
    return out;
  }

  /**
   * Key/value pairs that travel with the network (input normalisation, provenance, accuracy).
   * Mutable.
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  public Device device() {
    return manager.getDevice();
  }

  /** Number of trainable parameters (BatchNorm running statistics excluded). */
  public long parameterCount() {
    return summary().parameters();
  }

  /** Multiply-accumulates per sample of all convolutions and linear layers. */
  public long macs() {
    return summary().macs();
  }

  /** The layer table with per-node parameters and MACs and their totals. */
  public NetworkSummary summary() {
    List<LayerInfo> rows = new ArrayList<>();
    long params = 0;
    long buffers = 0;
    long macs = 0;
    for (Node node : nodes) {
      Layer layer = node.layer();
      List<Shape> in = node.inputs().stream().map(shapes::get).toList();
      Shape out = shapes.get(node.name());
      long p = 0;
      for (ParamSpec spec : layer.params()) {
        if (spec.trainable()) {
          p += spec.shape().size();
        } else {
          buffers += spec.shape().size();
        }
      }
      long m = layer.macs(in, out);
      params += p;
      macs += m;
      rows.add(
          new LayerInfo(
              node.name(),
              layer.op(),
              node.inputs(),
              in.stream().map(Shape::getShape).toList(),
              out.getShape(),
              p,
              m));
    }
    return new NetworkSummary(inputShape.getShape(), List.copyOf(rows), params, buffers, macs);
  }

  /**
   * Checks every parameter for NaN or infinity.
   *
   * @throws NonFiniteException naming the first bad parameter
   */
  public void checkFinite() {
    for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
      int count = 0;
      for (float v : e.getValue().toFloatArray()) {
        if (!Float.isFinite(v)) {
          count++;
        }
      }
      if (count > 0) {
        throw new NonFiniteException(
            "parameter "
                + e.getKey()
                + " holds "
                + count
                + " NaN or infinite values; the model file is damaged or training diverged: load an earlier "
                + "checkpoint or retrain with a lower learning rate");
      }
    }
  }

  NDManager manager() {
    return manager;
  }

  @Override
  public void close() {
    manager.close();
  }
}
