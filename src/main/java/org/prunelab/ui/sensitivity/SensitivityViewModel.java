package org.prunelab.ui.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.prunelab.chart.ChannelImportance;
import org.prunelab.chart.ErrorCurvePoint;
import org.prunelab.chart.LayerSensitivitySum;
import org.prunelab.job.JobHandle;
import org.prunelab.prune.ChannelConsumer;
import org.prunelab.prune.ChannelGroup;
import org.prunelab.prune.ChannelProducer;
import org.prunelab.prune.allocate.AllocationUnit;
import org.prunelab.prune.method.ErrorCurve;
import org.prunelab.prune.method.LayerBound;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ModelLoader;
import org.prunelab.service.ScoredModel;
import org.prunelab.ui.FxThread;
import org.prunelab.ui.WorkbenchContext;

/**
 * State of the sensitivity view: the chosen method and sample count, the scoring job (scores plus
 * error curves, run on the device worker with progress, cancellable), its result as chart inputs
 * (plain records; the view draws the charts), the selected channel group (kept in step with the
 * workbench's selected layer) and that group's strongest and weakest channels. FX thread only.
 */
public final class SensitivityViewModel {
  /** Channels listed at each end of the ranking. */
  public static final int TOP_K = 5;

  /** Default size of the sample set S (the view's spinner). */
  public static final int DEFAULT_SAMPLES = 128;

  private final WorkbenchContext context;
  private final ObjectProperty<CompressionMethod> method =
      new SimpleObjectProperty<>(CompressionMethod.PFP);
  private final IntegerProperty samples = new SimpleIntegerProperty(DEFAULT_SAMPLES);
  private final ReadOnlyObjectWrapper<ScoredModel> result = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<String> selectedGroup = new SimpleObjectProperty<>();
  private final ObservableList<String> groups = FXCollections.observableArrayList();
  private final ObservableList<ChannelRank> channels = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper("open a model to score it");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private JobHandle<ScoredModel> job;
  private boolean syncing;
  private long generation;

  public SensitivityViewModel(WorkbenchContext context) {
    this.context = context;
    context.model().addListener((obs, old, model) -> reset(model));
    selectedGroup.addListener(
        (obs, old, group) -> {
          refreshChannels();
          if (group != null && !syncing) {
            syncing = true;
            context.selectedLayer().set(group);
            syncing = false;
          }
        });
    context
        .selectedLayer()
        .addListener(
            (obs, old, layer) -> {
              if (!syncing) {
                syncing = true;
                groupOfLayer(layer).ifPresent(selectedGroup::set);
                syncing = false;
              }
            });
    reset(context.model().get());
  }

  /**
   * Starts the scoring job for the current model, method and sample count (replacing a running
   * one).
   */
  public void run() {
    LoadedModel model = context.model().get();
    if (model == null) {
      status.set("open a model first");
      return;
    }
    cancel();
    CompressionMethod chosen = method.get();
    int count = Math.max(1, Math.min(samples.get(), model.data().sampleSet().size()));
    running.set(true);
    status.set("scoring with " + chosen + " on " + count + " sample images…");
    long ticket = ++generation;
    job =
        context
            .jobs()
            .submit(
                "Sensitivity: " + chosen + " on " + count + " images",
                ctx -> context.scores().score(model, chosen, count, 0, ctx),
                scored -> "shown in Sensitivity",
                scored -> {
                  if (ticket == generation) {
                    show(scored);
                  }
                },
                error -> {
                  if (ticket == generation) {
                    running.set(false);
                    status.set("failed: " + error.getMessage());
                  }
                });
    job.result()
        .whenComplete(
            (value, error) ->
                FxThread.run(
                    () -> {
                      if (ticket == generation && error instanceof CancellationException) {
                        running.set(false);
                        status.set("cancelled");
                      }
                    }));
  }

  /** Cancels the running scoring job, if any. */
  public void cancel() {
    if (job != null && running.get()) {
      job.cancel();
    }
  }

  private void reset(LoadedModel model) {
    cancel();
    generation++;
    job = null;
    running.set(false);
    result.set(null);
    groups.clear();
    channels.clear();
    selectedGroup.set(null);
    if (model != null) {
      samples.set(
          Math.min(
              DEFAULT_SAMPLES,
              Math.min(ModelLoader.SAMPLE_IMAGES, model.data().sampleSet().size())));
      status.set("choose a method and press Run");
    }
  }

  private void show(ScoredModel scored) {
    running.set(false);
    result.set(scored);
    groups.setAll(scored.problem().units().stream().map(AllocationUnit::id).toList());
    status.set(
        String.format(
            Locale.ROOT,
            "%s: %d layers scored on %d images in %.2f s; %d prunable groups",
            scored.method(),
            scored.scores().layers().size(),
            scored.samples(),
            scored.scores().total().toMillis() / 1e3,
            groups.size()));
    String wanted =
        groupOfLayer(context.selectedLayer().get()).orElse(groups.isEmpty() ? null : groups.get(0));
    if (wanted != null && wanted.equals(selectedGroup.get())) {
      refreshChannels();
    } else {
      selectedGroup.set(wanted);
    }
  }

