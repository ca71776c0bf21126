package org.prunelab.nn.onnx;

import org.prunelab.error.InvalidSettingException;

/**
 * How {@link OnnxExporter} writes a network: the ONNX operator set version (opset) the file
 * declares, and the name of the graph output.
 *
 * @param opset operator set of the default ONNX domain, 13 to 18 (17 by default, read by ONNX
 *     Runtime 1.12 and later)
 * @param outputName name of the graph's output tensor ({@code logits} by default); the network's
 *     input is always called {@code input}
 */
public record OnnxExportOptions(int opset, String outputName) {
  /**
   * Oldest opset the exporter writes (from 13 on, Clip takes min and max as inputs and Softmax one
   * axis).
   */
  public static final int MIN_OPSET = 13;

  /** Newest opset the exporter writes. */
  public static final int MAX_OPSET = 18;

  /** Opset written unless another is asked for. */
  public static final int DEFAULT_OPSET = 17;

  /** Name of the output tensor unless another is asked for. */
  public static final String DEFAULT_OUTPUT = "logits";

  public OnnxExportOptions {
    if (opset < MIN_OPSET || opset > MAX_OPSET) {
      throw new InvalidSettingException(
          "ONNX opset must be between "
              + MIN_OPSET
              + " and "
              + MAX_OPSET
              + ", got "
              + opset
              + "; "
              + DEFAULT_OPSET
              + " is read by every ONNX Runtime since 1.12");
    }
    if (outputName == null || outputName.isBlank()) {
      throw new InvalidSettingException("the ONNX output name must not be empty");
    }
  }

  /** Opset 17, output {@code logits}. */
  public static OnnxExportOptions defaults() {
    return new OnnxExportOptions(DEFAULT_OPSET, DEFAULT_OUTPUT);
  }

  /** The same options with another opset. */
  public OnnxExportOptions withOpset(int version) {
    return new OnnxExportOptions(version, outputName);
  }
}
