package org.prunelab.chart;

/**
 * The excess error of a pruned network under one corruption: its top-1 error on corrupted inputs
 * minus the unpruned network's error on the same inputs, e_corr(pruned) - e_corr(unpruned), in
 * percentage points.
 *
 * @param corruption the corruption's id (one series per corruption)
 * @param pruneRatio share of the parameters removed, in [0, 1]
 * @param excessError the excess error in percentage points (may be negative)
 */
public record ExcessErrorPoint(String corruption, double pruneRatio, double excessError) {

  /** Checks the name, that the ratio is a fraction and the error finite. */
  public ExcessErrorPoint {
    Inputs.name(corruption, "corruption");
    Inputs.fraction(pruneRatio, "pruneRatio of " + corruption);
    Inputs.finite(excessError, "excessError of " + corruption);
  }
}
