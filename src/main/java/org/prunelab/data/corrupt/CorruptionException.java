package org.prunelab.data.corrupt;

import org.prunelab.error.PruneLabException;

/**
 * A corruption asked for something it cannot do: an unknown name, a severity outside 1..5, a bad
 * image shape.
 */
public class CorruptionException extends PruneLabException {

  /** Creates an exception whose message names the bad value and the values that are accepted. */
  public CorruptionException(String message) {
    super(message);
  }

  /** Creates an exception for a failure {@code cause} of a library call (JPEG coding). */
  public CorruptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
