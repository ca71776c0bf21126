package org.prunelab.nn.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Builds small ONNX models in Java with the generated protobuf classes, for error and operator
 * tests.
 */
final class TestGraph {
  private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
  private final int opset;

  TestGraph(int opset) {
    this.opset = opset;
  }

  /**
   * A float input; a negative dimension is symbolic (named "N" at axis 0, "d1", "d2", ...
   * elsewhere).
   */
  TestGraph input(String name, long... dims) {
    graph.addInput(valueInfo(name, dims));
    return this;
  }

  TestGraph output(String name) {
    graph.addOutput(
        ValueInfoProto.newBuilder()
            .setName(name)
            .setType(
                TypeProto.newBuilder()
                    .setTensorType(
                        TypeProto.Tensor.newBuilder()
                            .setElemType(TensorProto.DataType.FLOAT_VALUE))));
    return this;
  }

  static ValueInfoProto valueInfo(String name, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (int i = 0; i < dims.length; i++) {
      shape.addDim(
          dims[i] >= 0
              ? TensorShapeProto.Dimension.newBuilder().setDimValue(dims[i])
              : TensorShapeProto.Dimension.newBuilder().setDimParam(i == 0 ? "N" : "d" + i));
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(
                    TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape)))
        .build();
  }

  TestGraph init(String name, long[] dims, float... values) {
    graph.addInitializer(floats(name, dims, values));
    return this;
  }

  TestGraph initLongs(String name, long[] dims, long... values) {
    graph.addInitializer(longs(name, dims, values));
    return this;
  }

  static TensorProto floats(String name, long[] dims, float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return TensorProto.newBuilder()
        .setName(name)
        .setDataType(TensorProto.DataType.FLOAT_VALUE)
        .addAllDims(Arrays.stream(dims).boxed().toList())
        .setRawData(ByteString.copyFrom(b.array()))
        .build();
  }

  static TensorProto longs(String name, long[] dims, long... values) {
    return TensorProto.newBuilder()
        .setName(name)
        .setDataType(TensorProto.DataType.INT64_VALUE)
        .addAllDims(Arrays.stream(dims).boxed().toList())
        .addAllInt64Data(Arrays.stream(values).boxed().toList())
        .build();
  }

  TestGraph node(
      String op, String name, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
    graph.addNode(
        NodeProto.newBuilder()
            .setOpType(op)
            .setName(name)
            .addAllInput(inputs)
            .addAllOutput(outputs)
            .addAllAttribute(List.of(attrs)));
    return this;
  }

  /** A node with one output named like the node. */
  TestGraph node(String op, String name, List<String> inputs, AttributeProto... attrs) {
    return node(op, name, inputs, List.of(name), attrs);
  }

  static AttributeProto ints(String name, long... v) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeType.INTS)
        .addAllInts(Arrays.stream(v).boxed().toList())
        .build();
  }

  static AttributeProto i(String name, long v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(v).build();
  }

  static AttributeProto f(String name, float v) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(v).build();
  }

  static AttributeProto s(String name, String v) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeType.STRING)
        .setS(ByteString.copyFromUtf8(v))
        .build();
  }

  ModelProto model() {
    return ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("prunelab-test")
        .setGraph(graph)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
        .build();
  }

  byte[] bytes() {
    return model().toByteArray();
  }
}
