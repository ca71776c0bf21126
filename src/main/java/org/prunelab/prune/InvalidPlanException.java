package org.prunelab.prune;

import org.prunelab.error.PruneLabException;

/**
 * A pruning request that does not fit the network: unknown group, channel out of range, nothing
 * kept, ...
 */
public class InvalidPlanException extends PruneLabException {
  public InvalidPlanException(String message) {
    super(message);
  }
}
