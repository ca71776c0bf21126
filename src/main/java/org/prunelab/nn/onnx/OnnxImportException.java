package org.prunelab.nn.onnx;

import org.prunelab.nn.ModelFileException;

/**
 * An ONNX file PruneLab cannot import: not ONNX, damaged, or using an operator or shape PruneLab
 * does not map. The message names the file, the node and operator where that applies, and what to
 * do.
 */
public class OnnxImportException extends ModelFileException {
  public OnnxImportException(String message) {
    super(message);
  }

  public OnnxImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
