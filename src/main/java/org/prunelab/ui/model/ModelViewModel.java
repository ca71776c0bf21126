package org.prunelab.ui.model;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.prunelab.data.DataSplits;
import org.prunelab.data.DatasetException;
import org.prunelab.data.Datasets;
import org.prunelab.data.SplitOptions;
import org.prunelab.job.JobContext;
import org.prunelab.nn.Checkpoint;
import org.prunelab.nn.Devices;
import org.prunelab.nn.LayerInfo;
import org.prunelab.prune.ChannelGroup;
import org.prunelab.prune.ChannelGroups;
import org.prunelab.nn.Network;
import org.prunelab.train.Evaluator;
import org.prunelab.train.InputNormalization;
import org.prunelab.train.Loaders;
import org.prunelab.train.Metrics;
import org.prunelab.ui.jobs.JobPanel;
import org.prunelab.zoo.BundledModels;
import org.prunelab.zoo.Zoo;
import org.prunelab.zoo.ZooOptions;

/**
 * State of the model view: the loaded model's layer table and totals, and its measured accuracy on the default
 * dataset. Loading and evaluation run as jobs on the device worker; only plain values reach the FX thread.
 */
public final class ModelViewModel {
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Model");
  private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
  private final ObservableList<LayerInfo> layers = FXCollections.observableArrayList();
  private final Map<String, ChannelGroupTag> groupTags = new HashMap<>();
  private final JobPanel jobs;

  public ModelViewModel(JobPanel jobs) {
    this.jobs = jobs;
  }

  /** Loads the default model (the bundled trained ResNet-20, else an untrained LeNet-5) and evaluates it. */
  public void loadDefault() {
    Optional<Path> file = BundledModels.find(BundledModels.DEFAULT);
    jobs.submit("Load model " + file.map(p -> p.getFileName().toString()).orElse("lenet5 (untrained)"),
        ctx -> overview(file, ctx), this::show, this::fail);
  }

  private static ModelOverview overview(Optional<Path> file, JobContext ctx) {
    ctx.progress(0, 1, "reading");
    try (Network net = open(file)) {
      ctx.progress(1, 1, "done");
      String source = file.map(Path::toString)
          .orElse("built-in lenet5 with random weights (assets/models not found)");
      String name = net.metadata().getOrDefault("architecture", "model");
      return new ModelOverview(name, source, net.summary(), groupTags(net), Map.copyOf(net.metadata()));
    }
  }

  /** Every producing node's channel group (traced on the job thread: pure Java over the graph). */
  private static Map<String, ChannelGroupTag> groupTags(Network net) {
    Map<String, ChannelGroupTag> tags = new HashMap<>();
    List<ChannelGroup> groups = ChannelGroups.trace(net).groups();
    for (int i = 0; i < groups.size(); i++) {
      ChannelGroup g = groups.get(i);
      ChannelGroupTag tag = new ChannelGroupTag(g.id(), i, g.reason());
      g.producers().forEach(p -> tags.putIfAbsent(p.node(), tag));
    }
    return Map.copyOf(tags);
  }

  private static Network open(Optional<Path> file) {
    return file.map(f -> Checkpoint.load(f, Devices.preferred()))
        .orElseGet(() -> Zoo.create("lenet5", ZooOptions.grey28(), Devices.preferred(), 0));
  }

  private void show(ModelOverview o) {
    groupTags.clear();
    groupTags.putAll(o.groups());
    layers.setAll(o.summary().layers());
    title.set(o.title() + " — " + o.metadata().getOrDefault("dataset", "no training data recorded"));
    details.set("source: " + o.source());
    totals.set(String.format(Locale.ROOT, "%d layers · %,d parameters · %,d FLOPs (multiply-accumulates) per image",
        o.summary().layers().size(), o.summary().parameters(), o.summary().macs()));
    Optional<Path> file = BundledModels.find(BundledModels.DEFAULT);
    jobs.submit("Evaluate " + o.title() + " on the test split", ctx -> evaluate(file, ctx), this::showAccuracy,
        this::fail);
  }

  private static String evaluate(Optional<Path> file, JobContext ctx) {
    DataSplits splits;
    String note = "";
    try {
      splits = Datasets.load("fashion-mnist", Optional.empty(), new SplitOptions(5000, 1000, 0));
    } catch (DatasetException e) {
      splits = Datasets.synthetic(0, 6000, 2000, new SplitOptions(500, 500, 0));
      note = " — Fashion-MNIST not installed, using the built-in synthetic set";
    }
    try (Network net = open(file)) {
      Metrics m = Evaluator.evaluate(net, Loaders.evaluation(splits.test(),
          InputNormalization.of(net).orElse(splits.normalization())), ctx);
      return String.format(Locale.ROOT, "measured on %s test split (%d images): top-1 %.2f %%, top-5 %.2f %%, "
          + "loss %.4f%s", splits.test().name(), m.samples(), 100 * m.top1(), 100 * m.top5(), m.loss(), note);
    }
  }

  private void showAccuracy(String text) {
    totals.set(totals.get() + "\n" + text);
  }

  private void fail(Throwable error) {
    details.set("error: " + error.getMessage());
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

  /** The channel group of a layer's output, if it produces channels (read on the FX thread after a load). */
  public Optional<ChannelGroupTag> groupOf(String layer) {
    return Optional.ofNullable(groupTags.get(layer));
  }

  public ObservableList<LayerInfo> layers() {
    return layers;
  }
}
