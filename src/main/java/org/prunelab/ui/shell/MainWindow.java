package org.prunelab.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.prunelab.ui.Fxml;
import org.prunelab.ui.ModelFileChooser;
import org.prunelab.ui.UndoHistory;
import org.prunelab.ui.jobs.JobPanel;

/**
 * The main window (view of {@code MainWindow.fxml}): menu bar, navigator of {@link
 * Workbench#VIEWS}, the selected view in the centre (each built on first selection), the job panel
 * and the status bar. Model files dropped anywhere on the window are opened. Logic lives in {@link
 * Workbench}; this class only wires controls to it.
 */
public final class MainWindow extends BorderPane {
  /** Window size the workbench opens with. */
  public static final double WIDTH = 1280;

  public static final double HEIGHT = 800;

  /** Preference key of the divider between the views and the job panel (drag it to resize). */
  static final String JOBS_DIVIDER = "jobsDivider";

  /** Where that divider starts: the views take most of the window, the job panel a few rows. */
  static final double DEFAULT_JOBS_DIVIDER = 0.78;

  private final Workbench workbench;
  private final Map<NavigatorEntry, Node> built = new HashMap<>();
  @FXML private ListView<NavigatorEntry> navigator;
  @FXML private StackPane center;
  @FXML private SplitPane split;
  @FXML private VBox jobsPane;
  @FXML private VBox bottom;
  @FXML private Menu recentMenu;
  @FXML private MenuItem undoItem;
  @FXML private MenuItem redoItem;
  @FXML private MenuItem saveItem;
  @FXML private MenuItem saveAsItem;
  @FXML private RadioMenuItem lightItem;
  @FXML private RadioMenuItem darkItem;
  @FXML private MenuItem tourItem;
  @FXML private VBox tourSlot;

  private MainWindow(Workbench workbench) {
    this.workbench = workbench;
    Fxml.load(this);
    JobPanel jobPanel = new JobPanel(workbench.jobList());
    VBox.setVgrow(jobPanel, Priority.ALWAYS);
    jobsPane.getChildren().add(jobPanel);
    SplitPane.setResizableWithParent(jobsPane, false);
    split.setDividerPositions(
        workbench.preferences().getDouble(JOBS_DIVIDER, DEFAULT_JOBS_DIVIDER));
    split
        .getDividers()
        .get(0)
        .positionProperty()
        .addListener((o, a, b) -> workbench.preferences().putDouble(JOBS_DIVIDER, b.doubleValue()));
    bottom.getChildren().add(new StatusBar(new StatusBarViewModel(workbench)));
    navigator.getItems().setAll(Workbench.VIEWS);
    navigator.setCellFactory(
        list ->
            new ListCell<>() {
              @Override
              protected void updateItem(NavigatorEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
              }
            });
    navigator
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((obs, old, entry) -> showView(entry));
    UndoHistory history = workbench.history();
    undoItem.disableProperty().bind(history.canUndoProperty().not());
    redoItem.disableProperty().bind(history.canRedoProperty().not());
    undoItem
        .textProperty()
        .bind(history.undoTextProperty().map(t -> t.isEmpty() ? "Undo" : "Undo " + t));
    redoItem
        .textProperty()
        .bind(history.redoTextProperty().map(t -> t.isEmpty() ? "Redo" : "Redo " + t));
    saveItem.disableProperty().bind(workbench.model().isNull());
    saveAsItem.disableProperty().bind(workbench.model().isNull());
    ToggleGroup themes = new ToggleGroup();
    lightItem.setToggleGroup(themes);
    darkItem.setToggleGroup(themes);
    workbench.recentProjects().addListener((ListChangeListener<Path>) c -> fillRecent());
    fillRecent();
  }

