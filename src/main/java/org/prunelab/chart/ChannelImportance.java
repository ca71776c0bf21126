package org.prunelab.chart;

/**
 * The importance of every channel of one prunable channel group, as a method scores it.
 *
 * @param group the group's name (one box per group, in order of first appearance)
 * @param values one finite score per channel, at least one
 */
public record ChannelImportance(String group, double[] values) {

  /** Checks the name and that every value is finite. */
  public ChannelImportance {
    Inputs.name(group, "group");
    if (values == null || values.length == 0) {
      throw new ChartException("group " + group + " needs at least one channel score; got none");
    }
    values = values.clone();
    for (double v : values) {
      Inputs.finite(v, "channel score of group " + group);
    }
  }

  @Override
  public double[] values() {
    return values.clone();
  }
}
