package org.prunelab.ui.allocation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;
import org.prunelab.job.JobHandle;
import org.prunelab.job.Jobs;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ManualPruning;

/**
 * The measured accuracy of the allocation: every change marks the measurement stale and restarts a
 * quiet period ({@link #DEBOUNCE}); when it ends, a job measures the pruned network's top-1
 * accuracy on {@link PrunedNetworks#VALIDATION_SUBSET} validation images. A newer measurement
 * cancels an older one, whose result is never shown. The unpruned network's accuracy, once
 * measured, is shown beside later ones. FX thread only.
 */
public final class DebouncedMeasurement {
  /** Quiet time after the last change before the accuracy is measured. */
  public static final Duration DEBOUNCE = Duration.millis(400);

  private final Jobs jobs;
  private final Supplier<LoadedModel> model;
  private final Supplier<Optional<AllocationSnapshot>> allocation;
  private final PauseTransition debounce = new PauseTransition(DEBOUNCE);
  private final Generation tickets = new Generation();
  private final ReadOnlyStringWrapper measuredText = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper measured = new ReadOnlyBooleanWrapper(false);
  private JobHandle<?> measuring;
  private Double baseline;

  /**
   * Measurements run on {@code jobs}, of what {@code allocation} gives when the quiet period ends;
   * a result is shown only while {@code model} is still the model it was measured on.
   */
  DebouncedMeasurement(
      Jobs jobs, Supplier<LoadedModel> model, Supplier<Optional<AllocationSnapshot>> allocation) {
    this.jobs = jobs;
    this.model = model;
    this.allocation = allocation;
    debounce.setOnFinished(e -> measureNow());
  }

  /** The allocation changed: the shown accuracy is stale and a measurement follows shortly. */
  void stale() {
    measured.set(false);
    measuredText.set("measuring the pruned network shortly…");
    debounce.playFromStart();
  }

  /** Another model opened: cancels any measurement and forgets the unpruned accuracy. */
  void reset() {
    cancel();
    debounce.stop();
    baseline = null;
    measuredText.set("");
    measured.set(false);
  }

  private void measureNow() {
    Optional<AllocationSnapshot> now = allocation.get();
    if (now.isEmpty()) {
      return;
    }
    cancel();
    LoadedModel target = now.get().model();
    Map<String, int[]> kept = now.get().keptChannels();
    boolean unpruned = now.get().unpruned();
    long ticket = tickets.advance();
    measuredText.set(
        "measuring the pruned network on "
            + ManualPruning.VALIDATION_SUBSET
            + " validation images…");
    measuring =
        jobs.submit(
            "Measure allocation accuracy",
            ctx -> ManualPruning.validate(target, kept, ManualPruning.VALIDATION_SUBSET, ctx),
            m -> {
              if (tickets.isCurrent(ticket) && target == model.get()) {
                if (unpruned) {
                  baseline = m.top1();
                }
                measured.set(true);
                measuredText.set(
                    String.format(
                        Locale.ROOT,
                        "measured top-1 %.2f %% on %d validation images%s",
                        100 * m.top1(),
                        m.images(),
                        baseline == null
                            ? ""
                            : String.format(Locale.ROOT, " (unpruned %.2f %%)", 100 * baseline)));
              }
            },
            error -> {
              if (tickets.isCurrent(ticket)) {
                measuredText.set("measurement failed: " + error.getMessage());
              }
            });
  }

  private void cancel() {
    if (measuring != null) {
      measuring.cancel();
    }
  }

  /** The accuracy line: "measuring…" while stale, the measured top-1 when it lands. */
  public ReadOnlyStringProperty measuredTextProperty() {
    return measuredText.getReadOnlyProperty();
  }

  /** Whether the accuracy line shows a measurement of the current allocation. */
  public ReadOnlyBooleanProperty measuredProperty() {
    return measured.getReadOnlyProperty();
  }
}
