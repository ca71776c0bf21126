package org.prunelab.nn.layer;

/**
 * Execution mode of a forward pass. {@code TRAIN} uses batch statistics in BatchNorm (and updates
 * the running statistics) and drops activations in Dropout; {@code EVAL} uses running statistics
 * and keeps every activation.
 */
public enum Mode {
  TRAIN,
  EVAL;

  public boolean training() {
    return this == TRAIN;
  }
}
