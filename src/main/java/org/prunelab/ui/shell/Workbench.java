package org.prunelab.ui.shell;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.stage.Window;
import org.prunelab.data.DatasetException;
import org.prunelab.data.DatasetLocator;
import org.prunelab.data.Datasets;
import org.prunelab.job.DeviceWorker;
import org.prunelab.job.JobHandle;
import org.prunelab.job.JobListener;
import org.prunelab.job.Jobs;
import org.prunelab.service.EngineStart;
import org.prunelab.service.LoadedModel;
import org.prunelab.service.ModelLoader;
import org.prunelab.service.NetworkComparison;
import org.prunelab.service.ScoreCache;
import org.prunelab.ui.DatasetLabels;
import org.prunelab.ui.DialogService;
import org.prunelab.ui.ProjectFileException;
import org.prunelab.ui.ProjectSection;
import org.prunelab.ui.ResultsFeed;
import org.prunelab.ui.UndoHistory;
import org.prunelab.ui.WorkbenchContext;
import org.prunelab.ui.allocation.AllocationView;
import org.prunelab.ui.experiments.ExperimentsView;
import org.prunelab.ui.features.FeaturesView;
import org.prunelab.ui.jobs.JobPanelViewModel;
import org.prunelab.ui.jobs.WorkerJobs;
import org.prunelab.ui.model.ModelView;
import org.prunelab.ui.robustness.RobustnessView;
import org.prunelab.ui.sensitivity.SensitivityView;
import org.prunelab.ui.start.StartContext;
import org.prunelab.ui.start.StartView;
import org.prunelab.zoo.BundledModels;

/**
 * The workbench's shell state, shared by every view (it is their {@link WorkbenchContext}, and the
 * start page's {@link StartContext}): the device worker with the jobs it runs and their panel, the
 * dialogs, the opened model, the selected layer, the undo history, the project file with its
 * sections, the recent projects and the dataset the next model opens with. Opening a model is a job
 * ({@link ModelLoader}); on success the new model replaces the old one (whose network is closed in
 * a job on the worker) and the history is cleared, on failure an error dialog names the problem and
 * nothing changes. FX thread only.
 */
public final class Workbench implements StartContext, AutoCloseable {
  /** The navigator's entries, in order; a view is added with one line here. */
  public static final List<NavigatorEntry> VIEWS =
      List.of(
          new NavigatorEntry("Start", StartView::new),
          new NavigatorEntry("Model", ModelView::new),
          new NavigatorEntry("Sensitivity", SensitivityView::new),
          new NavigatorEntry("Allocation", AllocationView::new),
          new NavigatorEntry("Experiments", ExperimentsView::new),
          new NavigatorEntry("Robustness", RobustnessView::new),
          new NavigatorEntry("Features", FeaturesView::new));

  /**
   * Threads libtorch computes with: every core. The FX thread stays responsive by design, not by a
   * core kept free: it never waits for the engine (jobs hand it plain values), progress reaches it
   * coalesced to about 20 updates a second, and the operating system's fair scheduler gives a
   * thread that needs a few milliseconds per frame its turn between the compute threads'
   * (FxResponsivenessTest: longest frame gap 20-37 ms while LeNet-5 trains on both cores of a
   * 2-core machine, against 34-50 ms with one core left free).
   */
  static final int ENGINE_THREADS = Runtime.getRuntime().availableProcessors();

  /** Dataset opened with the default model when Fashion-MNIST is installed. */
  public static final String DEFAULT_DATASET = "fashion-mnist";

  private final DeviceWorker worker;
  private final JobPanelViewModel jobList = new JobPanelViewModel();
  private final Jobs jobs;
  private final DialogService dialogs = new FxDialogService(this::window);
  private final Preferences prefs;
  private final RecentProjects recent;
  private final ReadOnlyObjectWrapper<LoadedModel> model = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<String> selectedLayer = new SimpleObjectProperty<>();
  private final ObjectProperty<NetworkComparison> comparison = new SimpleObjectProperty<>();
  private Consumer<String> navigator = title -> {};
  private final UndoHistory history = new UndoHistory();
  private final ScoreCache scores = new ScoreCache();
  private final ResultsFeed results = new ResultsFeed(ResultsFeed.POLL);
  private final Map<String, ProjectSection> sections = new LinkedHashMap<>();
  private final Map<String, JsonNode> pendingSections = new LinkedHashMap<>();
  private final ReadOnlyObjectWrapper<Path> projectFile = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<Path> resultsStore = new SimpleObjectProperty<>(defaultStore());
  private final StringProperty dataset = new SimpleStringProperty(defaultDataset());
  private final ObjectProperty<Window> window = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("starting engine…");
  private final ReadOnlyStringWrapper engine = new ReadOnlyStringWrapper("…");
  private boolean closed;

