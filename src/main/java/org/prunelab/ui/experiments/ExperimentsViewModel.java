package org.prunelab.ui.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.prunelab.chart.LayerKeep;
import org.prunelab.error.PruneLabException;
import org.prunelab.experiment.ExperimentSpec;
import org.prunelab.experiment.ExperimentSpecs;
import org.prunelab.experiment.ManualRuns;
import org.prunelab.experiment.SweepSession;
import org.prunelab.experiment.metrics.SizeBasis;
import org.prunelab.experiment.metrics.Sweep;
import org.prunelab.job.JobContext;
import org.prunelab.results.DistributionMetric;
import org.prunelab.results.JobResult;
import org.prunelab.results.ResultsStore;
import org.prunelab.results.StoreSnapshot;
import org.prunelab.service.Comparisons;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.NetworkComparison;
import org.prunelab.ui.WorkbenchContext;

/**
 * State of the experiments view: the sweep form (its network and dataset follow the opened model),
 * the queue that runs a sweep job by job, the experiments of the watched results store with their
 * progress, the selected experiment's jobs as a {@link Sweep} (or why there is none yet), the
 * tolerance of the prune potential, and the run selected by clicking a point with its numbers and
 * per-layer allocation. Everything follows the store's snapshot, so jobs of any process show up as
 * they land. FX thread only.
 */
public final class ExperimentsViewModel {
  /** Default tolerated drop of top-1 for the prune potential, in points. */
  public static final double DEFAULT_TOLERANCE_POINTS = 0.5;

  private final WorkbenchContext context;
  private final SweepForm form = new SweepForm();
  private final SweepQueue queue;
  private final ObservableList<ExperimentRow> experiments = FXCollections.observableArrayList();
  private final ExperimentRows rowsOf = new ExperimentRows();
  private final ObjectProperty<ExperimentRow> selected = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<Sweep> sweep = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Sweep> handRuns = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper sweepProblem = new ReadOnlyStringWrapper("");
  private final DoubleProperty tolerancePoints = new SimpleDoubleProperty(DEFAULT_TOLERANCE_POINTS);
  private final ObjectProperty<JobResult> selectedRun = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private String follow;

  /** The view's state over the workbench's jobs, results feed, model and dialogs. */
  public ExperimentsViewModel(WorkbenchContext context) {
    this.context = Objects.requireNonNull(context, "context");
    this.queue =
        new SweepQueue(
            context.jobs(),
            () -> context.results().refresh(),
            e -> context.dialogs().showError("Could not start the sweep", e));
    context.model().addListener((o, a, m) -> followModel(m));
    followModel(context.model().get());
    context.results().snapshot().addListener((o, a, s) -> read(s));
    selected.addListener((o, a, b) -> readSweep());
    read(context.results().snapshot().get());
  }

  private void followModel(LoadedModel m) {
    form.networkProperty().set(m == null ? "" : m.source());
    form.datasetProperty().set(m == null ? "" : m.dataset());
  }

  private void read(StoreSnapshot snapshot) {
    String keep = selected.get() == null ? follow : selected.get().specHash();
    List<ExperimentRow> rows = rowsOf.of(snapshot);
    experiments.setAll(rows);
    ExperimentRow next =
        rows.stream()
            .filter(r -> r.specHash().equals(keep))
            .findFirst()
            .orElse(rows.isEmpty() ? null : rows.get(rows.size() - 1));
    if (next != null && next.equals(selected.get())) {
      readSweep();
    } else {
      selected.set(next);
    }
  }

  private void readSweep() {
    ExperimentRow row = selected.get();
    JobResult run = selectedRun.get();
    if (row == null) {
      sweep.set(null);
      sweepProblem.set("no experiment in this store yet: queue a sweep or open another store");
      selectedRun.set(null);
      return;
    }
    StoreSnapshot snapshot = context.results().snapshot().get();
    List<JobResult> results = snapshot.results(row.specHash());
    handRuns.set(row.spec() == null ? null : handRunsOf(snapshot, row.spec()));
    try {
      sweep.set(Sweep.of(results, null));
      sweepProblem.set("");
    } catch (PruneLabException e) {
      sweep.set(null);
      sweepProblem.set(e.getMessage());
    }
    selectedRun.set(run == null ? null : current(run, results));
  }

  /** The run with {@code run}'s key as the store has it now, among the sweep's or the hand runs. */
  private JobResult current(JobResult run, List<JobResult> results) {
    List<JobResult> candidates = new ArrayList<>(results);
    if (handRuns.get() != null) {
      candidates.addAll(handRuns.get().pruned());
    }
    return candidates.stream().filter(r -> r.key().equals(run.key())).findFirst().orElse(null);
  }

