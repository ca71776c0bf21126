package org.prunelab.prune.sensitivity;

import org.prunelab.error.PruneLabException;

/**
 * Scores cannot be computed from the given samples or network; the message names the problem and
 * the way out.
 */
public class SensitivityException extends PruneLabException {
  public SensitivityException(String message) {
    super(message);
  }
}
