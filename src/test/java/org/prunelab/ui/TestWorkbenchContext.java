package org.prunelab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Window;
import org.prunelab.job.DeviceWorker;
import org.prunelab.job.JobContext;
import org.prunelab.job.JobHandle;
import org.prunelab.job.Jobs;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ModelLoader;
import org.prunelab.service.NetworkComparison;
import org.prunelab.service.ScoreCache;
import org.prunelab.ui.jobs.JobPanel;
import org.prunelab.ui.jobs.JobPanelViewModel;
import org.prunelab.ui.jobs.WorkerJobs;
import org.prunelab.ui.shell.FxDialogService;
import org.prunelab.zoo.BundledModels;

/**
 * A workbench context for view tests: by default a real device worker with its job panel and the
 * real error dialogs over the test's window, or the jobs and dialogs a test gives (a {@link
 * org.prunelab.job.CallingThreadJobs} and a {@link RecordingDialogService}); a model property the
 * test sets, the selected layer, an undo history and the registered project sections.
 */
public final class TestWorkbenchContext implements WorkbenchContext {
  private final DeviceWorker worker;
  private final JobPanelViewModel jobList = new JobPanelViewModel();
  private final Jobs jobs;
  private final DialogService dialogs;
  private final SimpleObjectProperty<LoadedModel> model = new SimpleObjectProperty<>();
  private final ObjectProperty<String> selectedLayer = new SimpleObjectProperty<>();
  private final ObjectProperty<NetworkComparison> comparison = new SimpleObjectProperty<>();
  private final List<String> shownViews = new ArrayList<>();
  private final UndoHistory history = new UndoHistory();
  private final ScoreCache scores = new ScoreCache();
  private final ResultsFeed results = new ResultsFeed(ResultsFeed.POLL);
  private final Map<String, ProjectSection> sections = new LinkedHashMap<>();
  private JobPanel jobPanel;
  private Window window;

  /** Jobs on a real device worker (shown by {@link #jobPanel()}), real dialogs. */
  public TestWorkbenchContext() {
    this.worker = new DeviceWorker("cpu");
    this.jobs = new WorkerJobs(worker, jobList);
    this.dialogs = new FxDialogService(() -> window);
  }

  /** The given jobs and dialogs, no worker. */
  public TestWorkbenchContext(Jobs jobs, DialogService dialogs) {
    this.worker = null;
    this.jobs = jobs;
    this.dialogs = dialogs;
  }

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

  /** Sets the window that owns the real dialogs. */
  public void setWindow(Window owner) {
    this.window = owner;
  }

  public Map<String, ProjectSection> sections() {
    return sections;
  }

  /** The rows of the jobs submitted to the worker (FX thread). */
  public JobPanelViewModel jobList() {
    return jobList;
  }

  /** The panel of the jobs submitted to the worker, for the test's scene (FX thread). */
  public JobPanel jobPanel() {
    if (jobPanel == null) {
      jobPanel = new JobPanel(jobList);
    }
    return jobPanel;
  }

  /** Stops the worker, if there is one (after the test). */
  public void close() {
    results.close();
    if (worker != null) {
      worker.close();
    }
  }

  @Override
  public Jobs jobs() {
    return jobs;
  }

  @Override
  public DialogService dialogs() {
    return dialogs;
  }

  @Override
  public ReadOnlyObjectProperty<LoadedModel> model() {
    return model;
  }

  /** Opens the model as a job of this context's jobs; the opened model replaces the test's. */
  @Override
  public JobHandle<LoadedModel> openModel(String source, String dataset) {
    return jobs.submit(
        "Open " + source,
        ctx -> ModelLoader.load(source, dataset, ctx),
        model::set,
        e -> dialogs.showError("Could not open " + source, e));
  }

  @Override
  public ObjectProperty<String> selectedLayer() {
    return selectedLayer;
  }

  @Override
  public ObjectProperty<NetworkComparison> comparison() {
    return comparison;
  }

  /** Records the request; a test has no navigator. */
  @Override
  public void showView(String title) {
    shownViews.add(title);
  }

  /** The views asked for by {@link #showView}, in order. */
  public List<String> shownViews() {
    return shownViews;
  }

  @Override
  public ScoreCache scores() {
    return scores;
  }

  @Override
  public ResultsFeed results() {
    return results;
  }

  @Override
  public UndoHistory history() {
    return history;
  }

  @Override
  public void registerProjectSection(String key, ProjectSection section) {
    sections.put(key, section);
  }
}
