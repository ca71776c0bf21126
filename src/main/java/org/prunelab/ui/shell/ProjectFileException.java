package org.prunelab.ui.shell;

import org.prunelab.error.PruneLabException;

/**
 * A project file ({@code .prunelab}) that cannot be read or written; the message names the file and
 * the problem.
 */
public final class ProjectFileException extends PruneLabException {
  public ProjectFileException(String message) {
    super(message);
  }

  public ProjectFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
