package org.prunelab.nn.onnx;

import org.prunelab.error.PruneLabException;

/**
 * A network that cannot be written as ONNX: the message names the node, what ONNX lacks, and the
 * way out.
 */
public class OnnxExportException extends PruneLabException {
  public OnnxExportException(String message) {
    super(message);
  }
}
