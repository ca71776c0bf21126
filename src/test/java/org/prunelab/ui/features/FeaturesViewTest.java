package org.prunelab.ui.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.ui.shell.WorkbenchFixture.await;
import static org.prunelab.ui.shell.WorkbenchFixture.onFx;
import static org.prunelab.ui.shell.WorkbenchFixture.runFx;

import java.awt.image.BufferedImage;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prunelab.experiment.features.FeatureComparison;
import org.prunelab.experiment.features.FeatureExplanation;
import org.prunelab.service.CompressionMethod;
import org.prunelab.service.LoadedModel;
import org.prunelab.ui.TestWorkbenchContext;
import org.prunelab.ui.shell.WorkbenchFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Drives the real informative-features view on the bundled trained LeNet-5 with a real device
 * worker: test image 1 (a pullover the model is sure of), PFP at keep 0.5, 4 x 4 pixel features.
 * Explain shows the figure, both networks' SIS masks and the overlap line, with the numbers of the
 * explanation the job computed.
 */
@ExtendWith(ApplicationExtension.class)
class FeaturesViewTest {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static LoadedModel model;
  private TestWorkbenchContext context;
  private FeaturesView view;
  private Scene scene;

  @BeforeAll
  static void open() {
    model = TestWorkbenchContext.lenet5();
  }

  @AfterAll
  static void close() {
    model.network().close();
  }

  @Start
  void start(Stage stage) {
    context = new TestWorkbenchContext();
    context.setWindow(stage);
    view = new FeaturesView(context);
    VBox root = new VBox(view, context.jobPanel());
    VBox.setVgrow(view, Priority.ALWAYS);
    scene = new Scene(root, 1280, 800);
    stage.setScene(scene);
    stage.show();
    context.open(model);
  }

  @AfterEach
  void stop() {
    WorkbenchFixture.closeErrorDialogs();
    runFx(() -> context.open(null));
    context.close();
  }

  @Test
  void explainShowsBothNetworksMasksAndTheirOverlap(FxRobot robot) {
    FeaturesViewModel vm = view.viewModel();
    runFx(
        () -> {
          vm.imageIndexProperty().set(1);
          vm.methodProperty().set(CompressionMethod.PFP);
          vm.keepRatioProperty().set(0.5);
          vm.patchProperty().set(4);
        });
    assertEquals(
        CompressionMethod.PFP,
        onFx(() -> robot.lookup("#features-method").queryAs(ComboBox.class).getValue()));
    assertEquals(0.5, onFx(() -> robot.lookup("#features-keep").queryAs(Spinner.class).getValue()));
    robot.clickOn("#features-explain");
    await("the explanation", WAIT, () -> onFx(() -> vm.explanationProperty().get() != null));
    FeatureExplanation e = onFx(() -> vm.explanationProperty().get());
    assertEquals(1, e.index());
    assertEquals(2, e.label(), "test image 1 is a pullover");
    assertEquals(2, e.original().klass());
    assertTrue(e.original().sis().isPresent() && e.pruned().sis().isPresent(), e.toString());
    assertEquals(
        FeatureComparison.intersectionOverUnion(
            e.original().sis().get().features(), e.pruned().sis().get().features()),
        e.overlap(),
        1e-12);
    ImageView figure = robot.lookup("#features-figure").queryAs(ImageView.class);
    // five 28 x 6 = 168-pixel tiles, 4-pixel gaps, 8-pixel margins
    assertEquals(2 * 8 + 5 * 168 + 4 * 4, onFx(() -> figure.getImage().getWidth()), 0.5);
    String line = onFx(() -> robot.lookup("#features-description").queryAs(Label.class).getText());
    assertTrue(
        line.startsWith("test image 1, pfp at keep 0.50 (no retraining): the SISs overlap by "),
        line);
    // the masks drawn: SIS pixels are tinted orange in the unpruned (second) and pruned (fourth)
    // tiles
    BufferedImage drawn = onFx(() -> vm.figureProperty().get());
    assertTrue(tinted(drawn, 8 + 168 + 4, e, true), "unpruned SIS tinted");
    assertTrue(tinted(drawn, 8 + 3 * (168 + 4), e, false), "pruned SIS tinted");
    WorkbenchFixture.screenshot(scene, "features-view.png");
  }

  /** Whether the tile at {@code left} shows the SIS's first pixel in the orange tint. */
  private static boolean tinted(
      BufferedImage image, int left, FeatureExplanation e, boolean unpruned) {
    int feature = (unpruned ? e.original() : e.pruned()).sis().orElseThrow().features().get(0);
    int pixel = e.grid().pixels(feature)[0];
    int x = left + (pixel % 28) * 6 + 3;
    int y = 8 + 20 + 18 + (pixel / 28) * 6 + 3;
    int rgb = image.getRGB(x, y);
    int red = (rgb >> 16) & 0xff;
    int blue = rgb & 0xff;
    return red > blue + 60;
  }

  /**
   * A pruned file instead of the method: the model's own file explains exactly like the model, so
   * both SISs are the same and overlap 1; the method and keep controls are disabled meanwhile.
   */
  @Test
  void aPrunedFileIsExplainedInsteadOfTheMethod(FxRobot robot) {
    FeaturesViewModel vm = view.viewModel();
    runFx(
        () -> {
          vm.imageIndexProperty().set(2);
          vm.patchProperty().set(7);
          vm.prunedFileProperty().set(WorkbenchFixture.lenet5());
        });
    assertTrue(onFx(() -> robot.lookup("#features-keep").queryAs(Spinner.class).isDisabled()));
    String clear = onFx(() -> robot.lookup("#features-clear-file").queryAs(Button.class).getText());
    assertTrue(clear.startsWith("pruned file lenet5-fashion-mnist.plm"), clear);
    robot.clickOn("#features-explain");
    await("the explanation", WAIT, () -> onFx(() -> vm.explanationProperty().get() != null));
    FeatureExplanation e = onFx(() -> vm.explanationProperty().get());
    assertEquals(e.original().sis(), e.pruned().sis());
    assertEquals(1.0, e.overlap(), 0);
    String line = onFx(() -> robot.lookup("#features-description").queryAs(Label.class).getText());
    assertEquals("test image 2, lenet5-fashion-mnist.plm: the SISs overlap by 100 % (IoU)", line);
    robot.clickOn("#features-clear-file");
    assertTrue(onFx(() -> vm.prunedFileProperty().get() == null));
    assertTrue(onFx(() -> !robot.lookup("#features-keep").queryAs(Spinner.class).isDisabled()));
  }
}
