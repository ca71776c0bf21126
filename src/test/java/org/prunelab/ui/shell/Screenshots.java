package org.prunelab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.ui.shell.WorkbenchFixture.awaitJob;
import static org.prunelab.ui.shell.WorkbenchFixture.onFx;
import static org.prunelab.ui.shell.WorkbenchFixture.runFx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prunelab.job.JobHandle;
import org.prunelab.results.JobResult;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.LoadedModel;
import org.prunelab.ui.allocation.AllocationView;
import org.prunelab.ui.chart.LiveChartBox;
import org.prunelab.ui.experiments.ExperimentsView;
import org.prunelab.ui.experiments.ExperimentsViewModel;
import org.prunelab.ui.experiments.SweepForm;
import org.prunelab.ui.features.FeaturesView;
import org.prunelab.ui.features.FeaturesViewModel;
import org.prunelab.ui.robustness.GalleryModel;
import org.prunelab.ui.robustness.RobustnessView;
import org.prunelab.ui.sensitivity.SensitivityView;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders every navigator view of the workbench (opened on the default model) and an error dialog
 * at 1280x800 in the light and the dark theme (the sensitivity and allocation views scored, the
 * allocation at 30 % of the parameters, optimal, pruned: the model view shows it before/after; the
 * experiments and robustness views on a quick sweep, the corruption gallery of test image 3) to
 * {@code target/screenshots/<view>-<theme>.png}, for a person to look at; run alone with {@code
 * ./mvnw -o test -Dtest=Screenshots}. Checks what a machine can: the images are full size, not
 * empty, and no label or button shows clipped text (an ellipsis where its text did not fit).
 */
@ExtendWith(ApplicationExtension.class)
class Screenshots {
  static final Path OUT = Path.of("target", "screenshots");
  private WorkbenchFixture fx;

