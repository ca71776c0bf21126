package org.prunelab.chart;

/**
 * The excess error of a pruned network p under one corruption D': how much more it loses going from
 * the clean test set D to D' than the unpruned network u does, e = (err(p, D') - err(p, D)) -
 * (err(u, D') - err(u, D)) with err the top-1 error, in percentage points.
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
