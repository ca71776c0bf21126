package org.prunelab.ui.robustness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.prunelab.chart.AgreementPoint;
import org.prunelab.chart.MethodExcessPoint;
import org.prunelab.chart.PrunePotential;
import org.prunelab.error.PruneLabException;
import org.prunelab.experiment.metrics.ExcessErrors;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.experiment.report.FigureInputs;
import org.prunelab.results.JobKey;
import org.prunelab.results.SimilarityMetric;
import org.prunelab.results.StoreSnapshot;
import org.prunelab.ui.WorkbenchContext;
import org.prunelab.ui.experiments.ExperimentRow;
import org.prunelab.ui.experiments.ExperimentRows;

/**
 * State of the robustness view: the experiments of the watched results store and the one shown (the
 * newest by default), its shifted test distributions with the one the excess-error and
 * prune-potential charts compare with the clean set, its keep ratios with the one the agreement
 * chart shows, the tolerance of the prune potential, the inputs of the three charts (or why each is
 * missing), and the corruption gallery of one test image of the opened model. Everything follows
 * the store's snapshot, so jobs of any process show up as they land; the chart inputs change once
 * per snapshot, after the choices are updated. The choices stay while the same experiment is
 * redrawn and return to their defaults when another experiment is selected. FX thread only.
 */
public final class RobustnessViewModel {
  /** Default tolerated drop of top-1 for the prune potential, in points. */
  public static final double DEFAULT_TOLERANCE_POINTS = 0.5;

  private final WorkbenchContext context;
  private final GalleryModel gallery;
  private final ObservableList<ExperimentRow> experiments = FXCollections.observableArrayList();
  private final ExperimentRows rowsOf = new ExperimentRows();
  private final ObjectProperty<ExperimentRow> selected = new SimpleObjectProperty<>();
  private final ObservableList<String> distributions = FXCollections.observableArrayList();
  private final ObjectProperty<String> distribution = new SimpleObjectProperty<>();
  private final ObservableList<Double> keepRatios = FXCollections.observableArrayList();
  private final ObjectProperty<Double> keepRatio = new SimpleObjectProperty<>();
  private final DoubleProperty tolerancePoints = new SimpleDoubleProperty(DEFAULT_TOLERANCE_POINTS);
  private final ReadOnlyObjectWrapper<ChartInputs<MethodExcessPoint>> excessError =
      new ReadOnlyObjectWrapper<>(ChartInputs.missing(""));
  private final ReadOnlyObjectWrapper<ChartInputs<PrunePotential>> potential =
      new ReadOnlyObjectWrapper<>(ChartInputs.missing(""));
  private final ReadOnlyObjectWrapper<ChartInputs<AgreementPoint>> agreement =
      new ReadOnlyObjectWrapper<>(ChartInputs.missing(""));
  private Sweep sweep;
  private String sweepProblem = "";
  private Map<JobKey, List<SimilarityMetric>> similarity = Map.of();
  private boolean reading;
  private String shownHash;

  /** The view's state over the workbench's results feed, jobs and opened model. */
  public RobustnessViewModel(WorkbenchContext context) {
    this.context = Objects.requireNonNull(context, "context");
    this.gallery = new GalleryModel(context.jobs(), context.model());
    context.results().snapshot().addListener((o, a, s) -> read(s));
    selected.addListener((o, a, b) -> readSweep());
    distribution.addListener((o, a, b) -> recompute());
    keepRatio.addListener((o, a, b) -> recompute());
    tolerancePoints.addListener((o, a, b) -> recompute());
    read(context.results().snapshot().get());
  }

  private void read(StoreSnapshot snapshot) {
    String keep = selected.get() == null ? null : selected.get().specHash();
    List<ExperimentRow> rows = rowsOf.of(snapshot);
    reading = true;
    experiments.setAll(rows);
    reading = false;
    ExperimentRow next =
        rows.stream()
            .filter(r -> r.specHash().equals(keep))
            .findFirst()
            .orElse(rows.isEmpty() ? null : rows.get(rows.size() - 1));
    if (Objects.equals(next, selected.get())) {
      readSweep();
    } else {
      selected.set(next);
    }
  }

