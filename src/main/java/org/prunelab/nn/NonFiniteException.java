package org.prunelab.nn;

import org.prunelab.error.PruneLabException;

/** A parameter, input or loss holds NaN or infinity; the message names which and how to recover. */
public class NonFiniteException extends PruneLabException {
  public NonFiniteException(String message) {
    super(message);
  }
}