  /**
   * The runs pruned by hand in the allocation view on the sweep's network and dataset ({@link
   * ManualRuns}), null when there are none.
   */
  private static Sweep handRunsOf(StoreSnapshot snapshot, ExperimentSpec spec) {
    List<JobResult> hand = snapshot.results(ManualRuns.specHash(spec.network(), spec.dataset()));
    try {
      return hand.isEmpty() ? null : Sweep.of(hand, null);
    } catch (PruneLabException e) {
      return null;
    }
  }

  /** Queues the form's sweep into the watched store; nothing when the form makes no spec. */
  public void queueSweep() {
    ExperimentSpec spec = form.specProperty().get();
    Path store = context.results().location().get();
    if (spec == null || store == null) {
      return;
    }
    follow = ExperimentSpecs.hash(spec);
    selected.set(
        experiments.stream().filter(r -> r.specHash().equals(follow)).findFirst().orElse(null));
    status.set("queued " + spec.jobCount() + " jobs of '" + spec.name() + "' into " + store);
    queue.queue(spec, store);
  }

  /** Cancels the sweeps queued from this view (finished jobs stay in the store). */
  public void cancelSweeps() {
    queue.cancelAll();
    status.set("sweep cancelled; its finished jobs stay in the store, queue it again to resume");
  }

  /** Fills the form from a YAML spec file; a bad file shows a dialog and the form stays. */
  public void openSpec(Path file) {
    try {
      form.fill(ExperimentSpecs.load(file));
      followModel(context.model().get());
      status.set("read " + file.getFileName() + "; network and dataset are the opened model's");
    } catch (PruneLabException e) {
      context.dialogs().showError("Could not read the sweep spec " + file.getFileName(), e);
    }
  }

  /**
   * Builds the selected run's network again from its spec and seed (the store holds numbers, not
   * weights) and writes it to {@code file} (.plm or .onnx) as a job; {@code then} receives the file
   * on the FX thread.
   */
  public void rebuildRun(JobResult run, Path file, Consumer<Path> then) {
    ExperimentRow row = selected.get();
    Path store = context.results().location().get();
    if (!rebuildable(row, store, run)) {
      cannotRebuild();
      return;
    }
    ExperimentSpec spec = row.spec();
    context
        .jobs()
        .submit(
            "Rebuild " + run.key().method() + " keep " + keep(run) + " → " + file.getFileName(),
            ctx -> rebuild(spec, store, run, file, ctx),
            f -> "written to " + f,
            then,
            e -> context.dialogs().showError("Could not rebuild the run", e));
  }

  /** Whether {@code run} is a job of the sweep spec of {@code row} (runs made by hand are not). */
  private static boolean rebuildable(ExperimentRow row, Path store, JobResult run) {
    return store != null
        && row != null
        && row.spec() != null
        && row.specHash().equals(run.key().specHash());
  }

  private void cannotRebuild() {
    context
        .dialogs()
        .showError(
            "Could not rebuild the run",
            new PruneLabException(
                "the run belongs to no sweep spec in this store (a run made by hand keeps no"
                    + " spec), so it cannot be built again; prune it again in the allocation view"));
  }

  private static Path rebuild(
      ExperimentSpec spec, Path store, JobResult run, Path file, JobContext ctx) {
    try (ResultsStore opened = ResultsStore.open(store);
        SweepSession session = SweepSession.open(spec, opened, ctx)) {
      return session.rebuild(run.key(), file, ctx);
    }
  }

  /**
   * Rebuilds the selected run into the store's folder ({@code runs/}) and opens it in the workbench
   * with its dataset, so the model and allocation views show it.
   */
  public void openRun(JobResult run) {
    ExperimentRow row = selected.get();
    runFile(run)
        .ifPresentOrElse(
            file -> {
              String dataset = row.spec().dataset();
              rebuildRun(run, file, f -> context.openModel(f.toString(), dataset));
            },
            this::cannotRebuild);
  }

  /**
   * Rebuilds the selected run into the store's folder and shows it beside its original network in
   * the model view's before/after tab.
   */
  public void compareRun(JobResult run) {
    runFile(run)
        .ifPresentOrElse(
            file ->
                rebuildRun(
                    run,
                    file,
                    f ->
                        context
                            .jobs()
                            .submit(
                                "Compare " + f.getFileName() + " with its original",
                                ctx -> compare(run.key().network(), f, ctx),
                                c -> "shown in Model",
                                c -> {
                                  context.comparison().set(c);
                                  context.showView("Model");
                                },
                                e -> context.dialogs().showError("Could not compare the run", e))),
            this::cannotRebuild);
  }