  /**
   * Starts the shell's device worker and, as its first job, the engine. Call on the FX thread.
   *
   * @param prefs where the theme and the recent projects are remembered
   */
  public Workbench(Preferences prefs) {
    this.prefs = Objects.requireNonNull(prefs, "prefs");
    this.worker = new DeviceWorker("cpu");
    this.jobs = new WorkerJobs(worker, jobList);
    this.recent = new RecentProjects(prefs);
    resultsStore.addListener(
        (o, old, file) -> {
          if (file != null && !file.equals(results.location().get())) {
            watch(file);
          }
        });
    watch(resultsStore.get());
    jobs.submit(
        "Start engine",
        ctx -> EngineStart.start(ENGINE_THREADS),
        started -> {
          device.set(started.device());
          engine.set(started.engine());
        },
        e -> {
          device.set("unavailable");
          engine.set(ErrorDialog.message(e));
        });
  }

  @Override
  public Jobs jobs() {
    return jobs;
  }

  /** The rows of the job panel: every job submitted through {@link #jobs()}. */
  public JobPanelViewModel jobList() {
    return jobList;
  }

  @Override
  public DialogService dialogs() {
    return dialogs;
  }

  @Override
  public ReadOnlyObjectProperty<LoadedModel> model() {
    return model.getReadOnlyProperty();
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
  public ScoreCache scores() {
    return scores;
  }

  @Override
  public ObjectProperty<NetworkComparison> comparison() {
    return comparison;
  }

  @Override
  public void showView(String title) {
    navigator.accept(title);
  }

  /** Where {@link #showView} goes: the main window's navigator (set when the window opens). */
  void setNavigator(Consumer<String> showView) {
    this.navigator = Objects.requireNonNull(showView, "showView");
  }

  @Override
  public ResultsFeed results() {
    return results;
  }

  /**
   * Registers a view's section; a state for {@code key} read from the opened project is restored at
   * once.
   */
  @Override
  public void registerProjectSection(String key, ProjectSection section) {
    sections.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(section, "section"));
    JsonNode pending = pendingSections.remove(key);
    if (pending != null) {
      restore(key, section, pending);
    }
  }

  /** The window that owns dialogs, {@code null} before the main window is shown. */
  private Window window() {
    return window.get();
  }

  /** Sets the window that owns dialogs (the shell does so when it shows the main window). */
  void setWindow(Window owner) {
    window.set(owner);
  }

  /** The user's preferences node of the workbench (theme, recent projects). */
  public Preferences preferences() {
    return prefs;
  }

  /** The project files opened or saved lately, newest first. */
  @Override
  public ObservableList<Path> recentProjects() {
    return recent.paths();
  }

  /** The dataset the next opened model comes with; follows the opened model. */
  @Override
  public StringProperty dataset() {
    return dataset;
  }

  /**
   * The results store the workbench watches and its experiments write to: the project's, or the one
   * opened with {@link #openResultsStore}. Setting it opens it (a store that cannot be opened shows
   * a dialog, and the property returns to the store still watched).
   */
  public ObjectProperty<Path> resultsStore() {
    return resultsStore;
  }

  /**
   * Watches {@code file} from now on (created, with its folder, when absent); a file that is no
   * readable PruneLab store (corrupt, locked, from a newer PruneLab) shows a dialog and the store
   * watched before stays.
   */
  public void openResultsStore(Path file) {
    resultsStore.set(file.toAbsolutePath());
  }

  private void watch(Path file) {
    results.open(
        file,
        e -> {
          dialogs.showError("Could not open the results store " + file, e);
          resultsStore.set(results.location().get());
        });
  }

  /**
   * The store a new workbench watches: {@code -Dprunelab.results=FILE} when given (tests), else
   * ~/.prunelab/results.db.
   */
  static Path defaultStore() {
    String given = System.getProperty("prunelab.results");
    return (given != null
            ? Path.of(given)
            : Path.of(System.getProperty("user.home"), ".prunelab", "results.db"))
        .toAbsolutePath();
  }

  /** The project file last opened or saved, {@code null} before either. */
  public ReadOnlyObjectProperty<Path> projectFile() {
    return projectFile.getReadOnlyProperty();
  }

  /** The window title: model, dataset (the synthetic set labelled as such) and project. */
  public StringBinding title() {
    return Bindings.createStringBinding(
        () -> {
          LoadedModel m = model.get();
          String t = "PruneLab workbench";
          if (m != null) {
            t += " — " + Path.of(m.source()).getFileName() + " on " + DatasetLabels.of(m.dataset());
          }
          if (projectFile.get() != null) {
            t += " — " + projectFile.get().getFileName();
          }
          return t;
        },
        model,
        projectFile);
  }

  /**
   * Fashion-MNIST when it is installed where {@link DatasetLocator} looks, else the built-in
   * synthetic set.
   */
  public static String defaultDataset() {
    return defaultDataset(DatasetLocator.standard());
  }

  /** Fashion-MNIST when {@code locator} finds it, else the built-in synthetic set. */
  static String defaultDataset(DatasetLocator locator) {
    try {
      locator.locate(DEFAULT_DATASET, Optional.empty());
      return DEFAULT_DATASET;
    } catch (DatasetException e) {
      return Datasets.SYNTHETIC;
    }
  }

  /** The compute device, as the status bar shows it ("starting engine…" until the engine runs). */
  public ReadOnlyStringProperty device() {
    return device.getReadOnlyProperty();
  }

