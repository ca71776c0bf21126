package org.prunelab.nn.onnx;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.prunelab.error.InvalidSettingException;

/**
 * How to import an ONNX file: the device the parameters go to, and optionally the shape of one
 * input sample (without the batch axis, e.g. (1, 28, 28)) for files whose input has symbolic
 * dimensions other than the batch. A given shape must agree with every fixed dimension the file
 * declares.
 *
 * @param inputShape the sample shape, or null to take it from the file
 */
public record OnnxImportOptions(Device device, Shape inputShape) {

  public OnnxImportOptions {
    if (device == null) {
      throw new IllegalArgumentException(
          "OnnxImportOptions needs a device (Device.cpu() or Devices.preferred())");
    }
    if (inputShape != null
        && (inputShape.dimension() == 0
            || Arrays.stream(inputShape.getShape()).anyMatch(d -> d <= 0))) {
      throw new InvalidSettingException(
          "input shape must be positive dimensions without the batch axis, e.g. "
              + "(1, 28, 28); got "
              + inputShape);
    }
  }

  /** Imports onto {@code device}, taking the input shape from the file. */
  public static OnnxImportOptions on(Device device) {
    return new OnnxImportOptions(device, null);
  }

  /** The same options with the sample shape given, e.g. {@code withInputShape(1, 28, 28)}. */
  public OnnxImportOptions withInputShape(long... sampleShape) {
    return new OnnxImportOptions(device, new Shape(sampleShape));
  }
}
