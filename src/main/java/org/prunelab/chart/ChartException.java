package org.prunelab.chart;

import org.prunelab.error.PruneLabException;

/** A figure that cannot be drawn or written: bad input values or an unsupported output file. */
public class ChartException extends PruneLabException {
  public ChartException(String message) {
    super(message);
  }

  public ChartException(String message, Throwable cause) {
    super(message, cause);
  }
}
