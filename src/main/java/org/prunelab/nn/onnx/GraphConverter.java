package org.prunelab.nn.onnx;

import ai.djl.ndarray.types.Shape;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.prunelab.nn.Network;
import org.prunelab.nn.layer.Identity;

/**
 * Turns an ONNX graph into a {@link PlannedGraph}: resolves the one input's sample shape (from the
 * file or the user), walks the nodes in their (topological) order, folds what is known at import
 * time and maps the rest to PruneLab layers, and finds the node that computes the one output. Every
 * failure names the ONNX node and operator.
 */
final class GraphConverter {
  /**
   * Every operator the import accepts (some only on constants, e.g. Gather, or as no-ops, e.g.
   * Transpose).
   */
  static final Set<String> SUPPORTED;

  static {
    Set<String> all = new TreeSet<>(ConstantFolder.OPS);
    all.addAll(SpatialMapper.OPS);
    all.addAll(DenseMapper.OPS);
    all.addAll(StructureMapper.OPS);
    SUPPORTED = java.util.Collections.unmodifiableSet(all);
  }

  private final GraphProto graph;
  private final String source;
  private final int opset;
  private final Map<String, TensorProto> initializers = new HashMap<>();
  private final Map<String, OnnxValue> values = new HashMap<>();
  private final Map<String, Integer> readers = new HashMap<>();
  private PlannedGraph plan;
  private SpatialMapper spatial;
  private DenseMapper dense;
  private StructureMapper structure;
  private MappingContext ctx;

  GraphConverter(GraphProto graph, int opset, String source) {
    this.graph = graph;
    this.opset = opset;
    this.source = source;
  }

  /** Converts the graph; {@code userShape} (may be null) is the sample shape the user gave. */
  PlannedGraph convert(Shape userShape) {
    for (TensorProto t : graph.getInitializerList()) {
      initializers.put(t.getName(), t);
    }
    for (NodeProto n : graph.getNodeList()) {
      n.getInputList().forEach(i -> readers.merge(i, 1, Integer::sum));
    }
    graph.getOutputList().forEach(o -> readers.merge(o.getName(), 1, Integer::sum));
    InputSpec input = resolveInput(userShape);
    plan = new PlannedGraph(input.sample());
    values.put(input.name(), new OnnxValue.Activation(Network.INPUT, input.sample()));
    ctx = new MappingContext(plan, opset, input.batch(), readers);
    spatial = new SpatialMapper(ctx);
    dense = new DenseMapper(ctx);
    structure = new StructureMapper(ctx);
    for (NodeProto node : graph.getNodeList()) {
      try {
        convert(node);
      } catch (RuntimeException e) {
        throw new OnnxImportException(
            source + ": node '" + label(node) + "' (" + node.getOpType() + "): " + describe(e), e);
      }
    }
    return plan;
  }

  /**
   * The planned node that computes the graph's one output (an Identity node when the output is the
   * input).
   */
  String outputNode() {
    if (graph.getOutputCount() != 1) {
      throw new OnnxImportException(
          source
              + " has "
              + graph.getOutputCount()
              + " outputs ("
              + graph.getOutputList().stream()
                  .map(ValueInfoProto::getName)
                  .collect(Collectors.joining(", "))
              + "); a PruneLab network has exactly one: export the model with a single output");
    }
    String name = graph.getOutput(0).getName();
    OnnxValue v = values.get(name);
    if (v == null) {
      throw new OnnxImportException(
          source + ": no node computes the output '" + name + "'; the file is damaged");
    }
    if (!(v instanceof OnnxValue.Activation a)) {
      throw new OnnxImportException(
          source
              + ": the output '"
              + name
              + "' is a constant that does not depend on "
              + "the input; there is no network to import");
    }
    if (a.node().equals(Network.INPUT)) {
      return ctx.emit(plan.freeName(name, "output"), new Identity(), Map.of(), Network.INPUT)
          .node();
    }
    return a.node();
  }

