package org.prunelab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The PruneLab workbench window (JavaFX application). */
public final class WorkbenchApp extends Application {

  /** Starts the JavaFX runtime and opens the main window; returns when the window is closed. */
  public static void open(String[] args) {
    Application.launch(WorkbenchApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    stage.setTitle("PruneLab");
    stage.setScene(new Scene(new javafx.scene.layout.BorderPane(), 1280, 800));
    stage.show();
  }
}
