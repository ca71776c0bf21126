package org.prunelab.nn;

import org.prunelab.error.PruneLabException;

/**
 * A model file that cannot be read or written: the message names the file, what is wrong and what
 * to do.
 */
public class ModelFileException extends PruneLabException {
  public ModelFileException(String message) {
    super(message);
  }

  public ModelFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
