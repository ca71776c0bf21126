package org.prunelab.ui.experiments;

import java.util.Locale;
import org.prunelab.experiment.ExperimentSpec;
import org.prunelab.results.ExperimentRecord;

/**
 * One experiment of the watched results store as the experiments view lists it: its record, its
 * spec read back from the stored text ({@code null} for a run recorded by hand, whose text is no
 * sweep spec), and how many of its jobs are finished out of how many it has (the unpruned reference
 * included; 0 when the spec is unknown). {@link ExperimentRows} makes them from a store snapshot.
 *
 * @param record the stored experiment
 * @param spec its sweep spec, {@code null} when the stored text is none
 * @param finished jobs with a result in the store
 * @param total jobs the spec has, the reference included
 */
public record ExperimentRow(ExperimentRecord record, ExperimentSpec spec, int finished, int total) {
  /** The experiment's id in the store. */
  public String specHash() {
    return record.specHash();
  }

  /** Name and progress: "quick sweep (7/13 jobs)". */
  @Override
  public String toString() {
    return total == 0
        ? String.format(Locale.ROOT, "%s (%d runs)", record.name(), finished)
        : String.format(Locale.ROOT, "%s (%d/%d jobs)", record.name(), finished, total);
  }
}
