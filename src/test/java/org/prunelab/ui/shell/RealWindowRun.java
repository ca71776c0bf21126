package org.prunelab.ui.shell;

import static org.prunelab.ui.shell.FxFromMain.fx;
import static org.prunelab.ui.shell.FxFromMain.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.prunelab.ui.experiments.ExperimentsView;
import org.prunelab.ui.experiments.ExperimentsViewModel;
import org.prunelab.ui.experiments.SweepForm;

/**
 * Drives the real workbench window (the platform's own Glass toolkit, e.g. GTK under Xvfb, not
 * Monocle) as a person would: it opens filling the screen on the default model, the experiments
 * view queues a quick sweep, and the X screen is captured with ImageMagick's {@code import -window
 * root} mid-run (two jobs landed) and at the end. Not a unit test; run it by hand under Xvfb:
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1920x1080x24" java -Dprism.order=sw -Dprunelab.results=/tmp/r.db \
 *   -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *   org.prunelab.ui.shell.RealWindowRun target/real-window
 * </pre>
 */
public final class RealWindowRun {
  private static final Duration WAIT = Duration.ofMinutes(15);

  private RealWindowRun() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/real-window");
    Files.createDirectories(out);
    CompletableFuture<MainWindow> opened = new CompletableFuture<>();
    Workbench[] workbench = new Workbench[1];
    Platform.startup(
        () -> {
          Stage stage = new Stage();
          workbench[0] =
              new Workbench(Preferences.userRoot().node("/org/prunelab/real-" + UUID.randomUUID()));
          MainWindow window = MainWindow.open(workbench[0], stage);
          Rectangle2D screen = Screen.getPrimary().getVisualBounds();
          stage.setX(screen.getMinX());
          stage.setY(screen.getMinY());
          stage.setWidth(screen.getWidth());
          stage.setHeight(screen.getHeight());
          workbench[0].openDefault();
          opened.complete(window);
        });
    MainWindow window = opened.get(60, TimeUnit.SECONDS);
    waitFor("the default model", WAIT, () -> fx(() -> workbench[0].model().get() != null));
    ExperimentsViewModel model =
        fx(() -> ((ExperimentsView) window.show("Experiments")).viewModel());
    fx(
        () -> {
          SweepForm form = model.form();
          form.nameProperty().set("real window " + System.currentTimeMillis());
          form.spacingProperty().set(SweepForm.Spacing.LIST);
          form.listProperty().set("0.8, 0.6, 0.4, 0.2");
          form.testImagesProperty().set("500");
          model.queueSweep();
          return null;
        });
    waitFor(
        "two jobs on the charts",
        WAIT,
        () ->
            fx(
                () ->
                    model.sweepProperty().get() != null
                        && model.sweepProperty().get().pruned().size() >= 2));
    Thread.sleep(1500);
    capture(out.resolve("experiments-mid-run.png"));
    waitFor("the sweep to end", WAIT, () -> fx(() -> !model.runningProperty().get()));
    Thread.sleep(3000);
    capture(out.resolve("experiments-end.png"));
    fx(
        () -> {
          window.getScene().getWindow().hide();
          return null;
        });
    Platform.exit();
    System.exit(0);
  }

  private static void capture(Path png) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("import", "-window", "root", png.toString()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException("import -window root failed for " + png);
    }
    System.err.println("captured " + png);
  }
}
