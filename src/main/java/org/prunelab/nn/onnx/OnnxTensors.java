package org.prunelab.nn.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes an ONNX TensorProto (initializer or Constant value) into a {@link ConstTensor}: float32
 * and float64 to float32, the integer and boolean types to int64. Values come from {@code raw_data}
 * (little-endian, bulk-copied) or from the typed repeated fields; the element count must match the
 * dimensions exactly.
 */
final class OnnxTensors {
  private OnnxTensors() {}

  /**
   * Decodes {@code tensor}.
   *
   * @throws IllegalArgumentException naming the tensor when its type is unsupported, its data is
   *     stored outside the file, or its data does not fit its dimensions
   */
  static ConstTensor decode(TensorProto tensor) {
    String name = "tensor '" + tensor.getName() + "'";
    if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL
        || tensor.getExternalDataCount() > 0) {
      throw new IllegalArgumentException(
          name
              + " keeps its values in an external data file; PruneLab reads "
              + "self-contained .onnx files: export with external_data=False (or onnx.save(model, path, "
              + "save_as_external_data=False))");
    }
    if (tensor.hasSegment()) {
      throw new IllegalArgumentException(
          name + " is split into segments, which PruneLab does not read");
    }
    long[] dims = new long[tensor.getDimsCount()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = tensor.getDims(i);
    }
    int count;
    try {
      count = ConstTensor.elementCount(dims);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage());
    }
    DataType type = DataType.forNumber(tensor.getDataType());
    if (type == null) {
      throw new IllegalArgumentException(
          name + " has unknown element type " + tensor.getDataType());
    }
    ByteString raw = tensor.hasRawData() ? tensor.getRawData() : null;
    return switch (type) {
      case FLOAT -> ConstTensor.ofFloats(dims, floats(name, raw, tensor, count));
      case DOUBLE -> ConstTensor.ofFloats(dims, doubles(name, raw, tensor, count));
      case INT64 -> ConstTensor.ofLongs(dims, int64(name, raw, tensor, count));
      case INT32, INT16, INT8, UINT8, UINT16, BOOL ->
          ConstTensor.ofLongs(dims, smallInts(name, type, raw, tensor, count));
      default ->
          throw new IllegalArgumentException(
              name
                  + " has element type "
                  + type
                  + "; PruneLab imports "
                  + "float32 models (float32/float64 weights, integer shape tensors): export the model in float32");
    };
  }

  private static ByteBuffer rawBuffer(String name, ByteString raw, int count, int width) {
    if (raw.size() != (long) count * width) {
      throw new IllegalArgumentException(
          name
              + " holds "
              + raw.size()
              + " bytes of data, its shape needs "
              + count
              + " x "
              + width
              + " = "
              + (long) count * width
              + " (truncated or damaged file)");
    }
    return raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void checkCount(String name, int got, int count) {
    if (got != count) {
      throw new IllegalArgumentException(
          name + " holds " + got + " values, its shape needs " + count);
    }
  }

  private static float[] floats(String name, ByteString raw, TensorProto t, int count) {
    float[] v = new float[count];
    if (raw != null) {
      rawBuffer(name, raw, count, Float.BYTES).asFloatBuffer().get(v);
    } else {
      checkCount(name, t.getFloatDataCount(), count);
      for (int i = 0; i < count; i++) {
        v[i] = t.getFloatData(i);
      }
    }
    return v;
  }

  private static float[] doubles(String name, ByteString raw, TensorProto t, int count) {
    float[] v = new float[count];
    if (raw != null) {
      var buffer = rawBuffer(name, raw, count, Double.BYTES).asDoubleBuffer();
      for (int i = 0; i < count; i++) {
        v[i] = (float) buffer.get(i);
      }
    } else {
      checkCount(name, t.getDoubleDataCount(), count);
      for (int i = 0; i < count; i++) {
        v[i] = (float) t.getDoubleData(i);
      }
    }
    return v;
  }

  private static long[] int64(String name, ByteString raw, TensorProto t, int count) {
    long[] v = new long[count];
    if (raw != null) {
      rawBuffer(name, raw, count, Long.BYTES).asLongBuffer().get(v);
    } else {
      checkCount(name, t.getInt64DataCount(), count);
      for (int i = 0; i < count; i++) {
        v[i] = t.getInt64Data(i);
      }
    }
    return v;
  }

  private static long[] smallInts(
      String name, DataType type, ByteString raw, TensorProto t, int count) {
    long[] v = new long[count];
    if (raw != null) {
      int width =
          switch (type) {
            case INT32 -> 4;
            case INT16, UINT16 -> 2;
            default -> 1;
          };
      ByteBuffer b = rawBuffer(name, raw, count, width);
      for (int i = 0; i < count; i++) {
        v[i] =
            switch (type) {
              case INT32 -> b.getInt(4 * i);
              case INT16 -> b.getShort(2 * i);
              case UINT16 -> b.getShort(2 * i) & 0xffff;
              case INT8 -> b.get(i);
              default -> b.get(i) & 0xff;
            };
      }
    } else {
      checkCount(name, t.getInt32DataCount(), count);
      for (int i = 0; i < count; i++) {
        v[i] = t.getInt32Data(i);
      }
    }
    return v;
  }
}
