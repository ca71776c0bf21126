package org.prunelab.results;

import org.prunelab.error.PruneLabException;

/**
 * A results store that cannot be opened, migrated, read or written; the message names the file and
 * the way out.
 */
public class ResultsStoreException extends PruneLabException {
  public ResultsStoreException(String message) {
    super(message);
  }

  public ResultsStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
