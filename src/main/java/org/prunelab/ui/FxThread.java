package org.prunelab.ui;

import javafx.application.Platform;

/** The one place that hands work to the JavaFX application thread. */
public final class FxThread {
  private FxThread() {}

  /** Runs {@code action} on the FX thread: now if already there, else at the next pulse. */
  public static void run(Runnable action) {
    if (Platform.isFxApplicationThread()) {
      action.run();
    } else {
      Platform.runLater(action);
    }
  }

  /**
   * Runs {@code action} on the FX thread after the events already queued, never inline (to draw
   * once after several properties changed in one event).
   */
  public static void later(Runnable action) {
    Platform.runLater(action);
  }
}