  /**
   * The prunable group a layer belongs to: the group it produces, else the first group it reads.
   */
  Optional<String> groupOfLayer(String layer) {
    ScoredModel scored = result.get();
    if (layer == null || scored == null) {
      return Optional.empty();
    }
    List<ChannelGroup> prunable = scored.problem().prunable();
    for (ChannelGroup g : prunable) {
      if (g.id().equals(layer)
          || g.producers().stream().map(ChannelProducer::node).anyMatch(layer::equals)) {
        return Optional.of(g.id());
      }
    }
    return prunable.stream()
        .filter(g -> g.consumers().stream().map(ChannelConsumer::node).anyMatch(layer::equals))
        .map(ChannelGroup::id)
        .findFirst();
  }

  private void refreshChannels() {
    ScoredModel scored = result.get();
    String group = selectedGroup.get();
    if (scored == null || group == null) {
      channels.clear();
      return;
    }
    scored.problem().units().stream()
        .filter(u -> u.id().equals(group))
        .findFirst()
        .ifPresentOrElse(u -> channels.setAll(ranking(u.importance(), TOP_K)), channels::clear);
  }

  /** The top-k and bottom-k channels of an importance vector (each channel listed once). */
  static List<ChannelRank> ranking(float[] importance, int k) {
    Integer[] order = new Integer[importance.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order, Comparator.comparingDouble((Integer i) -> -importance[i]).thenComparingInt(i -> i));
    double mean = 0;
    for (float v : importance) {
      mean += v / (double) importance.length;
    }
    List<ChannelRank> rows = new ArrayList<>();
    int top = Math.min(k, order.length);
    for (int r = 0; r < top; r++) {
      rows.add(row("top " + (r + 1), order[r], importance, mean));
    }
    int bottom = Math.min(k, order.length - top);
    for (int r = 0; r < bottom; r++) {
      int c = order[order.length - 1 - r];
      rows.add(row("bottom " + (r + 1), c, importance, mean));
    }
    return rows;
  }

  private static ChannelRank row(String place, int channel, float[] importance, double mean) {
    return new ChannelRank(
        place, channel, importance[channel], mean > 0 ? importance[channel] / mean : 0);
  }

  /**
   * The box plot's input: the channel importance of every prunable group, empty before a result.
   */
  public Optional<List<ChannelImportance>> channelImportance() {
    ScoredModel scored = result.get();
    if (scored == null) {
      return Optional.empty();
    }
    return Optional.of(
        scored.problem().units().stream()
            .map(u -> new ChannelImportance(u.id(), toDoubles(u.importance())))
            .toList());
  }

  /**
   * The bar chart's input: S_l and its bound term per layer; empty before a result or when the
   * method gives no input-channel sensitivities.
   */
  public Optional<List<LayerSensitivitySum>> sensitivitySums() {
    ScoredModel scored = result.get();
    if (scored == null || scored.bounds().isEmpty()) {
      return Optional.empty();
    }
    List<LayerSensitivitySum> sums = new ArrayList<>();
    for (LayerBound b : scored.bounds()) {
      sums.add(new LayerSensitivitySum(b.layer(), b.sensitivitySum(), b.boundTerm()));
    }
    return Optional.of(sums);
  }

  /** The selected group's measured error curve eps_g(r) as chart points, empty without one. */
  public Optional<List<ErrorCurvePoint>> selectedCurvePoints() {
    return selectedCurve()
        .map(
            c -> {
              List<ErrorCurvePoint> points = new ArrayList<>();
              double[] r = c.keepRatios();
              double[] e = c.errors();
              for (int i = 0; i < r.length; i++) {
                points.add(new ErrorCurvePoint(c.group(), r[i], e[i]));
              }
              return points;
            });
  }

  /** The error curve of the selected group, for tests and the status line. */
  public Optional<ErrorCurve> selectedCurve() {
    ScoredModel scored = result.get();
    return scored == null || selectedGroup.get() == null
        ? Optional.empty()
        : scored.curve(selectedGroup.get());
  }

  private static double[] toDoubles(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  /** Reports a chart that could not be exported (the chart stays as it was). */
  public void chartExportFailed(Throwable error) {
    context.dialogs().showError("Could not export the chart", error);
  }

  /** Whether a model is open. */
  public BooleanBinding hasModel() {
    return context.model().isNotNull();
  }

  public ObjectProperty<CompressionMethod> methodProperty() {
    return method;
  }

  public IntegerProperty samplesProperty() {
    return samples;
  }

  public ReadOnlyObjectProperty<ScoredModel> resultProperty() {
    return result.getReadOnlyProperty();
  }

  public ObjectProperty<String> selectedGroupProperty() {
    return selectedGroup;
  }

  /** Ids of the prunable groups of the result, in graph order. */
  public ObservableList<String> groups() {
    return groups;
  }

  /** The selected group's top-k and bottom-k channels. */
  public ObservableList<ChannelRank> channels() {
    return channels;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }
}
