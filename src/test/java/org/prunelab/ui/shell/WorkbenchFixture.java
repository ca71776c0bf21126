package org.prunelab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.prunelab.job.JobHandle;
import org.prunelab.service.LoadedModel;
import org.prunelab.ui.jobs.JobRowViewModel;
import org.prunelab.zoo.BundledModels;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real workbench window in a TestFX stage (headless under Monocle, see the surefire
 * settings) with throw-away preferences, and offers the waits GUI tests need. Create it in a TestFX
 * {@code @Start} method and {@link #close} it after each test.
 */
public final class WorkbenchFixture implements AutoCloseable {
  /** Longest wait for a job (opening a model reads 70,000 Fashion-MNIST images). */
  public static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);

  public final Workbench workbench;
  public final MainWindow window;
  public final Stage stage;
  private final Preferences prefs;

  private WorkbenchFixture(Stage stage) {
    this.stage = stage;
    this.prefs = Preferences.userRoot().node("/org/prunelab/test/" + UUID.randomUUID());
    this.workbench = new Workbench(prefs);
    this.window = MainWindow.open(workbench, stage);
  }

  /**
   * Opens the workbench in {@code stage}; call on the FX thread (a TestFX {@code @Start} method).
   */
  public static WorkbenchFixture start(Stage stage) {
    return new WorkbenchFixture(stage);
  }

  /** The bundled trained LeNet-5 (small and quick to open). */
  public static Path lenet5() {
    return BundledModels.find(BundledModels.LENET5)
        .orElseThrow(
            () -> new AssertionError("assets/models/" + BundledModels.LENET5 + " is missing"));
  }

  /** Runs {@code action} on the FX thread and returns its value. */
  public static <T> T onFx(Callable<T> action) {
    try {
      return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("FX action failed: " + e, e);
    }
  }

  /** Runs {@code action} on the FX thread and waits for it. */
  public static void runFx(Runnable action) {
    onFx(
        () -> {
          action.run();
          return null;
        });
  }

  /**
   * Waits until {@code condition}, evaluated on the FX thread, holds; fails naming {@code what} on
   * timeout.
   */
  public static void await(String what, Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!onFx(condition::getAsBoolean)) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      sleep(20);
    }
  }

  /** Renders {@code scene} to {@code target/screenshots/name}. */
  public static Path screenshot(Scene scene, String name) {
    Path file = Path.of("target", "screenshots", name);
    runFx(
        () -> {
          try {
            Files.createDirectories(file.getParent());
            ImageIO.write(
                SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return file;
  }

  /** Waits for a job to end (any way) and for its FX-thread callbacks to have run. */
  public static <T> void awaitJob(JobHandle<T> job) {
    await("job '" + job.name() + "' to end", JOB_TIMEOUT, () -> job.state().isTerminal());
    WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * Opens {@code source} with {@code dataset} and waits for the load; asserts that it succeeded.
   */
  public LoadedModel open(String source, String dataset) {
    JobHandle<LoadedModel> job = onFx(() -> workbench.openModel(source, dataset));
    awaitJob(job);
    assertTrue(
        job.result().isDone() && !job.result().isCompletedExceptionally(),
        () ->
            "opening "
                + source
                + " failed: "
                + job.result().handle((v, e) -> String.valueOf(e)).join());
    return onFx(() -> workbench.model().get());
  }

  /**
   * The job panel's row of the job named {@code name}, scrolled into view first (the list builds
   * rows for its visible part only). Look it up again after the job moved: rows are reused.
   */
  @SuppressWarnings("unchecked")
  public static Node jobRow(FxRobot robot, String name) {
    await(
        "the job row '" + name + "' to be shown",
        Duration.ofSeconds(10),
        () -> {
          ListView<JobRowViewModel> list = robot.lookup("#job-list").queryAs(ListView.class);
          if (shownRow(robot, name).isPresent()) {
            return true;
          }
          list.getItems().stream()
              .filter(j -> j.name().equals(name))
              .findFirst()
              .ifPresent(list::scrollTo);
          return false;
        });
    return onFx(() -> shownRow(robot, name).orElseThrow());
  }

  private static Optional<Node> shownRow(FxRobot robot, String name) {
    return robot
        .lookup(".job-row")
        .match(
            (Node r) ->
                r.isVisible()
                    && r.lookup(".job-name") instanceof Label l
                    && l.getText().equals(name))
        .tryQuery();
  }

  /** The text of the error dialog now showing, if one is. */
  public static Optional<String> errorDialogText() {
    return onFx(
        () ->
            errorPanes().stream()
                .findFirst()
                .map(p -> p.getHeaderText() + "\n" + ((Label) p.getContent()).getText()));
  }

  /** Waits for an error dialog and returns its header and message. */
  public static String awaitErrorDialog() {
    await("an error dialog", JOB_TIMEOUT, () -> !errorPanes().isEmpty());
    return errorDialogText().orElseThrow();
  }

  /** Closes every open error dialog. */
  public static void closeErrorDialogs() {
    runFx(() -> errorPanes().forEach(p -> ((Stage) p.getScene().getWindow()).close()));
  }

  private static List<DialogPane> errorPanes() {
    return Window.getWindows().stream()
        .filter(Window::isShowing)
        .map(w -> w.getScene().getRoot())
        .filter(r -> r instanceof DialogPane && ErrorDialog.PANE_ID.equals(r.getId()))
        .map(r -> (DialogPane) r)
        .toList();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Closes dialogs, shuts the workbench's worker down (closing the model) and drops the
   * preferences.
   */
  @Override
  public void close() {
    closeErrorDialogs();
    runFx(workbench::close);
    // the stage is reused by the next test: detach this window first, so no later layout pass
    // writes its divider position into the preferences removed below
    runFx(() -> stage.setScene(null));
    try {
      prefs.removeNode();
    } catch (BackingStoreException e) {
      throw new AssertionError("could not remove test preferences", e);
    }
  }
}
