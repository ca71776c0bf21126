package org.prunelab.ui.shell;

import java.lang.management.ManagementFactory;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PruneLab workbench application: opens the {@link MainWindow} over a new {@link Workbench} and
 * loads the default model (the bundled trained ResNet-20 with Fashion-MNIST, or the labelled
 * built-in synthetic set when Fashion-MNIST is not installed). All engine work runs on the device
 * worker, never on the FX thread.
 */
public final class WorkbenchApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

  /** The user preferences node of the workbench (theme, recent projects). */
  public static final String PREFERENCES_NODE = "/org/prunelab/workbench";

  /** Starts the JavaFX runtime and opens the main window; returns when the window is closed. */
  public static void open(String[] args) {
    Application.launch(WorkbenchApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    Workbench workbench = new Workbench(Preferences.userRoot().node(PREFERENCES_NODE));
    MainWindow.open(workbench, stage);
    LOG.info(
        "first window shown {} ms after JVM start",
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    workbench.openDefault();
  }
}
