package org.prunelab.prune.allocate;

import org.prunelab.error.PruneLabException;

/**
 * A budget or a manual allocation that cannot be met: the message names the value and the range
 * that works.
 */
public class AllocationException extends PruneLabException {
  public AllocationException(String message) {
    super(message);
  }
}
