package org.prunelab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers of the view tests: read FX state from the test thread, wait for jobs, write screenshots. */
public final class ViewTestSupport {
  private ViewTestSupport() {}

  /** Calls {@code read} on the FX thread and returns its value. */
  public static <T> T fx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code action} on the FX thread and waits for it. */
  public static void onFx(Runnable action) {
    fx(() -> {
      action.run();
      return null;
    });
  }

  /** Waits (at most {@code seconds}) until {@code condition}, read on the FX thread, holds. */
  public static void await(int seconds, Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
    } catch (Exception e) {
      throw new AssertionError("condition not met within " + seconds + " s", e);
    }
  }

  /** Renders {@code scene} to {@code target/screenshots/name}. */
  public static Path screenshot(Scene scene, String name) {
    Path file = Path.of("target", "screenshots", name);
    onFx(() -> {
      try {
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return file;
  }
}
