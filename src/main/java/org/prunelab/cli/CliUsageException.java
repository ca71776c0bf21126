package org.prunelab.cli;

import org.prunelab.error.PruneLabException;

/** An option value the command cannot use, or options that contradict each other. */
final class CliUsageException extends PruneLabException {
  CliUsageException(String message) {
    super(message);
  }
}
