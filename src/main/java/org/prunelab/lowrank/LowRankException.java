package org.prunelab.lowrank;

import org.prunelab.error.PruneLabException;

/**
 * A low-rank compression request that cannot be met: the message names the problem and what to ask
 * for instead.
 */
public class LowRankException extends PruneLabException {
  public LowRankException(String message) {
    super(message);
  }
}
