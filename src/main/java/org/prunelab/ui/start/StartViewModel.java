package org.prunelab.ui.start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import org.prunelab.data.DatasetException;
import org.prunelab.data.DatasetLocator;
import org.prunelab.data.Datasets;
import org.prunelab.service.LoadedModel;
import org.prunelab.ui.DatasetLabels;
import org.prunelab.zoo.BundledModels;
import org.prunelab.zoo.Zoo;

/**
 * State of the start page: the zoo (models with bundled trained weights first), the datasets with
 * whether each is installed, and the recent projects; its actions open a model or a project through
 * the shell ({@link StartContext}).
 */
public final class StartViewModel {
  /** A zoo architecture and, when {@code assets/models} has one, its trained weights. */
  public record ZooEntry(String name, Optional<Path> weights) {
    /**
     * What {@code ModelLoader} opens: the weights file when bundled, else the architecture (fresh
     * weights).
     */
    public String source() {
      return weights.map(Path::toString).orElse(name);
    }

    /** The list label: trained weights are marked as such. */
    public String label() {
      return weights
          .map(w -> name + "  —  trained weights (" + w.getFileName() + ")")
          .orElse(name + "  —  untrained (random weights)");
    }
  }

  /** A dataset choice and whether its files were found. */
  public record DatasetChoice(String name, boolean installed) {
    public String label() {
      return Datasets.SYNTHETIC.equals(name)
          ? DatasetLabels.of(name)
          : name + (installed ? "" : "  (not installed)");
    }
  }

  private final StartContext context;
  private final List<ZooEntry> zoo;
  private final List<DatasetChoice> datasets;

  public StartViewModel(StartContext context) {
    this.context = context;
    List<ZooEntry> entries = new ArrayList<>();
    for (String name : Zoo.names()) {
      entries.add(new ZooEntry(name, BundledModels.find(name + "-fashion-mnist.plm")));
    }
    entries.sort((a, b) -> Boolean.compare(b.weights().isPresent(), a.weights().isPresent()));
    this.zoo = List.copyOf(entries);
    List<DatasetChoice> choices = new ArrayList<>();
    for (String name : Datasets.names()) {
      choices.add(new DatasetChoice(name, installed(name)));
    }
    choices.add(new DatasetChoice(Datasets.SYNTHETIC, true));
    this.datasets = List.copyOf(choices);
  }

  private static boolean installed(String dataset) {
    try {
      DatasetLocator.standard().locate(dataset, Optional.empty());
      return true;
    } catch (DatasetException e) {
      return false;
    }
  }

  /** What is open now: "Open now: <model file> on <dataset>", or that nothing is. */
  public StringBinding currentModel() {
    return Bindings.createStringBinding(
        () -> {
          LoadedModel m = context.model().get();
          return m == null
              ? "No model open yet."
              : "Open now: "
                  + Path.of(m.source()).getFileName()
                  + " on "
                  + DatasetLabels.of(m.dataset());
        },
        context.model());
  }

  /** Zoo models, those with bundled trained weights first. */
  public List<ZooEntry> zoo() {
    return zoo;
  }

  /** Every dataset name the loader accepts, plus the built-in synthetic set. */
  public List<DatasetChoice> datasets() {
    return datasets;
  }

  /** The choice for the workbench's current dataset. */
  public DatasetChoice currentDataset() {
    return datasets.stream()
        .filter(d -> d.name().equals(context.dataset().get()))
        .findFirst()
        .orElse(datasets.get(datasets.size() - 1));
  }

  /** The dataset the next model opens with (it follows the opened model). */
  public ObservableValue<String> datasetProperty() {
    return context.dataset();
  }

  /** Makes {@code choice} the dataset of the next opened model. */
  public void chooseDataset(DatasetChoice choice) {
    context.dataset().set(choice.name());
  }

  public ObservableList<Path> recentProjects() {
    return context.recentProjects();
  }

  public void open(ZooEntry entry) {
    context.openModel(entry.source(), context.dataset().get());
  }

  public void open(Path modelFile) {
    context.openModelFile(modelFile);
  }

  public void openProject(Path project) {
    context.openProject(project);
  }
}
