package org.prunelab.nn.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prunelab.nn.AtomicFiles;
import org.prunelab.nn.ModelFileException;
import org.prunelab.nn.Network;
import org.prunelab.nn.Node;

/**
 * Writes a {@link Network} (as built, pruned or factored: nothing assumes zoo shapes) as an ONNX
 * model that ONNX Runtime and other frameworks run unchanged in inference mode. The graph takes
 * {@code input} of shape (N, input shape...) with a dynamic batch axis "N" and returns the output
 * tensor (default {@code logits}); ONNX nodes carry the PruneLab node names and the initializers
 * the parameter names of {@link Network#parameters()} ({@code <node>.<suffix>}), stored as raw
 * little-endian float32. The network's metadata (input normalisation, provenance) goes to the
 * model's metadata_props. Layer mappings: see {@link LayerExport}.
 */
public final class OnnxExporter {
  /** The model's producer_name. */
  public static final String PRODUCER = "PruneLab";

  /** The model's producer_version. */
  public static final String PRODUCER_VERSION = "0.1.0";

  /** IR version 8 (ONNX 1.10 on): read by every ONNX Runtime that knows opset 13 to 18. */
  static final long IR_VERSION = 8;

  /** Dimension parameter of the batch axis. */
  static final String BATCH = "N";

  private OnnxExporter() {}

  /**
   * Writes the network to {@code file} atomically (temporary file, then rename) and says what it
   * wrote.
   *
   * @throws OnnxExportException when a layer has no ONNX mapping or names clash
   * @throws ModelFileException when the file cannot be written
   */
  public static OnnxExportSummary export(Network network, Path file, OnnxExportOptions options) {
    ModelProto model = toModel(network, options);
    byte[] bytes = model.toByteArray();
    try {
      AtomicFiles.write(file, temp -> Files.write(temp, bytes));
    } catch (IOException e) {
      throw new ModelFileException(
          "cannot write ONNX file "
              + file
              + " ("
              + e
              + "); choose a writable folder with "
              + "enough space",
          e);
    }
    GraphProto graph = model.getGraph();
    return new OnnxExportSummary(
        file, options.opset(), graph.getNodeCount(), graph.getInitializerCount(), bytes.length);
  }

  /** The serialised ONNX model (the bytes {@link #export} writes). */
  public static byte[] toBytes(Network network, OnnxExportOptions options) {
    return toModel(network, options).toByteArray();
  }

  /** The ONNX model as a protobuf message. */
  public static ModelProto toModel(Network network, OnnxExportOptions options) {
    Set<String> nodeNames = new HashSet<>();
    network.nodes().forEach(n -> nodeNames.add(n.name()));
    if (nodeNames.contains(options.outputName())
        && !network.outputName().equals(options.outputName())) {
      throw new OnnxExportException(
          "the output name '"
              + options.outputName()
              + "' is already the name of node '"
              + options.outputName()
              + "', which is not the output; choose another output name");
    }
    GraphProto.Builder graph =
        GraphProto.newBuilder()
            .setName(network.metadata().getOrDefault("architecture", "prunelab"))
            .addInput(valueInfo(Network.INPUT, network.inputShape()))
            .addOutput(valueInfo(options.outputName(), network.outputShape()));
    GraphWriter writer = new GraphWriter(graph);
    for (Map.Entry<String, NDArray> p : network.parameters().entrySet()) {
      writer.floats(p.getKey(), p.getValue().getShape().getShape(), p.getValue().toFloatArray());
    }
    LayerExport layers = new LayerExport(writer, options.opset());
    for (Node node : network.nodes()) {
      List<String> inputs =
          node.inputs().stream().map(in -> tensorName(network, in, options)).toList();
      List<Shape> shapes = node.inputs().stream().map(network::shapeOf).toList();
      layers.write(
          new LayerExport.Site(
              node,
              inputs,
              shapes,
              network.shapeOf(node.name()),
              tensorName(network, node.name(), options)));
    }
    checkUniqueNames(graph);
    ModelProto.Builder model =
        ModelProto.newBuilder()
            .setIrVersion(IR_VERSION)
            .setProducerName(PRODUCER)
            .setProducerVersion(PRODUCER_VERSION)
            .setDocString(
                "Exported by "
                    + PRODUCER
                    + " "
                    + PRODUCER_VERSION
                    + " from a network of "
                    + network.nodes().size()
                    + " nodes")
            .setGraph(graph);
    model.addOpsetImportBuilder().setDomain("").setVersion(options.opset());
    network.metadata().forEach((k, v) -> model.addMetadataPropsBuilder().setKey(k).setValue(v));
    return model.build();
  }

  private static String tensorName(Network network, String node, OnnxExportOptions options) {
    return node.equals(network.outputName()) ? options.outputName() : node;
  }

  private static ValueInfoProto valueInfo(String name, Shape sample) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    shape.addDimBuilder().setDimParam(BATCH);
    for (long d : sample.getShape()) {
      shape.addDimBuilder().setDimValue(d);
    }
    ValueInfoProto.Builder info = ValueInfoProto.newBuilder().setName(name);
    info.getTypeBuilder()
        .getTensorTypeBuilder()
        .setElemType(TensorProto.DataType.FLOAT.getNumber())
        .setShape(shape);
    return info.build();
  }

  /** ONNX needs every tensor (input, initializer, node output) to have its own name. */
  private static void checkUniqueNames(GraphProto.Builder graph) {
    Set<String> seen = new HashSet<>();
    seen.add(Network.INPUT);
    for (TensorProto t : graph.getInitializerList()) {
      requireNew(seen, t.getName());
    }
    for (NodeProto n : graph.getNodeList()) {
      for (String out : n.getOutputList()) {
        requireNew(seen, out);
      }
    }
  }

  private static void requireNew(Set<String> seen, String name) {
    if (!seen.add(name)) {
      throw new OnnxExportException(
          "two ONNX tensors would be named '"
              + name
              + "' (a node name clashes with a "
              + "parameter or helper name <node>.<part>); rename the node");
    }
  }
}
