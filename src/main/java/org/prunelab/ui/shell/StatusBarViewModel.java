package org.prunelab.ui.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;
import org.prunelab.ui.DatasetLabels;

/**
 * State of the status bar: compute device, engine, the opened model's dataset, and JVM heap in use
 * with the process's resident memory (VmRSS from {@code /proc/self/status}, which includes
 * libtorch's native tensors), refreshed every second. Reading the two memory figures takes
 * microseconds, so it runs on the FX thread.
 */
public final class StatusBarViewModel {
  private static final Path PROC_STATUS = Path.of("/proc/self/status");
  private final Workbench workbench;
  private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper();

  /** The status of {@code workbench}; starts the memory refresh. */
  public StatusBarViewModel(Workbench workbench) {
    this.workbench = workbench;
    Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshMemory()));
    refresh.setCycleCount(Timeline.INDEFINITE);
    refresh.play();
    refreshMemory();
  }

  /** "device: ..." */
  public ObservableValue<String> deviceText() {
    return workbench.device().map(d -> "device: " + d);
  }

  /** "engine: ..." */
  public ObservableValue<String> engineText() {
    return workbench.engine().map(e -> "engine: " + e);
  }

  /** "data: <dataset of the opened model>", or "data: none". */
  public StringBinding dataText() {
    return Bindings.createStringBinding(
        () ->
            workbench.model().get() == null
                ? "data: none"
                : "data: " + DatasetLabels.of(workbench.model().get().dataset()),
        workbench.model());
  }

  /** "heap <used> / <max> MiB · process <resident> MiB resident". */
  public ReadOnlyStringProperty memoryText() {
    return memory.getReadOnlyProperty();
  }

  private void refreshMemory() {
    Runtime rt = Runtime.getRuntime();
    long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
    memory.set(
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
