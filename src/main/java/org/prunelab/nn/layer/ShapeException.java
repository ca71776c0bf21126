package org.prunelab.nn.layer;

import org.prunelab.error.PruneLabException;

/**
 * A tensor shape that a node cannot accept: the message names the node, the shape it got and the
 * one it expects.
 */
public class ShapeException extends PruneLabException {
  public ShapeException(String message) {
    super(message);
  }
}
