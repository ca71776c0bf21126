package org.prunelab.nn.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Typed access to the attributes of one ONNX node, with ONNX's defaults; a wrongly typed attribute
 * is an error.
 */
final class OnnxAttributes {
  private final Map<String, AttributeProto> byName = new HashMap<>();

  OnnxAttributes(NodeProto node) {
    for (AttributeProto a : node.getAttributeList()) {
      byName.put(a.getName(), a);
    }
  }

  boolean has(String name) {
    return byName.containsKey(name);
  }

  long integer(String name, long fallback) {
    AttributeProto a =
        typed(name, AttributeType.INT, byName.get(name) != null && byName.get(name).hasI());
    return a == null ? fallback : a.getI();
  }

  float real(String name, float fallback) {
    AttributeProto a =
        typed(name, AttributeType.FLOAT, byName.get(name) != null && byName.get(name).hasF());
    return a == null ? fallback : a.getF();
  }

  /** The integers of an INTS attribute, or {@code fallback} (may be null) when absent. */
  long[] ints(String name, long[] fallback) {
    AttributeProto a =
        typed(
            name,
            AttributeType.INTS,
            byName.get(name) != null && byName.get(name).getIntsCount() > 0);
    if (a == null) {
      return fallback;
    }
    long[] v = new long[a.getIntsCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.getInts(i);
    }
    return v;
  }

  float[] reals(String name) {
    AttributeProto a =
        typed(
            name,
            AttributeType.FLOATS,
            byName.get(name) != null && byName.get(name).getFloatsCount() > 0);
    if (a == null) {
      return null;
    }
    float[] v = new float[a.getFloatsCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.getFloats(i);
    }
    return v;
  }

  String string(String name, String fallback) {
    AttributeProto a =
        typed(name, AttributeType.STRING, byName.get(name) != null && byName.get(name).hasS());
    return a == null ? fallback : a.getS().toString(StandardCharsets.UTF_8);
  }

  TensorProto tensor(String name) {
    AttributeProto a =
        typed(name, AttributeType.TENSOR, byName.get(name) != null && byName.get(name).hasT());
    return a == null ? null : a.getT();
  }

  private AttributeProto typed(String name, AttributeType expected, boolean filled) {
    AttributeProto a = byName.get(name);
    if (a == null) {
      return null;
    }
    // files from before IR version 3 may leave the type unset; then the filled field tells
    boolean ok = a.getType() == expected || (a.getType() == AttributeType.UNDEFINED && filled);
    if (!ok) {
      throw new IllegalArgumentException(
          "attribute '" + name + "' should be " + expected + " but is " + a.getType());
    }
    return a;
  }
}
