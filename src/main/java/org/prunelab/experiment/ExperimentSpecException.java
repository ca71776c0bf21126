package org.prunelab.experiment;

import org.prunelab.error.PruneLabException;

/**
 * An experiment spec that cannot be run: the message names the file, the field and what it accepts.
 */
public class ExperimentSpecException extends PruneLabException {
  public ExperimentSpecException(String message) {
    super(message);
  }

  public ExperimentSpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
