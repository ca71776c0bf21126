package org.prunelab.experiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Network;
import org.prunelab.results.ExperimentRecord;
import org.prunelab.results.JobKey;
import org.prunelab.results.ResultsStore;
import org.prunelab.service.LoadedModel;

/**
 * Records the networks a person prunes by hand (the workbench allocation view's Prune and Prune
 * &amp; Retrain) in a results store, so they appear on the live charts beside the sweeps. Every
 * network and dataset has one experiment of such runs, named "by hand: <network file>", whose id
 * {@link #specHash} follows from the network, the dataset and {@link #TEST}. A run is measured
 * exactly as a sweep job is ({@link JobMeasurement}) on {@link #TEST}: the clean test set,
 * gaussian_noise and fog at severity 3 and uniform input noise eps = 0.05 and 0.1, on the first
 * {@value #TEST_IMAGES} test images, with its functional similarity to the unpruned network at
 * those noise levels; the unpruned reference is measured on the same images once, with the first
 * run. A run's key: the method the caller names (e.g. {@code pfp-optimal+1ep}), its realised
 * parameter fraction rounded to four digits as keep ratio, the next free repetition of that method
 * and ratio, mode {@code one-shot}. The store keeps numbers, not weights: a run made by hand cannot
 * be rebuilt from the store (the allocation view saves the network instead).
 */
public final class ManualRuns {
  /** How many test images each distribution of a run made by hand holds. */
  public static final int TEST_IMAGES = 2000;

  /** The distributions every run made by hand is measured on. */
  public static final TestDistributions TEST =
      new TestDistributions(
          true, List.of("gaussian_noise", "fog"), List.of(3), List.of(0.05, 0.1), TEST_IMAGES);

  private static final long SEED = 0;
  private static final String MODE = SweepMode.ONE_SHOT.specName();

  private final LoadedModel model;
  private final String hash;
  private final JobMeasurement measurement;

  private ManualRuns(LoadedModel model) {
    this.model = model;
    this.hash = specHash(model.source(), model.dataset());
    SweepData data = SweepData.of(TEST, null, SEED, model.data());
    this.measurement =
        new JobMeasurement(
            data, model.normalization(), FunctionalSimilarity.DEFAULT_EPS, SEED, Optional.empty());
  }

  /**
   * The recorder for runs of {@code model} (prepares the corrupted test images: call it in a job).
   */
  public static ManualRuns of(LoadedModel model) {
    return new ManualRuns(model);
  }

  /** The model whose runs this records. */
  public LoadedModel model() {
    return model;
  }

  /** The id of the experiment of runs made by hand on {@code network} with {@code dataset}. */
  public static String specHash(String network, String dataset) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text(network, dataset).getBytes(StandardCharsets.UTF_8));
      return "manual-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * What the store keeps as the experiment's text: says what the runs are and how they were
   * measured; it is not a sweep spec (nothing to run again).
   */
  private static String text(String network, String dataset) {
    return "# runs pruned by hand in the PruneLab workbench (allocation view); not a sweep spec\n"
        + "network: "
        + network
        + "\ndataset: "
        + dataset
        + "\ntest: {clean: true, corruptions: "
        + TEST.corruptions()
        + ", severities: "
        + TEST.severities()
        + ", noise: "
        + TEST.noise()
        + ", images: "
        + TEST.images()
        + "}\nseed: "
        + SEED
        + "\n";
  }

  /**
   * Measures {@code pruned} (a network built from the model's) and records it in the SQLite store
   * {@code store} as a run of {@code method}, with the unpruned reference first when the store has
   * none yet.
   *
   * @param keptPerUnit units kept per channel group (channels), in network order
   * @return the recorded run
   * @throws org.prunelab.results.ResultsStoreException when the store cannot be opened or written
   */
  public FinishedJob record(
      Path store,
      Network pruned,
      Map<String, Integer> keptPerUnit,
      String method,
      Duration pruneTime,
      Duration retrainTime,
      JobContext ctx) {
    Network original = model.network();
    try (ResultsStore results = ResultsStore.open(store)) {
      results.recordExperiment(
          new ExperimentRecord(hash, name(), text(model.source(), model.dataset()), Instant.now()));
      JobKey reference = key(SweepJobs.UNPRUNED, 1, 0);
      if (!results.isFinished(reference)) {
        ctx.progress(0, 0, "measuring the unpruned network for the results store");
        FinishedJob unpruned =
            measurement.finish(
                reference,
                original,
                original,
                PruneRetrain.fullUnits(original),
                original.parameterCount(),
                original.macs(),
                Duration.ZERO,
                Duration.ZERO,
                ctx);
        results.record(unpruned.result(), unpruned.similarity());
      }
      double keep = keepRatio(pruned.parameterCount(), original.parameterCount());
      int repetition = nextRepetition(results, method, keep);
      ctx.progress(0, 0, "measuring " + method + " for the results store");
      FinishedJob run =
          measurement.finish(
              key(method, keep, repetition),
              original,
              pruned,
              keptPerUnit,
              pruned.parameterCount(),
              pruned.macs(),
              pruneTime,
              retrainTime,
              ctx);
      results.record(run.result(), run.similarity());
      return run;
    }
  }

  /** The experiment's name: "by hand: " and the network's file name. */
  public String name() {
    Path source = Path.of(model.source()).getFileName();
    return "by hand: " + (source == null ? model.source() : source.toString());
  }

  private JobKey key(String method, double keep, int repetition) {
    return new JobKey(hash, model.source(), method, keep, repetition, MODE);
  }

  /** The realised parameter fraction, rounded to four digits, kept within (0, 1]. */
  static double keepRatio(long params, long originalParams) {
    double fraction = (double) params / originalParams;
    double rounded = Math.round(fraction * 10_000) / 10_000.0;
    return Math.max(1e-4, Math.min(1, rounded));
  }

  private int nextRepetition(ResultsStore results, String method, double keep) {
    return (int)
        results.finishedKeys(hash).stream()
            .filter(k -> k.method().equals(method) && k.keepRatio() == keep)
            .count();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (%s)", name(), hash);
  }
}
