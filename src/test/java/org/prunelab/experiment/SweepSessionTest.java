package org.prunelab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunelab.error.PruneLabException;
import org.prunelab.job.JobCancelledException;
import org.prunelab.job.JobContext;
import org.prunelab.results.JobKey;
import org.prunelab.results.ResultsStore;

/** A sweep run job by job, as the workbench queues it. */
class SweepSessionTest {
  @TempDir Path dir;

  private static ExperimentSpec spec(String dataset) {
    return ExperimentSpecs.parse(
        """
        name: session
        network: %s
        dataset: %s
        methods: [ft, wt]
        keep: {list: [0.5]}
        test: {clean: true, images: 100}
        """
            .formatted(SweepFixtures.LENET, dataset));
  }

  @Test
  void jobsRunOneByOneAndEachIsRecordedAsItFinishes() {
    ExperimentSpec spec = spec("synthetic");
    try (ResultsStore store = ResultsStore.open(dir.resolve("r.db"));
        SweepSession session = SweepSession.open(spec, store, JobContext.silent())) {
      List<JobKey> jobs = session.jobs();
      assertEquals(3, jobs.size());
      assertEquals(jobs, session.pending());
      session.run(jobs.get(1), JobContext.silent());
      assertEquals(List.of(jobs.get(0), jobs.get(2)), session.pending());
      assertEquals(1, store.results(session.specHash()).size());
      JobContext cancelled =
          new JobContext() {
            @Override
            public void progress(long done, long total, String message) {}

            @Override
            public boolean isCancelled() {
              return true;
            }
          };
      assertThrows(JobCancelledException.class, () -> session.run(jobs.get(2), cancelled));
      assertEquals(
          List.of(jobs.get(0), jobs.get(2)), session.pending(), "a cancelled job records nothing");
    }
  }

  @Test
  void aSpecWhoseDataCannotBeOpenedLeavesNothingInTheStore() {
    try (ResultsStore store = ResultsStore.open(dir.resolve("r.db"))) {
      PruneLabException e =
          assertThrows(
              PruneLabException.class,
              () -> SweepSession.open(spec("cifar10"), store, JobContext.silent()));
      assertTrue(e.getMessage().contains("cifar"), e.getMessage());
      assertEquals(List.of(), store.experiments());
    }
  }
}
