package org.prunelab.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Window;
import org.prunelab.job.DeviceWorker;
import org.prunelab.job.JobContext;
import org.prunelab.ui.jobs.JobPanel;
import org.prunelab.zoo.BundledModels;

/**
 * A workbench context for view tests: a real device worker and job panel, a model property the test
 * sets, the selected layer, an undo history, the registered project sections and the test's window.
 */
public final class TestWorkbenchContext implements WorkbenchContext {
  private final DeviceWorker worker = new DeviceWorker("cpu");
  private final JobPanel jobs = new JobPanel(worker);
  private final SimpleObjectProperty<LoadedModel> model = new SimpleObjectProperty<>();
  private final ObjectProperty<String> selectedLayer = new SimpleObjectProperty<>();
  private final UndoHistory history = new UndoHistory();
  private final Map<String, ProjectSection> sections = new LinkedHashMap<>();
  private Window window;

  /** The bundled trained LeNet-5 with Fashion-MNIST, opened on the calling thread (tests only). */
  public static LoadedModel lenet5() {
    Path file =
        BundledModels.find(BundledModels.LENET5)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "assets/models/" + BundledModels.LENET5 + " is missing"));
    return ModelLoader.load(file.toString(), "fashion-mnist", JobContext.silent());
  }

  /** Sets the opened model (FX thread). */
  public void open(LoadedModel loaded) {
    model.set(loaded);
  }

  public void setWindow(Window owner) {
    this.window = owner;
  }

  public Map<String, ProjectSection> sections() {
    return sections;
  }

  /** Stops the worker (after the test). */
  public void close() {
    worker.close();
  }

  @Override
  public JobPanel jobs() {
    return jobs;
  }

  @Override
  public ReadOnlyObjectProperty<LoadedModel> model() {
    return model;
  }

  @Override
  public ObjectProperty<String> selectedLayer() {
    return selectedLayer;
  }

  @Override
  public UndoHistory history() {
    return history;
  }

  @Override
  public void registerProjectSection(String key, ProjectSection section) {
    sections.put(key, section);
  }

  @Override
  public Window window() {
    return window;
  }
}
