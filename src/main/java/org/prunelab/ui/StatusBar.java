package org.prunelab.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** The window's status bar: compute device, engine, and JVM heap in use (refreshed every second). */
final class StatusBar extends HBox {
  private final Label device = new Label("device: starting engine…");
  private final Label engine = new Label();
  private final Label memory = new Label();

  StatusBar() {
    super(16);
    setPadding(new Insets(3, 8, 3, 8));
    getStyleClass().add("status-bar");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    getChildren().addAll(device, engine, spacer, memory);
    Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshMemory()));
    refresh.setCycleCount(Timeline.INDEFINITE);
    refresh.play();
    refreshMemory();
  }

  void showEngine(String deviceName, String engineName) {
    device.setText("device: " + deviceName);
    engine.setText("engine: " + engineName);
  }

  private void refreshMemory() {
    Runtime rt = Runtime.getRuntime();
    long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
    memory.setText("heap " + used + " / " + (rt.maxMemory() >> 20) + " MiB");
  }
}