  /** The opened model against the run's file when it is the run's network, else the two files. */
  private NetworkComparison compare(String network, Path runFile, JobContext ctx) {
    LoadedModel open = context.model().get();
    return open != null && open.source().equals(network)
        ? Comparisons.withFile(open, runFile, ctx)
        : Comparisons.files(Path.of(network), runFile, ctx);
  }

  /**
   * Where a run's network is rebuilt: {@code <store
   * folder>/runs/<hash8>-<method>-keep<k>-r<rep>.plm}; empty when it cannot be rebuilt (no store,
   * or a run without a sweep spec).
   */
  private Optional<Path> runFile(JobResult run) {
    Path store = context.results().location().get();
    ExperimentRow row = selected.get();
    if (!rebuildable(row, store, run)) {
      return Optional.empty();
    }
    String name =
        String.format(
            Locale.ROOT,
            "%s-%s-keep%.4f-r%d.plm",
            run.key().specHash().substring(0, Math.min(8, run.key().specHash().length())),
            run.key().method(),
            run.key().keepRatio(),
            run.key().repetition());
    return Optional.of(store.toAbsolutePath().resolveSibling("runs").resolve(name));
  }

  /** What the x axis of a clicked chart counts. */
  public enum PointAxis {
    /** Pruned parameters in percent (mean over repetitions). */
    PRUNED_PARAMS,
    /** Pruned FLOPs in percent (mean over repetitions). */
    PRUNED_FLOPS,
    /** Kept FLOPs in percent of one run. */
    KEPT_FLOPS
  }

  /**
   * Selects the run behind a clicked point: series {@code method} at {@code xPercent} on {@code
   * axis}; a mean over repetitions opens the first repetition, and a series that is no method (the
   * Pareto front) opens the nearest network of any method. Nothing when no run is there.
   */
  public void selectPoint(String method, double xPercent, PointAxis axis) {
    Sweep s = sweep.get();
    if (s == null) {
      return;
    }
    Sweep hand = handRuns.get();
    Sweep owner = hand != null && hand.methods().contains(method) ? hand : s;
    if (axis == PointAxis.KEPT_FLOPS) {
      List<JobResult> candidates = new ArrayList<>();
      if (method.equals(Sweep.REFERENCE) || !owner.methods().contains(method)) {
        candidates.add(s.reference());
      }
      candidates.addAll(owner.methods().contains(method) ? owner.jobs(method) : s.pruned());
      candidates.stream()
          .min(Comparator.comparingDouble(j -> Math.abs(100 * clamp(j.flopRatio()) - xPercent)))
          .ifPresent(selectedRun::set);
      return;
    }
    if (!owner.methods().contains(method)) {
      return;
    }
    SizeBasis basis = axis == PointAxis.PRUNED_FLOPS ? SizeBasis.FLOPS : SizeBasis.PARAMS;
    owner.groups(method).stream()
        .min(
            Comparator.comparingDouble(
                g -> Math.abs(100 * clamp(1 - g.meanSize(basis)) - xPercent)))
        .flatMap(g -> g.jobs().stream().min(Comparator.comparingInt(j -> j.key().repetition())))
        .ifPresent(selectedRun::set);
  }

  /** The sweep a run belongs to: the selected experiment's or the hand runs beside it. */
  private Sweep ownerOf(JobResult run) {
    Sweep hand = handRuns.get();
    return hand != null && hand.reference().key().specHash().equals(run.key().specHash())
        ? hand
        : sweep.get();
  }

  private static double clamp(double fraction) {
    return Math.max(0, Math.min(1, fraction));
  }

  /** Per unit of the selected run, its kept share of the unpruned reference's units. */
  public List<LayerKeep> runAllocation() {
    JobResult run = selectedRun.get();
    Sweep s = run == null ? null : ownerOf(run);
    if (run == null || s == null) {
      return List.of();
    }
    Map<String, Integer> full = s.reference().keptPerUnit();
    List<LayerKeep> keeps = new ArrayList<>();
    run.keptPerUnit()
        .forEach(
            (unit, kept) -> {
              Integer total = full.get(unit);
              if (total != null && total > 0) {
                keeps.add(
                    new LayerKeep(run.key().method(), unit, Math.min(1, (double) kept / total)));
              }
            });
    return keeps;
  }

