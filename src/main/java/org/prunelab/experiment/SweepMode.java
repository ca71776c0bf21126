package org.prunelab.experiment;

import java.util.Arrays;
import java.util.List;

/**
 * How a sweep reaches each keep ratio (see {@link PruneRetrain}): in one step from the original
 * network, in geometric steps with retraining between them, or in steps that find the structure
 * followed by a rewind of the surviving weights to the original's and one retraining.
 */
public enum SweepMode {
  ONE_SHOT("one-shot"),
  ITERATIVE("iterative"),
  REWIND("rewind");

  private final String specName;

  SweepMode(String specName) {
    this.specName = specName;
  }

  /** The name specs and the results store use, e.g. {@code one-shot}. */
  public String specName() {
    return specName;
  }

  /** Whether it prunes in several steps (iterative and rewind). */
  public boolean stepwise() {
    return this != ONE_SHOT;
  }

  /** Every mode's name, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(SweepMode::specName).toList();
  }

  /**
   * The mode of that name.
   *
   * @throws ExperimentSpecException naming the modes when there is none
   */
  public static SweepMode parse(String name) {
    for (SweepMode mode : values()) {
      if (mode.specName.equals(name)) {
        return mode;
      }
    }
    throw new ExperimentSpecException("mode '" + name + "' is not one of " + names());
  }
}
