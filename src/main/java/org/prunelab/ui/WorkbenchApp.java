package org.prunelab.ui;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.prunelab.job.DeviceWorker;
import org.prunelab.nn.Devices;
import org.prunelab.ui.jobs.JobPanel;
import org.prunelab.ui.model.ModelView;
import org.prunelab.ui.model.ModelViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PruneLab workbench window: navigator on the left, the model view in the centre, the job panel and status
 * bar at the bottom. Opens on the bundled trained model and Fashion-MNIST; all engine work runs on the device
 * worker, never on the FX thread.
 */
public final class WorkbenchApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);
  private DeviceWorker worker;

  /** Starts the JavaFX runtime and opens the main window; returns when the window is closed. */
  public static void open(String[] args) {
    Application.launch(WorkbenchApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    worker = new DeviceWorker("cpu");
    JobPanel jobs = new JobPanel(worker);
    StatusBar status = new StatusBar();
    ModelViewModel model = new ModelViewModel(jobs);

    ListView<String> navigator = new ListView<>();
    navigator.getItems().add("Model");
    navigator.getSelectionModel().selectFirst();
    navigator.setPrefWidth(170);
    Label brand = new Label("PruneLab");
    brand.getStyleClass().add("brand");
    VBox left = new VBox(8, brand, navigator);
    left.setPadding(new Insets(10));

    BorderPane root = new BorderPane();
    root.setLeft(left);
    root.setCenter(new ModelView(model));
    root.setBottom(new VBox(jobs, status));
    Scene scene = new Scene(root, 1280, 800);
    scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
    stage.setTitle("PruneLab workbench");
    stage.setScene(scene);
    stage.show();
    LOG.info("first window shown {} ms after JVM start",
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());

    jobs.submit("Start engine", ctx -> Devices.describe(Devices.preferred()) + "|" + Devices.engineDescription(),
        s -> status.showEngine(s.split("\\|")[0], s.split("\\|")[1]), e -> status.showEngine("unavailable",
            e.getMessage()));
    model.loadDefault();
  }

  @Override
  public void stop() {
    if (worker != null) {
      worker.close();
    }
  }
}
