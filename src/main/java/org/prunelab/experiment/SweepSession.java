package org.prunelab.experiment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.prunelab.data.ImageDataset;
import org.prunelab.data.Normalization;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Devices;
import org.prunelab.nn.Network;
import org.prunelab.results.ExperimentRecord;
import org.prunelab.results.JobKey;
import org.prunelab.results.ResultsStore;
import org.prunelab.service.ModelFiles;
import org.prunelab.train.InputNormalization;
import org.prunelab.zoo.ModelResolver;
import org.prunelab.zoo.ZooOptions;

/**
 * One sweep opened for running, job by job: the experiment recorded in the store, the spec's images
 * prepared ({@link SweepData}) and its original network opened once, so that each of its jobs can
 * run as a job of its own (the workbench queues them one by one, each with its own Cancel) or all
 * in a row ({@link ExperimentRunner}). {@link #run} writes a job's result, similarity and features
 * in one transaction as soon as it finishes. Every method touches the network: call them inside
 * jobs on one device worker; {@link #close()} closes the network.
 */
public final class SweepSession implements AutoCloseable {
  private final ExperimentSpec spec;
  private final ResultsStore store;
  private final String hash;
  private final Network original;
  private final PruneRetrain jobs;

  private SweepSession(
      ExperimentSpec spec, ResultsStore store, String hash, Network original, PruneRetrain jobs) {
    this.spec = spec;
    this.store = store;
    this.hash = hash;
    this.original = original;
    this.jobs = jobs;
  }

  /**
   * Loads the spec's dataset, opens its network and then records the experiment in {@code store}
   * (once; re-opening the same spec resumes it), so a spec whose data or network cannot be opened
   * leaves nothing in the store.
   *
   * @throws org.prunelab.error.PruneLabException when the dataset or the network cannot be opened
   */
  public static SweepSession open(ExperimentSpec spec, ResultsStore store, JobContext ctx) {
    String hash = ExperimentSpecs.hash(spec);
    ctx.progress(0, 0, "loading " + spec.dataset() + " and " + spec.network());
    SweepData data = SweepData.load(spec);
    Network original = openNetwork(spec, data.test());
    try {
      Normalization normalization =
          InputNormalization.of(original).orElse(data.trainNormalization());
      store.recordExperiment(
          new ExperimentRecord(hash, spec.name(), ExperimentSpecs.canonical(spec), Instant.now()));
      return new SweepSession(
          spec, store, hash, original, new PruneRetrain(spec, data, original, normalization));
    } catch (RuntimeException e) {
      original.close();
      throw e;
    }
  }

  /** The experiment's spec hash (its id in the store). */
  public String specHash() {
    return hash;
  }

  /** Every job of the spec, the reference first ({@link SweepJobs#expand}). */
  public List<JobKey> jobs() {
    return SweepJobs.expand(spec);
  }

  /** The jobs the store has not finished, in run order. */
  public List<JobKey> pending() {
    Set<JobKey> done = store.finishedKeys(hash);
    return jobs().stream().filter(k -> !done.contains(k)).toList();
  }

  /**
   * Prunes, retrains and measures one job and records it; a cancelled or failed job records
   * nothing.
   *
   * @throws org.prunelab.job.JobCancelledException when {@code ctx} is cancelled
   */
  public FinishedJob run(JobKey key, JobContext ctx) {
    FinishedJob job = jobs.run(key, ctx);
    store.record(job.result(), job.similarity(), job.features());
    return job;
  }

  /**
   * Builds the network of job {@code key} again (the store keeps a job's numbers, not its weights)
   * and writes it to {@code file} (.plm or .onnx, {@link ModelFiles}): pruned, rewound and
   * retrained from the spec's seed as {@link #run} did; nothing is recorded. Retraining repeats, so
   * this takes as long as the job did.
   *
   * @throws org.prunelab.job.JobCancelledException when {@code ctx} is cancelled
   */
  public Path rebuild(JobKey key, Path file, JobContext ctx) {
    try (Network network = jobs.rebuild(key, ctx)) {
      ctx.progress(0, 1, "writing " + file.getFileName());
      return ModelFiles.write(network, file);
    }
  }

  @Override
  public void close() {
    original.close();
  }

  /**
   * The spec's network; a zoo name is built for the dataset's image shape and classes with the
   * spec's seed.
   */
  private static Network openNetwork(ExperimentSpec spec, ImageDataset test) {
    ZooOptions zoo =
        new ZooOptions(test.channels(), test.height(), test.width(), test.numClasses(), 1.0);
    return ModelResolver.open(spec.network(), zoo, null, Devices.preferred(), spec.seedValue());
  }
}
