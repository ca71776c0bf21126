package org.prunelab.ui.shell;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * What the hand-run harnesses ({@link RealWindowRun}, {@link RetrainEpochBenchmark}) need from a
 * plain main thread: run a step on the FX thread and take its value, and poll a condition until it
 * holds.
 */
final class FxFromMain {
  private FxFromMain() {}

  /** Runs {@code action} on the FX thread and returns its value (or throws its exception). */
  static <T> T fx(Supplier<T> action) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(action.get());
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result.join();
  }

  /**
   * Polls {@code condition} every half second until it holds.
   *
   * @throws IllegalStateException naming {@code what} after {@code timeout}
   */
  static void waitFor(String what, Duration timeout, Supplier<Boolean> condition)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(500);
    }
  }
}