  private void readSweep() {
    if (reading) {
      return;
    }
    ExperimentRow row = selected.get();
    StoreSnapshot snapshot = context.results().snapshot().get();
    sweep = null;
    similarity = Map.of();
    if (row == null) {
      sweepProblem =
          "no experiment in this store yet: queue a sweep in the Experiments view or open"
              + " another store (File > Open results store)";
    } else {
      try {
        sweep = Sweep.of(snapshot.results(row.specHash()), null);
        sweepProblem = "";
        similarity = snapshot.similarity().getOrDefault(row.specHash(), Map.of());
      } catch (PruneLabException e) {
        sweepProblem = e.getMessage();
      }
    }
    String hash = row == null ? null : row.specHash();
    boolean same = Objects.equals(hash, shownHash);
    shownHash = hash;
    reading = true;
    String shownDistribution = same ? distribution.get() : null;
    Double shownKeep = same ? keepRatio.get() : null;
    List<String> shifted = new ArrayList<>();
    if (sweep != null) {
      shifted.addAll(sweep.shiftedDistributions());
      if (!ExcessErrors.paperCorruptions(sweep).isEmpty()) {
        shifted.add(ExcessErrors.AVERAGED);
      }
    }
    distributions.setAll(shifted);
    distribution.set(
        shownDistribution != null && shifted.contains(shownDistribution)
            ? shownDistribution
            : shifted.isEmpty() ? null : shifted.get(0));
    List<Double> keeps =
        sweep == null
            ? List.of()
            : sweep.pruned().stream()
                .map(j -> j.key().keepRatio())
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
    keepRatios.setAll(keeps);
    keepRatio.set(
        shownKeep != null && keeps.contains(shownKeep)
            ? shownKeep
            : keeps.isEmpty() ? null : keeps.get(keeps.size() - 1));
    reading = false;
    recompute();
  }

  /** Recomputes the three charts' inputs from the sweep and the current choices. */
  private void recompute() {
    if (reading) {
      return;
    }
    if (sweep == null) {
      excessError.set(ChartInputs.missing(sweepProblem));
      potential.set(ChartInputs.missing(sweepProblem));
      agreement.set(ChartInputs.missing(sweepProblem));
      return;
    }
    Sweep s = sweep;
    String shifted = distribution.get();
    if (shifted == null) {
      String none =
          "this experiment tested no corruption: add corruptions (or noise levels) to the"
              + " sweep's test distributions in the Experiments view (test: corruptions: [...]"
              + " in the spec) and run it";
      excessError.set(ChartInputs.missing(none));
      potential.set(ChartInputs.missing(none));
    } else {
      double tolerance = tolerancePoints.get() / 100;
      excessError.set(ChartInputs.of(() -> FigureInputs.excessErrorByMethod(s, shifted)));
      potential.set(ChartInputs.of(() -> FigureInputs.prunePotential(s, tolerance, shifted)));
    }
    Double keep = keepRatio.get();
    Map<JobKey, List<SimilarityMetric>> measured = similarity;
    agreement.set(
        keep == null
            ? ChartInputs.missing(sweepProblem)
            : ChartInputs.of(() -> FigureInputs.agreement(s, measured, keep)));
  }

  /** The corruption gallery of the opened model's test images. */
  public GalleryModel gallery() {
    return gallery;
  }

  /** The watched store's experiments, oldest first. */
  public ObservableList<ExperimentRow> experiments() {
    return experiments;
  }

  /** The experiment the charts show; the newest by default. */
  public ObjectProperty<ExperimentRow> selectedProperty() {
    return selected;
  }

  /**
   * The selected experiment's shifted test distributions ("fog/3", "noise/0.1"), store order, and
   * last, when it tested corruptions at severity 3, their average ({@link ExcessErrors#AVERAGED},
   * the excess error of "Lost in Pruning").
   */
  public ObservableList<String> distributions() {
    return distributions;
  }

  /**
   * The shifted distribution the excess-error and prune-potential charts use; the first by default,
   * {@code null} when there is none.
   */
  public ObjectProperty<String> distributionProperty() {
    return distribution;
  }

  /** The selected experiment's keep ratios, largest first. */
  public ObservableList<Double> keepRatios() {
    return keepRatios;
  }

  /** The keep ratio the agreement chart shows; the smallest by default. */
  public ObjectProperty<Double> keepRatioProperty() {
    return keepRatio;
  }

  /** Tolerated drop of top-1 for the prune potential, in percentage points. */
  public DoubleProperty tolerancePointsProperty() {
    return tolerancePoints;
  }

  /** Excess error per method on the selected distribution, or why there is none. */
  public ReadOnlyObjectProperty<ChartInputs<MethodExcessPoint>> excessErrorProperty() {
    return excessError.getReadOnlyProperty();
  }

  /** Prune potential per method, clean and on the selected distribution, or why there is none. */
  public ReadOnlyObjectProperty<ChartInputs<PrunePotential>> potentialProperty() {
    return potential.getReadOnlyProperty();
  }

  /** Agreement with the unpruned network vs noise at the selected keep ratio, or why none. */
  public ReadOnlyObjectProperty<ChartInputs<AgreementPoint>> agreementProperty() {
    return agreement.getReadOnlyProperty();
  }

  /** The selected experiment's jobs ready for metrics; {@code null} while there are none. */
  public Sweep sweep() {
    return sweep;
  }

  /** The selected experiment's functional similarity by job (empty when none is recorded). */
  public Map<JobKey, List<SimilarityMetric>> similarity() {
    return similarity;
  }

  /** The results store watched, {@code null} before one is open. */
  public ReadOnlyObjectProperty<Path> storeProperty() {
    return context.results().location();
  }

  /** Reports a failed chart export. */
  public void chartExportFailed(Throwable e) {
    context.dialogs().showError("Could not export the chart", e);
  }
}
