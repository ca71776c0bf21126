package org.prunelab.ui.shell;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.util.Duration;
import org.prunelab.job.JobHandle;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.LoadedModel;
import org.prunelab.ui.allocation.AllocationView;
import org.prunelab.ui.allocation.AllocationViewModel;
import org.prunelab.ui.experiments.ExperimentsView;
import org.prunelab.ui.experiments.ExperimentsViewModel;
import org.prunelab.ui.experiments.SweepForm;
import org.prunelab.ui.sensitivity.SensitivityView;
import org.prunelab.ui.sensitivity.SensitivityViewModel;

/**
 * Help &gt; Guided tour: one click opens the default trained network and walks through sensitivity,
 * allocation, prune &amp; retrain, accuracy vs compression and robustness, each step doing its work
 * in the real views (as jobs) on a reduced {@link Budget} and explaining the idea in a caption;
 * Next is enabled when the step's work is done. FX thread only.
 */
public final class GuidedTour {
  /**
   * How much work the tour does: sample images for the scores, the parameter budget of the
   * allocation, training images of each retraining, the sweep's keep ratios and its test images.
   * {@link #REDUCED} finishes within minutes on a 2-core laptop CPU.
   *
   * @param samples sample images S the scores use
   * @param keep kept share of the parameters in the allocation step
   * @param retrainImages training images of each one-epoch retraining
   * @param keepRatios the sweep's keep ratios (methods pfp and ft)
   * @param testImages test images per distribution in the sweep
   */
  public record Budget(
      int samples, double keep, int retrainImages, String keepRatios, int testImages) {
    /**
     * The tour's default: 64 samples, 50 %, 1,000 training images, keep 0.7/0.4, 500 test images.
     */
    public static final Budget REDUCED = new Budget(64, 0.5, 1000, "0.7, 0.4", 500);
  }

  /**
   * One step: the view it shows, what it says, what it starts, and {@code progress}, polled every
   * 250 ms, which takes the step's next action once what it waits for is there (the allocation
   * waits for the scores) and says whether the step is done.
   */
  record Step(
      String view, String title, String caption, Runnable start, BooleanSupplier progress) {}

  private final List<Step> steps;
  private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
  private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
  private final Timeline poll;

  private GuidedTour(List<Step> steps) {
    this.steps = List.copyOf(steps);
    this.poll =
        new Timeline(
            new KeyFrame(
                Duration.millis(250), e -> ready.set(current().progress().getAsBoolean())));
    poll.setCycleCount(Timeline.INDEFINITE);
  }