  /** The selected run's numbers, one line each; empty without a selected run. */
  public String runDetails() {
    JobResult run = selectedRun.get();
    if (run == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%s keep %s rep %d %s%n",
            run.key().method(),
            keep(run),
            run.key().repetition(),
            run.key().mode()));
    text.append(
        String.format(
            Locale.ROOT,
            "params %,d / %,d (%.1f %%)%nFLOPs  %,d / %,d (%.1f %%)%n",
            run.realisedParams(),
            run.originalParams(),
            100 * run.paramRatio(),
            run.realisedFlops(),
            run.originalFlops(),
            100 * run.flopRatio()));
    text.append("top-1 (change vs unpruned)").append(System.lineSeparator());
    Sweep s = ownerOf(run);
    for (DistributionMetric m : run.metrics()) {
      Optional<Double> reference =
          s == null ? Optional.empty() : boxed(Sweep.top1(s.reference(), m.distribution()));
      text.append(
          String.format(
              Locale.ROOT,
              "%-10s %6.2f %%%s%n",
              m.distribution(),
              100 * m.top1(),
              reference
                  .map(r -> String.format(Locale.ROOT, " %+.2f pt", 100 * (m.top1() - r)))
                  .orElse("")));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "prune %.1f s, retrain %.1f s",
            run.pruneTime().toMillis() / 1000.0,
            run.retrainTime().toMillis() / 1000.0));
    return text.toString();
  }

  private static Optional<Double> boxed(OptionalDouble value) {
    return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
  }

  private static String keep(JobResult run) {
    return String.format(Locale.ROOT, "%.4g", run.key().keepRatio());
  }

  /** The sweep form. */
  public SweepForm form() {
    return form;
  }

  /** The watched store's experiments, oldest first. */
  public ObservableList<ExperimentRow> experiments() {
    return experiments;
  }

  /** The experiment the charts show; the newest (or the one just queued) by default. */
  public ObjectProperty<ExperimentRow> selectedProperty() {
    return selected;
  }

  /** The selected experiment's jobs ready for the charts; {@code null} while there are none. */
  public ReadOnlyObjectProperty<Sweep> sweepProperty() {
    return sweep.getReadOnlyProperty();
  }

  /**
   * The runs pruned by hand (allocation view) on the selected sweep's network and dataset, drawn
   * beside its series; {@code null} when there are none.
   */
  public ReadOnlyObjectProperty<Sweep> handRunsProperty() {
    return handRuns.getReadOnlyProperty();
  }

  /** Why {@link #sweepProperty()} is empty ("" when it is not). */
  public ReadOnlyStringProperty sweepProblemProperty() {
    return sweepProblem.getReadOnlyProperty();
  }

  /** Tolerated drop of top-1 for the prune potential, in percentage points. */
  public DoubleProperty tolerancePointsProperty() {
    return tolerancePoints;
  }

  /** The run whose point was clicked; {@code null} for none. */
  public ObjectProperty<JobResult> selectedRunProperty() {
    return selectedRun;
  }

  /** What the view last did ("queued 8 jobs of ..."). */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The results store watched, {@code null} before one is open. */
  public ReadOnlyObjectProperty<Path> storeProperty() {
    return context.results().location();
  }

  /** Whether a sweep queued from here is still running. */
  public ReadOnlyBooleanProperty runningProperty() {
    return queue.runningProperty();
  }

  /** Whether Queue can run: a model is open, the form makes a spec and a store is watched. */
  public BooleanBinding canQueue() {
    return Bindings.createBooleanBinding(
        () ->
            context.model().get() != null
                && form.specProperty().get() != null
                && context.results().location().get() != null,
        context.model(),
        form.specProperty(),
        context.results().location());
  }

  /** Reports that the YAML could not be written to {@code file}. */
  public void saveFailed(Path file, Exception e) {
    context
        .dialogs()
        .showError(
            "Could not save the sweep spec",
            new PruneLabException(
                "could not write " + file + " (" + e.getMessage() + "); choose another folder", e));
  }

  /** Says that {@code charts} figures and their data were written to {@code dir}. */
  public void exported(int charts, Path dir) {
    status.set(charts + " figures with their CSV data written to " + dir);
  }

  /** Reports a failed chart export. */
  public void chartExportFailed(Throwable e) {
    context.dialogs().showError("Could not export the chart", e);
  }
}
