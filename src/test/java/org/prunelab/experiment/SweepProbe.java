package org.prunelab.experiment;

import java.nio.file.Path;
import org.prunelab.job.JobContext;
import org.prunelab.results.ResultsStore;

/** Child JVM of {@link ExperimentKillTest}: runs a sweep spec into a store until it is killed. */
public final class SweepProbe {
  private SweepProbe() {}

  public static void main(String[] args) {
    ExperimentSpec spec = ExperimentSpecs.load(Path.of(args[0]));
    try (ResultsStore store = ResultsStore.open(Path.of(args[1]))) {
      new ExperimentRunner(spec, store, 0).run(JobContext.silent());
    }
  }
}
