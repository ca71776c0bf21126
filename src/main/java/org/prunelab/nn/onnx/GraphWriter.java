package org.prunelab.nn.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Appends nodes and initializers to an ONNX graph under construction. Initializers hold their
 * values as raw little-endian data (float32 or int64), as the ONNX specification requires for
 * {@code raw_data}.
 */
final class GraphWriter {
  private final GraphProto.Builder graph;

  GraphWriter(GraphProto.Builder graph) {
    this.graph = graph;
  }

  /** Adds a node with one output and returns the output's name. */
  String node(
      String opType,
      String name,
      List<String> inputs,
      String output,
      AttributeProto... attributes) {
    NodeProto.Builder node =
        graph
            .addNodeBuilder()
            .setOpType(opType)
            .setName(name)
            .addAllInput(inputs)
            .addOutput(output);
    for (AttributeProto a : attributes) {
      node.addAttribute(a);
    }
    return output;
  }

  /** Adds a float32 initializer of the given shape (empty for a scalar) and returns its name. */
  String floats(String name, long[] dims, float[] values) {
    ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    return initializer(name, dims, TensorProto.DataType.FLOAT, raw.array());
  }

  /** Adds a one-dimensional int64 initializer (a shape or a list of pads) and returns its name. */
  String int64s(String name, long... values) {
    ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    raw.asLongBuffer().put(values);
    return initializer(name, new long[] {values.length}, TensorProto.DataType.INT64, raw.array());
  }

  private String initializer(String name, long[] dims, TensorProto.DataType type, byte[] raw) {
    TensorProto.Builder t =
        graph
            .addInitializerBuilder()
            .setName(name)
            .setDataType(type.getNumber())
            .setRawData(ByteString.copyFrom(raw));
    for (long d : dims) {
      t.addDims(d);
    }
    return name;
  }

  static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder a =
        AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  static AttributeProto real(String name, double value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.FLOAT)
        .setF((float) value)
        .build();
  }
}
