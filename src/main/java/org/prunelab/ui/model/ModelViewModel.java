package org.prunelab.ui.model;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.prunelab.job.Job;
import org.prunelab.nn.LayerInfo;
import org.prunelab.nn.NetworkSummary;
import org.prunelab.prune.ChannelGroup;
import org.prunelab.service.Comparisons;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.NetworkComparison;
import org.prunelab.train.Evaluator;
import org.prunelab.train.Loaders;
import org.prunelab.train.Metrics;
import org.prunelab.ui.DatasetLabels;
import org.prunelab.ui.WorkbenchContext;

/**
 * State of the model view over the workbench's opened model: its layer table, the channel group of
 * every layer that produces channels (coupled layers share one), totals, on request the model's
 * measured test accuracy, and the before/after comparison of a compressed network with its original
 * (from a file, two files, a run or the allocation view's Prune). Engine work (evaluating, reading
 * networks) runs as jobs on the device worker; only plain values reach the FX thread.
 */
public final class ModelViewModel {
  private final WorkbenchContext context;
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Model");
  private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("no model opened yet");
  private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper accuracy = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper evaluating = new ReadOnlyBooleanWrapper(false);
  private final ObservableList<LayerInfo> layers = FXCollections.observableArrayList();
  private final Map<String, ChannelGroupTag> groupTags = new HashMap<>();

  public ModelViewModel(WorkbenchContext context) {
    this.context = context;
    context.model().addListener((obs, old, model) -> show(model));
    show(context.model().get());
  }

  private void show(LoadedModel m) {
    accuracy.set("");
    if (m == null) {
      return;
    }
    groupTags.clear();
    groupTags.putAll(groupTags(m.groups()));
    layers.setAll(m.summary().layers());
    title.set("Model " + Path.of(m.source()).getFileName());
    details.set("source: " + m.source() + "   ·   dataset: " + DatasetLabels.of(m.dataset()));
    totals.set(totals(m.summary(), m.groups()));
  }

  /** The totals line: layers, parameters, FLOPs per image and channel groups. */
  static String totals(NetworkSummary s, List<ChannelGroup> groups) {
    long prunable = groups.stream().filter(ChannelGroup::prunable).count();
    return String.format(
        Locale.ROOT,
        "Total: %d layers · %,d parameters (+ %,d buffer values) · %,d FLOPs "
            + "(multiply-accumulates) per image · %d channel groups, %d prunable",
        s.layers().size(),
        s.parameters(),
        s.buffers(),
        s.macs(),
        groups.size(),
        prunable);
  }

  /** Every producing node's channel group tag; group {@code i} gets tint index {@code i}. */
  static Map<String, ChannelGroupTag> groupTags(List<ChannelGroup> groups) {
    Map<String, ChannelGroupTag> tags = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      ChannelGroup g = groups.get(i);
      ChannelGroupTag tag = new ChannelGroupTag(g.id(), i, g.reason());
      g.producers().forEach(p -> tags.putIfAbsent(p.node(), tag));
    }
    return tags;
  }

  /** Measures the opened model's accuracy on its dataset's test split, as a job. */
  public void evaluate() {
    LoadedModel m = context.model().get();
    if (m == null || evaluating.get()) {
      return;
    }
    evaluating.set(true);
    accuracy.set("measuring test accuracy…");
    context
        .jobs()
        .submit(
            "Evaluate " + Path.of(m.source()).getFileName() + " on the test split",
            ctx -> {
              Metrics r =
                  Evaluator.evaluate(
                      m.network(), Loaders.evaluation(m.data().test(), m.normalization()), ctx);
              return String.format(
                  Locale.ROOT,
                  "measured on the %s test split (%d images): top-1 %.2f %%, top-5 %.2f %%, "
                      + "loss %.4f",
                  DatasetLabels.of(m.dataset()),
                  r.samples(),
                  100 * r.top1(),
                  100 * r.top5(),
                  r.loss());
            },
            text -> finish(m, text),
            e -> finish(m, "evaluation failed: " + e.getMessage()));
  }

  private void finish(LoadedModel evaluated, String text) {
    evaluating.set(false);
    if (context.model().get() == evaluated) {
      accuracy.set(text);
    }
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty detailsProperty() {
    return details.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty totalsProperty() {
    return totals.getReadOnlyProperty();
  }

  /** The measured test accuracy (empty until {@link #evaluate} finishes for the current model). */
  public ReadOnlyStringProperty accuracyProperty() {
    return accuracy.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty evaluatingProperty() {
    return evaluating.getReadOnlyProperty();
  }

  /**
   * Compares the opened model with the compressed network in {@code file} (.plm or .onnx) as a job;
   * the comparison replaces the shown one, a file that cannot be read gives a dialog.
   */
  public void compareWithFile(Path file) {
    LoadedModel m = context.model().get();
    if (m == null) {
      return;
    }
    compare(
        "Compare " + Path.of(m.source()).getFileName() + " with " + file.getFileName(),
        ctx -> Comparisons.withFile(m, file, ctx));
  }

  /** Compares the network in {@code original} with the one in {@code compressed}, as a job. */
  public void compareFiles(Path original, Path compressed) {
    compare(
        "Compare " + original.getFileName() + " with " + compressed.getFileName(),
        ctx -> Comparisons.files(original, compressed, ctx));
  }

  private void compare(String name, Job<NetworkComparison> job) {
    context
        .jobs()
        .submit(
            name,
            job,
            c -> "shown in Model",
            context.comparison()::set,
            e -> context.dialogs().showError("Could not compare the networks", e));
  }

  /** The before/after comparison shown, {@code null} for none (shared with the other views). */
  public ObjectProperty<NetworkComparison> comparison() {
    return context.comparison();
  }

  /** The comparison's totals line: parameters and FLOPs before, after and the removed share. */
  public static String comparisonTotals(NetworkComparison c) {
    return String.format(
        Locale.ROOT,
        "%s → %s: parameters %,d → %,d (%.1f %% removed) · FLOPs %,d → %,d (%.1f %% removed)",
        c.before(),
        c.after(),
        c.paramsBefore(),
        c.paramsAfter(),
        100 * c.removedParams(),
        c.macsBefore(),
        c.macsAfter(),
        100 * c.removedMacs());
  }

  /** The channel group of a layer's output, if it produces channels. */
  public Optional<ChannelGroupTag> groupOf(String layer) {
    return Optional.ofNullable(groupTags.get(layer));
  }

  public ObservableList<LayerInfo> layers() {
    return layers;
  }

  /** The layer selected in any view (shared with the workbench). */
  public ObjectProperty<String> selectedLayer() {
    return context.selectedLayer();
  }

  /** Whether a model is open. */
  public BooleanBinding hasModel() {
    return context.model().isNotNull();
  }
}
