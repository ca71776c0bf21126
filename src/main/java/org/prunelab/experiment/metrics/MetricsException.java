package org.prunelab.experiment.metrics;

import org.prunelab.error.PruneLabException;

/**
 * Results that cannot be turned into a metric: no reference job, no such method or distribution,
 * too few points.
 */
public class MetricsException extends PruneLabException {
  public MetricsException(String message) {
    super(message);
  }
}