  private static String label(NodeProto node) {
    return node.getName().isEmpty() && node.getOutputCount() > 0
        ? node.getOutput(0)
        : node.getName();
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private record InputSpec(String name, Shape sample, long batch) {}

  private InputSpec resolveInput(Shape userShape) {
    List<ValueInfoProto> inputs =
        graph.getInputList().stream().filter(i -> !initializers.containsKey(i.getName())).toList();
    if (inputs.size() != 1) {
      throw new OnnxImportException(
          source
              + " has "
              + inputs.size()
              + " inputs ("
              + inputs.stream().map(ValueInfoProto::getName).collect(Collectors.joining(", "))
              + "); a PruneLab network "
              + "takes exactly one: export the model with a single input tensor");
    }
    ValueInfoProto in = inputs.get(0);
    TypeProto type = in.getType();
    if (!type.hasTensorType()) {
      throw new OnnxImportException(source + ": input '" + in.getName() + "' is not a tensor");
    }
    TypeProto.Tensor tensor = type.getTensorType();
    if (tensor.getElemType() != TensorProto.DataType.FLOAT_VALUE) {
      throw new OnnxImportException(
          source
              + ": input '"
              + in.getName()
              + "' has element type "
              + TensorProto.DataType.forNumber(tensor.getElemType())
              + "; PruneLab imports float32 models: export "
              + "with a float32 input");
    }
    String hint =
        "give the sample shape without the batch axis in the import options (e.g. "
            + "OnnxImportOptions.withInputShape(1, 28, 28), or the CLI's --input-shape 1x28x28)";
    if (!tensor.hasShape()) {
      if (userShape == null) {
        throw new OnnxImportException(
            source + ": input '" + in.getName() + "' declares no shape; " + hint);
      }
      return new InputSpec(in.getName(), userShape, 0);
    }
    List<TensorShapeProto.Dimension> dims = tensor.getShape().getDimList();
    if (dims.size() < 2) {
      throw new OnnxImportException(
          source
              + ": input '"
              + in.getName()
              + "' has rank "
              + dims.size()
              + "; PruneLab needs a batch axis and at least one sample axis, e.g. (N, 1, 28, 28)");
    }
    String declared =
        dims.stream().map(GraphConverter::show).collect(Collectors.joining(", ", "(", ")"));
    if (userShape != null && userShape.dimension() != dims.size() - 1) {
      throw new OnnxImportException(
          source
              + ": input '"
              + in.getName()
              + "' is declared "
              + declared
              + " but the given sample shape "
              + userShape
              + " has rank "
              + userShape.dimension()
              + ", not "
              + (dims.size() - 1)
              + " (leave out the batch axis)");
    }
    long[] sample = new long[dims.size() - 1];
    for (int i = 1; i < dims.size(); i++) {
      TensorShapeProto.Dimension d = dims.get(i);
      boolean fixed = d.hasDimValue() && d.getDimValue() > 0;
      if (userShape != null) {
        if (fixed && d.getDimValue() != userShape.get(i - 1)) {
          throw new OnnxImportException(
              source
                  + ": input '"
                  + in.getName()
                  + "' is declared "
                  + declared
                  + ", which disagrees with the given sample shape "
                  + userShape
                  + " at axis "
                  + i);
        }
        sample[i - 1] = userShape.get(i - 1);
      } else if (fixed) {
        sample[i - 1] = d.getDimValue();
      } else {
        throw new OnnxImportException(
            source
                + ": input '"
                + in.getName()
                + "' has the symbolic dimension "
                + show(d)
                + " at axis "
                + i
                + " (declared "
                + declared
                + "); "
                + hint);
      }
    }
    TensorShapeProto.Dimension b = dims.get(0);
    long batch = b.hasDimValue() && b.getDimValue() > 0 ? b.getDimValue() : 0;
    return new InputSpec(in.getName(), new Shape(sample), batch);
  }

  private static String show(TensorShapeProto.Dimension d) {
    if (d.hasDimValue() && d.getDimValue() > 0) {
      return String.valueOf(d.getDimValue());
    }
    return d.hasDimParam() && !d.getDimParam().isEmpty() ? "'" + d.getDimParam() + "'" : "?";
  }

  private OnnxValue value(String name) {
    OnnxValue v = values.get(name);
    if (v != null) {
      return v;
    }
    TensorProto t = initializers.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          "it reads '"
              + name
              + "', which no earlier node, initializer or input "
              + "provides (a missing initializer, or nodes out of order); the file is damaged or incomplete");
    }
    OnnxValue known = new OnnxValue.Known(OnnxTensors.decode(t));
    values.put(name, known);
    return known;
  }

  private void convert(NodeProto node) {
    String op = node.getOpType();
    String domain = node.getDomain();
    if (!(domain.isEmpty() || domain.equals("ai.onnx")) || !SUPPORTED.contains(op)) {
      throw new IllegalArgumentException(
          "operator "
              + op
              + (domain.isEmpty() ? "" : " of domain '" + domain + "'")
              + " is not supported; PruneLab imports "
              + String.join(", ", SUPPORTED)
              + ". Replace the layer in the model before exporting, or export with an opset that expresses it "
              + "with these operators");
    }
    if (node.getOutputCount() == 0 || node.getOutput(0).isEmpty()) {
      throw new IllegalArgumentException("the node has no output");
    }
    List<OnnxValue> inputs = new ArrayList<>();
    for (String name : node.getInputList()) {
      inputs.add(name.isEmpty() ? null : value(name));
    }
    NodeInputs in = new NodeInputs(node, inputs);
    if (ConstantFolder.OPS.contains(op) && in.allKnown()) {
      define(node, List.of(new OnnxValue.Known(ConstantFolder.fold(in, opset))));
    } else if (op.equals("Shape")) {
      long[] dims = MappingContext.batched(in.activation(0).shape());
      dims[0] = ConstTensor.BATCH;
      define(node, List.of(new OnnxValue.Known(ConstantFolder.shape(dims, in.attrs))));
    } else if (SpatialMapper.OPS.contains(op)) {
      define(node, List.of(spatial.map(in)));
    } else if (DenseMapper.OPS.contains(op)) {
      define(node, List.of(dense.map(in)));
    } else if (StructureMapper.OPS.contains(op)) {
      define(node, structure.map(in));
    } else {
      throw new IllegalArgumentException(
          op
              + " is supported on constants only (shape computations), but its "
              + "input '"
              + firstActivation(node, inputs)
              + "' depends on the network input");
    }
  }

  private static String firstActivation(NodeProto node, List<OnnxValue> inputs) {
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i) instanceof OnnxValue.Activation) {
        return node.getInput(i);
      }
    }
    return "?";
  }

  private void define(NodeProto node, List<OnnxValue> outputs) {
    for (int i = 0; i < outputs.size() && i < node.getOutputCount(); i++) {
      String name = node.getOutput(i);
      if (name.isEmpty()) {
        continue;
      }
      if (values.containsKey(name) || initializers.containsKey(name)) {
        throw new IllegalArgumentException(
            "its output '"
                + name
                + "' is already defined by an earlier node or "
                + "initializer; ONNX values have one producer");
      }
      values.put(name, outputs.get(i));
    }
  }
}