  /**
   * Builds the main window into {@code stage} at 1280x800 with the remembered theme and shows it.
   * The workbench is closed with the window.
   */
  public static MainWindow open(Workbench workbench, Stage stage) {
    MainWindow window = new MainWindow(workbench);
    Scene scene = new Scene(window, WIDTH, HEIGHT);
    window.applyTheme(Theme.remembered(workbench.preferences()), scene);
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(KeyCode.Y, KeyCombination.CONTROL_DOWN),
            workbench.history()::redo);
    scene.setOnDragOver(window::dragOver);
    scene.setOnDragDropped(window::dropped);
    stage.titleProperty().bind(workbench.title());
    appIcon().ifPresent(icon -> stage.getIcons().setAll(icon));
    stage.setScene(scene);
    workbench.setWindow(stage);
    workbench.setNavigator(window::show);
    stage.setOnHidden(e -> workbench.close());
    window.navigator.getSelectionModel().selectFirst();
    stage.show();
    return window;
  }

  /**
   * Starts the guided tour with {@code budget} in a bar above the views; the bar goes when the tour
   * ends. Returns the tour (one at a time: the menu item is disabled meanwhile).
   */
  public GuidedTour startTour(GuidedTour.Budget budget) {
    GuidedTour tour = GuidedTour.of(this, workbench, budget);
    TourBar bar = new TourBar(tour);
    tourSlot.getChildren().setAll(bar);
    tourItem.setDisable(true);
    tour.finishedProperty()
        .addListener(
            (o, a, ended) -> {
              if (ended) {
                tourSlot.getChildren().clear();
                tourItem.setDisable(false);
              }
            });
    tour.start();
    return tour;
  }

  @FXML
  private void guidedTour() {
    startTour(GuidedTour.Budget.REDUCED);
  }

  /**
   * The application icon, {@code assets/icon/prunelab.png} (256x256), which the build copies into
   * the jar beside this class; the installer uses the same file for the desktop entry.
   */
  static Optional<Image> appIcon() {
    java.net.URL url = MainWindow.class.getResource("prunelab.png");
    return url == null ? Optional.empty() : Optional.of(new Image(url.toExternalForm()));
  }

  /** Selects the navigator entry titled {@code title} and returns its view. */
  public Node show(String title) {
    NavigatorEntry entry =
        Workbench.VIEWS.stream()
            .filter(v -> v.title().equals(title))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no view '"
                            + title
                            + "'; views: "
                            + Workbench.VIEWS.stream().map(NavigatorEntry::title).toList()));
    navigator.getSelectionModel().select(entry);
    return built.get(entry);
  }

  private void showView(NavigatorEntry entry) {
    if (entry != null) {
      center.getChildren().setAll(built.computeIfAbsent(entry, e -> e.view().apply(workbench)));
    }
  }

  private void fillRecent() {
    List<MenuItem> items =
        workbench.recentProjects().stream()
            .map(
                p -> {
                  MenuItem item = new MenuItem(p.toString());
                  item.setMnemonicParsing(false);
                  item.setOnAction(e -> workbench.openProject(p));
                  return item;
                })
            .toList();
    recentMenu.getItems().setAll(items);
    recentMenu.setDisable(items.isEmpty());
  }

  /** Switches the theme and remembers it. */
  public void applyTheme(Theme theme, Scene scene) {
    theme.apply(scene);
    theme.remember(workbench.preferences());
    (theme == Theme.DARK ? darkItem : lightItem).setSelected(true);
  }

  private static boolean isModelFile(File f) {
    String name = f.getName().toLowerCase(Locale.ROOT);
    return name.endsWith(".onnx") || name.endsWith(".plm");
  }

  private void dragOver(DragEvent e) {
    if (e.getDragboard().hasFiles()
        && e.getDragboard().getFiles().stream().anyMatch(MainWindow::isModelFile)) {
      e.acceptTransferModes(TransferMode.COPY);
    }
    e.consume();
  }

  private void dropped(DragEvent e) {
    Optional<File> file =
        e.getDragboard().hasFiles()
            ? e.getDragboard().getFiles().stream().filter(MainWindow::isModelFile).findFirst()
            : Optional.empty();
    file.ifPresent(f -> workbench.openModelFile(f.toPath()));
    e.setDropCompleted(file.isPresent());
    e.consume();
  }

  @FXML
  private void openModel() {
    ModelFileChooser.choose(getScene().getWindow()).ifPresent(workbench::openModelFile);
  }

  @FXML
  private void openResultsStore() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open results store");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("PruneLab results (*.db)", "*.db"),
            new FileChooser.ExtensionFilter("All files", "*"));
    File file = chooser.showOpenDialog(getScene().getWindow());
    if (file != null) {
      workbench.openResultsStore(file.toPath());
    }
  }

  @FXML
  private void openProject() {
    File file = projectChooser("Open project").showOpenDialog(getScene().getWindow());
    if (file != null) {
      workbench.openProject(file.toPath());
    }
  }

  @FXML
  private void saveProject() {
    Path current = workbench.projectFile().get();
    if (current == null) {
      saveProjectAs();
    } else {
      workbench.saveProject(current);
    }
  }

  @FXML
  private void saveProjectAs() {
    File file = projectChooser("Save project").showSaveDialog(getScene().getWindow());
    if (file != null) {
      String name = file.getName();
      workbench.saveProject(
          name.endsWith(ProjectFile.EXTENSION)
              ? file.toPath()
              : file.toPath().resolveSibling(name + ProjectFile.EXTENSION));
    }
  }

  private static FileChooser projectChooser(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser
        .getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                "PruneLab project (*.prunelab)", "*" + ProjectFile.EXTENSION));
    return chooser;
  }

  @FXML
  private void quit() {
    ((Stage) getScene().getWindow()).close();
    Platform.exit();
  }

  @FXML
  private void undo() {
    workbench.history().undo();
  }

  @FXML
  private void redo() {
    workbench.history().redo();
  }

  @FXML
  private void lightTheme() {
    applyTheme(Theme.LIGHT, getScene());
  }

  @FXML
  private void darkTheme() {
    applyTheme(Theme.DARK, getScene());
  }
}