  @Start
  void start(Stage stage) {
    fx = WorkbenchFixture.start(stage);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void everyViewInBothThemes() throws IOException {
    Files.createDirectories(OUT);
    JobHandle<LoadedModel> open = onFx(fx.workbench::openDefault);
    awaitJob(open);
    SensitivityView sensitivity = (SensitivityView) onFx(() -> fx.window.show("Sensitivity"));
    runFx(() -> sensitivity.viewModel().run());
    AllocationView allocation = (AllocationView) onFx(() -> fx.window.show("Allocation"));
    awaitJob(
        onFx(
            () ->
                fx.workbench
                    .jobs()
                    .submit("after the scoring jobs", ctx -> true, done -> {}, e -> {})));
    assertTrue(
        onFx(() -> allocation.viewModel().editor().applyBudget(0.3)),
        "optimal allocation at 30 % of the parameters");
    awaitJob(
        onFx(
            () ->
                fx.workbench
                    .jobs()
                    .submit("after the measuring job", ctx -> true, done -> {}, e -> {})));
    runFx(() -> fx.workbench.selectedLayer().set("layer2.0.conv1"));
    runFx(() -> allocation.viewModel().actions().prune());
    WorkbenchFixture.await(
        "Prune to be recorded",
        Duration.ofMinutes(5),
        () -> allocation.viewModel().actions().pruneTextProperty().get().contains("recorded as"));
    runFx(() -> allocation.viewModel().showBeforeAfter());
    runQuickSweep();
    showGallery(3);
    explainFeatures(1);
    for (Theme theme : Theme.values()) {
      runFx(() -> fx.window.applyTheme(theme, fx.stage.getScene()));
      for (NavigatorEntry entry : Workbench.VIEWS) {
        runFx(() -> fx.window.show(entry.title()));
        Path png = OUT.resolve(fileName(entry.title()) + "-" + fileName(theme.name()) + ".png");
        shoot(fx.stage.getScene(), png, 1280, 800);
      }
      onFx(() -> fx.workbench.openModel("absent-model.onnx", "fashion-mnist"));
      WorkbenchFixture.awaitErrorDialog();
      Scene dialog =
          onFx(
              () ->
                  javafx.stage.Window.getWindows().stream()
                      .filter(
                          w ->
                              w.getScene().getRoot().getId() != null
                                  && w.getScene().getRoot().getId().equals(ErrorDialog.PANE_ID))
                      .findFirst()
                      .orElseThrow()
                      .getScene());
      shoot(dialog, OUT.resolve("error-dialog-" + fileName(theme.name()) + ".png"), -1, -1);
      WorkbenchFixture.closeErrorDialogs();
    }
  }

  /**
   * Queues a quick sweep of the default model from the experiments view (pfp and ft at three keep
   * ratios, no retraining, 500 test images, clean, fog/3, gaussian_noise/3 and noise 0.05 and 0.1)
   * into the test store, waits for it and opens its first pfp run.
   */
  private void runQuickSweep() {
    ExperimentsView experiments = (ExperimentsView) onFx(() -> fx.window.show("Experiments"));
    ExperimentsViewModel model = experiments.viewModel();
    runFx(
        () -> {
          SweepForm form = model.form();
          form.nameProperty().set("screenshot sweep");
          form.spacingProperty().set(SweepForm.Spacing.LIST);
          form.listProperty().set("0.7, 0.5, 0.3");
          form.epochsProperty().set(1);
          form.retrainImagesProperty().set("2000");
          form.testImagesProperty().set("500");
          form.corruptions().setAll("fog", "gaussian_noise");
          form.noiseProperty().set("0.05, 0.1");
          model.queueSweep();
        });
    WorkbenchFixture.await(
        "the quick sweep", Duration.ofMinutes(20), () -> !model.runningProperty().get());
    fx.workbench.results().refresh();
    WorkbenchFixture.await(
        "the sweep's charts",
        Duration.ofSeconds(10),
        () ->
            model.sweepProperty().get() != null
                && model.sweepProperty().get().pruned().size() == 6);
    runFx(
        () -> {
          JobResult first = model.sweepProperty().get().jobs("pfp").get(0);
          model.selectPoint(
              "pfp", 100 * (1 - first.paramRatio()), ExperimentsViewModel.PointAxis.PRUNED_PARAMS);
        });
  }

  /** Shows the robustness view with the corruption gallery of test image {@code index}. */
  private void showGallery(int index) {
    RobustnessView robustness = (RobustnessView) onFx(() -> fx.window.show("Robustness"));
    GalleryModel gallery = robustness.viewModel().gallery();
    runFx(() -> gallery.imageIndexProperty().set(index));
    WorkbenchFixture.await(
        "the corruption gallery of test image " + index,
        Duration.ofSeconds(60),
        () ->
            onFx(
                () ->
                    gallery.imageProperty().get() != null
                        && gallery.descriptionProperty().get().startsWith("test image " + index)));
  }

  /**
   * Explains test image {@code index} in the features view (WT at keep 0.5, one shot, 4 x 4 pixel
   * features, so it takes seconds) and waits for the figure.
   */
  private void explainFeatures(int index) {
    FeaturesView features = (FeaturesView) onFx(() -> fx.window.show("Features"));
    FeaturesViewModel model = features.viewModel();
    runFx(
        () -> {
          model.imageIndexProperty().set(index);
          model.methodProperty().set(CompressionMethod.WT);
          model.keepRatioProperty().set(0.5);
          model.patchProperty().set(4);
          model.explain();
        });
    WorkbenchFixture.await(
        "the informative features of test image " + index,
        Duration.ofMinutes(2),
        () -> onFx(() -> model.figureProperty().get() != null));
  }

  private static String fileName(String title) {
    return title.toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  private static void shoot(Scene scene, Path png, int width, int height) throws IOException {
    WaitForAsyncUtils.waitForFxEvents(5);
    WorkbenchFixture.await(
        "the charts of " + png.getFileName() + " to be drawn",
        Duration.ofSeconds(30),
        () ->
            scene.getRoot().lookupAll(".live-chart").stream()
                .allMatch(n -> ((LiveChartBox) n).drawnProperty().get()));
    WaitForAsyncUtils.waitForFxEvents(2);
    List<String> clipped = onFx(() -> clippedTexts(scene.getRoot()));
    BufferedImage image = onFx(() -> SwingFXUtils.fromFXImage(scene.snapshot(null), null));
    ImageIO.write(image, "png", png.toFile());
    if (width > 0) {
      assertEquals(width, image.getWidth(), png.toString());
      assertEquals(height, image.getHeight(), png.toString());
    }
    assertTrue(colours(image) > 8, png + " is (nearly) empty");
    assertTrue(clipped.isEmpty(), png + ": clipped texts " + clipped);
  }

  /** Visible labels and buttons whose shown text differs from their text (JavaFX cut it to fit). */
  private static List<String> clippedTexts(Parent root) {
    root.applyCss();
    root.layout();
    List<String> clipped = new ArrayList<>();
    Set<Node> labeled = new HashSet<>();
    for (String selector :
        List.of(".label", ".button", ".menu-button", ".check-box", ".radio-button")) {
      labeled.addAll(root.lookupAll(selector));
    }
    for (Node n : labeled) {
      if (n instanceof Labeled l
          && l.isVisible()
          && l.getText() != null
          && !l.getText().isEmpty()
          && l.getScene() != null
          && !insideCell(l)) {
        String full = l.isMnemonicParsing() ? l.getText().replaceFirst("_", "") : l.getText();
        for (Node t : l.getChildrenUnmodifiable()) {
          if (t instanceof Text text && !text.getText().equals(full)) {
            clipped.add("'" + l.getText() + "' shown as '" + text.getText() + "'");
          }
        }
      }
    }
    return clipped;
  }

  /**
   * Table and list cells may cut long values (the full text is one column resize away); labels may
   * not.
   */
  private static boolean insideCell(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (p.getStyleClass().contains("table-cell") || p.getStyleClass().contains("list-cell")) {
        return true;
      }
    }
    return false;
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
