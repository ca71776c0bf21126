package org.prunelab.error;

/**
 * Base of every error PruneLab reports to a user: the message names the problem and the way out.
 */
public class PruneLabException extends RuntimeException {
  public PruneLabException(String message) {
    super(message);
  }

  public PruneLabException(String message, Throwable cause) {
    super(message, cause);
  }
}
