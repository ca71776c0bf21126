package org.prunelab.data;

import org.prunelab.error.PruneLabException;

/**
 * A dataset that is missing, unreadable or malformed. The message names the file or folder, what
 * was expected there, and how to fix it (which package to install, which option to pass, or which
 * file to replace).
 */
public class DatasetException extends PruneLabException {

  /** Creates an exception whose message names the path, the expectation and the way out. */
  public DatasetException(String message) {
    super(message);
  }

  /**
   * Creates an exception for an I/O or format failure {@code cause} while reading a dataset file.
   */
  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