  /** The engine and its version, once started. */
  public ReadOnlyStringProperty engine() {
    return engine.getReadOnlyProperty();
  }

  /**
   * Opens the default model: the bundled trained ResNet-20 (else a freshly initialised LeNet-5)
   * with Fashion-MNIST, or with the built-in synthetic set when Fashion-MNIST is not installed.
   */
  public JobHandle<LoadedModel> openDefault() {
    String source = BundledModels.find(BundledModels.DEFAULT).map(Path::toString).orElse("lenet5");
    return openModel(source, defaultDataset());
  }

  /**
   * Opens {@code source} (zoo name, .plm or .onnx path) with {@code datasetName} as a job; see the
   * class doc.
   */
  @Override
  public JobHandle<LoadedModel> openModel(String source, String datasetName) {
    return open(source, datasetName, m -> pendingSections.clear());
  }

  /**
   * Opens a model file (dropped on the window or chosen in a dialog) with the current dataset
   * choice.
   */
  @Override
  public JobHandle<LoadedModel> openModelFile(Path file) {
    return openModel(file.toString(), dataset.get());
  }

  private JobHandle<LoadedModel> open(
      String source, String datasetName, Consumer<LoadedModel> then) {
    String shown = Path.of(source).getFileName().toString();
    return jobs.submit(
        "Open " + shown + " with " + DatasetLabels.of(datasetName),
        ctx -> ModelLoader.load(source, datasetName, ctx),
        m -> "opened: " + m.summary().layers().size() + " layers",
        m -> {
          replace(m);
          then.accept(m);
        },
        e ->
            dialogs.showError(
                "Could not open " + shown + " with " + DatasetLabels.of(datasetName), e));
  }

  private void replace(LoadedModel next) {
    LoadedModel old = model.get();
    selectedLayer.set(null);
    history.clear();
    model.set(next);
    dataset.set(next.dataset());
    if (old != null) {
      worker.submit(
          "close " + old.source(),
          ctx -> {
            scores.forget(old.network());
            old.network().close();
            return null;
          },
          JobListener.none());
    }
  }

  /**
   * Saves the project (model, dataset, results store, every section) to {@code file}, atomically; a
   * failure shows a dialog and leaves the previous file as it was.
   *
   * @return whether the project was saved
   */
  public boolean saveProject(Path file) {
    LoadedModel m = model.get();
    try {
      if (m == null) {
        throw new ProjectFileException("there is no model to save yet; open a model first");
      }
      Map<String, JsonNode> states = new LinkedHashMap<>(pendingSections);
      sections.forEach((key, section) -> states.put(key, section.save()));
      new ProjectFile(
              ProjectFile.VERSION, m.source(), m.dataset(), resultsStore.get().toString(), states)
          .write(file);
    } catch (RuntimeException e) {
      dialogs.showError("Could not save the project", e);
      return false;
    }
    projectFile.set(file.toAbsolutePath());
    recent.add(file);
    return true;
  }

  /**
   * Opens a project: reads the file, opens its model and dataset as a job, then restores every
   * section. A bad file or a failed load shows a dialog and leaves the workbench as it was.
   *
   * @return the load job, empty when the file could not be read
   */
  @Override
  public Optional<JobHandle<LoadedModel>> openProject(Path file) {
    ProjectFile project;
    try {
      project = ProjectFile.read(file);
    } catch (ProjectFileException e) {
      dialogs.showError("Could not open the project", e);
      return Optional.empty();
    }
    return Optional.of(
        open(
            project.model(),
            project.dataset(),
            m -> {
              projectFile.set(file.toAbsolutePath());
              resultsStore.set(Path.of(project.resultsStore()));
              recent.add(file);
              pendingSections.clear();
              project
                  .sections()
                  .forEach(
                      (key, state) -> {
                        ProjectSection section = sections.get(key);
                        if (section == null) {
                          pendingSections.put(key, state);
                        } else {
                          restore(key, section, state);
                        }
                      });
            }));
  }

  private void restore(String key, ProjectSection section, JsonNode state) {
    try {
      section.restore(state);
    } catch (ProjectFileException e) {
      dialogs.showError("Could not restore the project's " + key + " state", e);
    }
  }

  /**
   * Cancels the running and queued jobs, closes the opened model's network in a last job and then
   * stops the worker (the window is closing). Does not wait; calling it again has no effect.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    results.close();
    worker.jobs().forEach(JobHandle::cancel);
    LoadedModel last = model.get();
    worker
        .submit(
            "close workbench",
            ctx -> {
              if (last != null) {
                last.network().close();
              }
              return null;
            },
            JobListener.none())
        .result()
        .whenComplete((v, e) -> worker.close());
  }

  /**
   * Waits, after {@link #close()}, until the worker's thread has ended: the cancelled job has
   * reached its next cancellation point and the last network is closed. Call before the JVM exits
   * (never on the FX thread): libtorch must not be inside a kernel while the process tears down.
   *
   * @return {@code true} if the worker ended within {@code timeout}
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return worker.awaitTermination(timeout);
  }
}
