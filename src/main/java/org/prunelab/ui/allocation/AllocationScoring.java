package org.prunelab.ui.allocation;

import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.prunelab.job.JobHandle;
import org.prunelab.job.Jobs;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ScoreCache;
import org.prunelab.service.ScoredModel;

/**
 * Scoring for the allocation view: scores the opened model with the chosen method on the chosen
 * number of sample images (a job: channel importance and measured error curves, {@link
 * ScoredModel}) and hands the scores on. Starting a scoring begins a new {@link Generation}; a
 * result or failure that arrives after a newer one began is dropped. FX thread only.
 */
public final class AllocationScoring {
  /** Default size of the sample set S the error curves are measured on. */
  public static final int DEFAULT_SAMPLES = 128;

  private final Jobs jobs;
  private final ScoreCache scores;
  private final Generation generation;
  private final Consumer<ScoredModel> onScored;
  private final Consumer<String> status;
  private final ObjectProperty<CompressionMethod> method =
      new SimpleObjectProperty<>(CompressionMethod.PFP);
  private final IntegerProperty samples = new SimpleIntegerProperty(DEFAULT_SAMPLES);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private JobHandle<?> scoring;

  /**
   * Scoring that runs on {@code jobs} and reports to {@code onScored} and {@code status}.
   *
   * @param jobs where the scoring job runs
   * @param scores the workbench's score cache (scores the sensitivity view computed are reused)
   * @param generation advanced by every scoring; results of older generations are dropped
   * @param onScored receives the scores of the current generation
   * @param status receives what the scoring is doing, for the view's status line
   */
  AllocationScoring(
      Jobs jobs,
      ScoreCache scores,
      Generation generation,
      Consumer<ScoredModel> onScored,
      Consumer<String> status) {
    this.jobs = jobs;
    this.scores = scores;
    this.generation = generation;
    this.onScored = onScored;
    this.status = status;
  }

  /** Scores {@code target} with the chosen method (a job), replacing a scoring under way. */
  void score(LoadedModel target) {
    cancel();
    CompressionMethod chosen = method.get();
    int count = Math.max(1, Math.min(samples.get(), target.data().sampleSet().size()));
    long ticket = generation.advance();
    busy.set(true);
    status.accept("scoring channels with " + chosen + " on " + count + " images…");
    scoring =
        jobs.submit(
            "Allocation: " + chosen + " scores and error curves",
            ctx -> scores.score(target, chosen, count, 0, ctx),
            scored -> "shown in Allocation",
            scored -> {
              if (generation.isCurrent(ticket)) {
                busy.set(false);
                onScored.accept(scored);
              }
            },
            error -> {
              if (generation.isCurrent(ticket)) {
                busy.set(false);
                status.accept("scoring failed: " + error.getMessage());
              }
            });
  }

  /** Cancels the scoring job under way, if any. */
  void cancel() {
    if (scoring != null) {
      scoring.cancel();
    }
  }

  /** The method whose scores the next scoring computes. */
  public ObjectProperty<CompressionMethod> methodProperty() {
    return method;
  }

  /** Images of the sample set S the next scoring uses. */
  public IntegerProperty samplesProperty() {
    return samples;
  }

  /** True while the model is being scored. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }
}
