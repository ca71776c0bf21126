package org.prunelab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The window's status bar: compute device, engine, the opened model's dataset, JVM heap in use and
 * the process's resident memory (VmRSS from {@code /proc/self/status}, which includes libtorch's
 * native tensors), refreshed every second. Reading the two memory figures takes microseconds, so it
 * runs on the FX thread.
 */
final class StatusBar extends HBox {
  private static final Path PROC_STATUS = Path.of("/proc/self/status");
  private final Label device = new Label();
  private final Label engine = new Label();
  private final Label data = new Label("data: none");
  private final Label memory = new Label();

  StatusBar(Workbench workbench) {
    super(16);
    setPadding(new Insets(3, 8, 3, 8));
    getStyleClass().add("status-bar");
    device.setId("status-device");
    data.setId("status-data");
    device.textProperty().bind(workbench.device().map(d -> "device: " + d));
    engine.textProperty().bind(workbench.engine().map(e -> "engine: " + e));
    memory.setId("status-memory");
    data.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    workbench.model().get() == null
                        ? "data: none"
                        : "data: " + Workbench.datasetLabel(workbench.model().get().dataset()),
                workbench.model()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    getChildren().addAll(device, engine, data, spacer, memory);
    Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshMemory()));
    refresh.setCycleCount(Timeline.INDEFINITE);
    refresh.play();
    refreshMemory();
  }

  private void refreshMemory() {
    Runtime rt = Runtime.getRuntime();
    long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
    memory.setText(
        "heap "
            + used
            + " / "
            + (rt.maxMemory() >> 20)
            + " MiB"
            + residentMiB().map(r -> " · process " + r + " MiB resident").orElse(""));
  }

  /** VmRSS of this process in MiB, empty where {@code /proc} is not available. */
  static Optional<Long> residentMiB() {
    try {
      for (String line : Files.readAllLines(PROC_STATUS)) {
        if (line.startsWith("VmRSS:")) {
          return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