  /** The tour of {@code window}'s workbench with {@code budget}; call {@link #start}. */
  static GuidedTour of(MainWindow window, Workbench workbench, Budget budget) {
    Objects.requireNonNull(budget, "budget");
    JobHandle<?>[] open = new JobHandle<?>[1];
    LoadedModel[] before = new LoadedModel[1];
    boolean[] allocated = new boolean[1];
    return new GuidedTour(
        List.of(
            new Step(
                "Start",
                "A trained network",
                "PruneLab opens a ResNet-20 trained on Fashion-MNIST (272,186 parameters, 19"
                    + " convolutions). Pruning removes whole channels, so the network it makes is"
                    + " truly smaller and faster, not only sparser.",
                () -> {
                  window.show("Start");
                  before[0] = workbench.model().get();
                  open[0] = workbench.openDefault();
                },
                () ->
                    open[0].state().isTerminal()
                        && workbench.model().get() != null
                        && workbench.model().get() != before[0]),
            new Step(
                "Sensitivity",
                "How much each channel matters",
                String.format(
                    Locale.ROOT,
                    "PFP gives channel j of a layer the sensitivity s_j: the largest share of the"
                        + " next layer's input it contributes over %d sample images S. A layer's"
                        + " S_l = \u03a3 s_j says how many channels it really relies on: the smaller"
                        + " S_l for its width, the more of it can go with little error.",
                    budget.samples()),
                () -> {
                  SensitivityViewModel s =
                      ((SensitivityView) window.show("Sensitivity")).viewModel();
                  s.methodProperty().set(CompressionMethod.PFP);
                  s.samplesProperty().set(budget.samples());
                  s.run();
                },
                () -> {
                  SensitivityViewModel s =
                      ((SensitivityView) window.show("Sensitivity")).viewModel();
                  return !s.runningProperty().get() && s.resultProperty().get() != null;
                }),
            new Step(
                "Allocation",
                "Where to prune",
                String.format(
                    Locale.ROOT,
                    "The optimal allocator spreads a budget of %.0f %% of the parameters so that the"
                        + " largest predicted layer error \u03b5_l is as small as it can be. Early"
                        + " layers have few channels that every later layer depends on, and the last"
                        + " layers feed the classifier, so they keep more; the wide middle layers give"
                        + " up most.",
                    100 * budget.keep()),
                () -> {
                  allocated[0] = false;
                  window.show("Allocation");
                },
                () -> {
                  AllocationViewModel a = ((AllocationView) window.show("Allocation")).viewModel();
                  if (!allocated[0] && a.editor().calculatorProperty().get() != null) {
                    allocated[0] = a.editor().applyBudget(budget.keep());
                  }
                  return allocated[0];
                }),
            new Step(
                "Allocation",
                "Prune and retrain",
                String.format(
                    Locale.ROOT,
                    "Prune & Retrain builds the smaller network and trains it for one epoch on %,d"
                        + " images: pruning costs accuracy, retraining wins much of it back. The run"
                        + " is recorded in the results store and shows up on the charts.",
                    budget.retrainImages()),
                () -> {
                  AllocationViewModel a = ((AllocationView) window.show("Allocation")).viewModel();
                  a.actions().retrainEpochsProperty().set(1);
                  a.actions().retrainImagesProperty().set(budget.retrainImages());
                  a.actions().pruneAndRetrain();
                },
                () -> {
                  String text =
                      ((AllocationView) window.show("Allocation"))
                          .viewModel()
                          .actions()
                          .pruneTextProperty()
                          .get();
                  return text.contains("recorded as")
                      || text.contains("not recorded")
                      || text.contains("failed");
                }),
            new Step(
                "Experiments",
                "Accuracy vs compression",
                "A sweep prunes at several keep ratios with PFP and with filter thresholding (FT),"
                    + " retrains each for one epoch and plots the change of top-1 against the pruned"
                    + " parameters and FLOPs as every job lands: how much compression a method buys"
                    + " for how much accuracy.",
                () -> {
                  ExperimentsViewModel x =
                      ((ExperimentsView) window.show("Experiments")).viewModel();
                  SweepForm form = x.form();
                  form.nameProperty().set("guided tour");
                  form.methods().setAll(CompressionMethod.PFP, CompressionMethod.FT);
                  form.spacingProperty().set(SweepForm.Spacing.LIST);
                  form.listProperty().set(budget.keepRatios());
                  form.epochsProperty().set(1);
                  form.retrainImagesProperty().set(Integer.toString(budget.retrainImages()));
                  form.cleanProperty().set(true);
                  form.corruptions().setAll("fog", "gaussian_noise");
                  form.severitiesProperty().set("3");
                  form.testImagesProperty().set(Integer.toString(budget.testImages()));
                  x.queueSweep();
                },
                () -> {
                  ExperimentsViewModel x =
                      ((ExperimentsView) window.show("Experiments")).viewModel();
                  return !x.runningProperty().get() && x.sweepProperty().get() != null;
                }),
            new Step(
                "Robustness",
                "What the clean accuracy hides",
                "Excess error is how much more a pruned network's error grows from clean to"
                    + " corrupted images than the unpruned network's does. Above zero, pruning cost"
                    + " robustness that the clean test accuracy does not show (\"Lost in Pruning\")."
                    + " The gallery shows the corruptions, from mild to harsh.",
                () -> window.show("Robustness"),
                () -> true)));
  }

  /** Starts at the first step. */
  void start() {
    index.set(0);
    begin();
    poll.play();
  }

  private void begin() {
    current().start().run();
    ready.set(current().progress().getAsBoolean());
  }

  /** Goes to the next step once this one is done; after the last, ends the tour. */
  public void next() {
    if (!ready.get()) {
      return;
    }
    if (index.get() == steps.size() - 1) {
      close();
      return;
    }
    index.set(index.get() + 1);
    begin();
  }

  /** Ends the tour (jobs it started keep running). */
  public void close() {
    poll.stop();
    finished.set(true);
  }

  private Step current() {
    return steps.get(Math.max(0, index.get()));
  }

  /** Number of steps. */
  public int size() {
    return steps.size();
  }

  /** The current step's title. */
  public String title() {
    return current().title();
  }

  /** The current step's caption. */
  public String caption() {
    return current().caption();
  }

  /** The view the current step shows. */
  public String view() {
    return current().view();
  }

  /** Index of the current step, -1 before {@link #start}. */
  public ReadOnlyIntegerProperty indexProperty() {
    return index.getReadOnlyProperty();
  }

  /** Whether the current step's work is done (Next is enabled). */
  public ReadOnlyBooleanProperty readyProperty() {
    return ready.getReadOnlyProperty();
  }

  /** Whether the tour has ended (closed or past its last step). */
  public ReadOnlyBooleanProperty finishedProperty() {
    return finished.getReadOnlyProperty();
  }
}
