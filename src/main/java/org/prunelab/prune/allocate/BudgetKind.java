package org.prunelab.prune.allocate;

/**
 * What a compression budget counts: the network's parameters or its multiply-accumulates ("FLOPs").
 */
public enum BudgetKind {
  PARAMETERS("parameters"),
  FLOPS("FLOPs");

  private final String label;

  BudgetKind(String label) {
    this.label = label;
  }

  /** Word used in reports and error messages. */
  public String label() {
    return label;
  }
}
