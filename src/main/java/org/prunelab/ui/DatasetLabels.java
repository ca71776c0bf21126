package org.prunelab.ui;

import org.prunelab.data.Datasets;

/**
 * How the workbench names a dataset to the user: the built-in synthetic set says that it is one.
 */
public final class DatasetLabels {
  private DatasetLabels() {}

  /** The label of {@code dataset}: "synthetic (built-in)" for {@link Datasets#SYNTHETIC}. */
  public static String of(String dataset) {
    return Datasets.SYNTHETIC.equals(dataset) ? "synthetic (built-in)" : dataset;
  }
}
