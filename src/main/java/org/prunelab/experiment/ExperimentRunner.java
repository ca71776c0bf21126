package org.prunelab.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.prunelab.error.InvalidSettingException;
import org.prunelab.job.Job;
import org.prunelab.job.JobCancelledException;
import org.prunelab.job.JobContext;
import org.prunelab.results.ExperimentRecord;
import org.prunelab.results.JobKey;
import org.prunelab.results.ResultsStore;

/**
 * Runs a sweep: records the experiment (spec hash, name, canonical spec) once, expands the spec
 * into jobs ({@link SweepJobs}), skips those the store has finished and runs the rest in order
 * (each job prunes the original network to its keep ratio in the spec's mode, one-shot, iterative
 * or rewind, retrains and measures it; the modes are defined in docs/adr/0010-sweep-runner.md),
 * writing each job's result and similarity in one transaction as soon as it finishes. A crash or
 * {@code kill -9} therefore loses at most the job in flight, and re-running the same spec resumes.
 * Progress counts the jobs this run has to do ("pfp keep 0.50 rep 0: ..."); cancellation is
 * honoured between jobs and inside them (a cancelled job records nothing and the run ends with
 * {@link JobCancelledException}). A job that fails (NaN, an impossible budget) is reported in the
 * {@link RunSummary} and the sweep goes on; failures are not stored, so the next run tries them
 * again (docs/adr/0010-sweep-runner.md).
 */
public final class ExperimentRunner {
  private final ExperimentSpec spec;
  private final ResultsStore store;
  private final int jobsLimit;

  /**
   * A runner of {@code spec} into {@code store}.
   *
   * @param jobsLimit run at most this many unfinished jobs (0: all of them)
   */
  public ExperimentRunner(ExperimentSpec spec, ResultsStore store, int jobsLimit) {
    if (jobsLimit < 0) {
      throw new InvalidSettingException(
          "jobs limit must be >= 0 (0 runs every job), got " + jobsLimit);
    }
    this.spec = spec;
    this.store = store;
    this.jobsLimit = jobsLimit;
  }

  /** The sweep as a job for a device worker or the calling thread. */
  public Job<RunSummary> job() {
    return this::run;
  }

  /** Runs the unfinished jobs on the calling thread. */
  public RunSummary run(JobContext ctx) {
    String hash = ExperimentSpecs.hash(spec);
    List<JobKey> keys = SweepJobs.expand(spec);
    Set<JobKey> done = store.finishedKeys(hash);
    List<JobKey> pending = new ArrayList<>(keys.stream().filter(k -> !done.contains(k)).toList());
    int skipped = keys.size() - pending.size();
    if (jobsLimit > 0 && pending.size() > jobsLimit) {
      pending = pending.subList(0, jobsLimit);
    }
    List<JobKey> finished = new ArrayList<>();
    List<JobFailure> failures = new ArrayList<>();
    if (pending.isEmpty()) {
      store.recordExperiment(
          new ExperimentRecord(hash, spec.name(), ExperimentSpecs.canonical(spec), Instant.now()));
      return new RunSummary(hash, keys.size(), skipped, finished, failures);
    }
    ctx.progress(0, pending.size(), "loading " + spec.dataset() + " and " + spec.network());
    try (SweepSession session = SweepSession.open(spec, store, ctx)) {
      for (int i = 0; i < pending.size(); i++) {
        ctx.checkCancelled();
        JobKey key = pending.get(i);
        JobContext inner = new StepContext(ctx, i, pending.size(), SweepJobs.label(key));
        inner.progress(0, 0, "starting");
        try {
          session.run(key, inner);
          finished.add(key);
        } catch (JobCancelledException e) {
          throw e;
        } catch (RuntimeException e) {
          failures.add(new JobFailure(key, e.getMessage() == null ? e.toString() : e.getMessage()));
        }
      }
    }
    ctx.progress(
        pending.size(),
        pending.size(),
        failures.isEmpty() ? "done" : "done, " + failures.size() + " failed");
    return new RunSummary(hash, keys.size(), skipped, finished, failures);
  }

  /**
   * A job's context inside the sweep: cancellation from the sweep, progress as "job i of n: step".
   */
  private record StepContext(JobContext sweep, int index, int total, String label)
      implements JobContext {
    @Override
    public void progress(long done, long stepTotal, String message) {
      sweep.progress(index, total, message == null ? label : label + ": " + message);
    }

    @Override
    public boolean isCancelled() {
      return sweep.isCancelled();
    }
  }
}
