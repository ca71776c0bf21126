package org.prunelab.ui;

import org.prunelab.error.PruneLabException;

/**
 * A project file ({@code .prunelab}) that cannot be read or written, or a view's section in it that
 * does not fit the opened model; the message names the file or field and the problem.
 */
public final class ProjectFileException extends PruneLabException {
  public ProjectFileException(String message) {
    super(message);
  }

  public ProjectFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
