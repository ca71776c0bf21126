package org.prunelab.nn.onnx;

import org.prunelab.error.PruneLabException;

/**
 * ONNX Runtime cannot load or run a file, or the file does not take the network's input: the
 * message names the file and the problem.
 */
public class OnnxVerificationException extends PruneLabException {
  public OnnxVerificationException(String message, Throwable cause) {
    super(message, cause);
  }

  public OnnxVerificationException(String message) {
    super(message);
  }
}
