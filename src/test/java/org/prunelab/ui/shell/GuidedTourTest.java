package org.prunelab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.prunelab.ui.shell.WorkbenchFixture.await;
import static org.prunelab.ui.shell.WorkbenchFixture.onFx;
import static org.prunelab.ui.shell.WorkbenchFixture.runFx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prunelab.ui.experiments.ExperimentsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Help &gt; Guided tour completes end to end in the real window on the default trained ResNet-20,
 * on a budget reduced further than the tour's own (one keep ratio, 500 retraining images, 200 test
 * images): every step does its work, shows its caption and enables Next, and the last step ends the
 * tour and removes its bar.
 */
@ExtendWith(ApplicationExtension.class)
class GuidedTourTest {
  /**
   * A budget for CI; {@code -Dtour.full=true} runs the tour's own ({@link
   * GuidedTour.Budget#REDUCED}) to time it (delete target/workbench-results.db first, or the sweep
   * is already finished).
   */
  private static final GuidedTour.Budget BUDGET =
      Boolean.getBoolean("tour.full")
          ? GuidedTour.Budget.REDUCED
          : new GuidedTour.Budget(32, 0.5, 500, "0.5", 200);

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
  void theTourRunsEveryStepToTheEnd(FxRobot robot) {
    long start = System.nanoTime();
    GuidedTour tour = onFx(() -> fx.window.startTour(BUDGET));
    List<String> views = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    for (int i = 0; i < tour.size(); i++) {
      int step = i;
      await(
          "step " + (i + 1) + " to finish its work",
          Duration.ofMinutes(5),
          () -> tour.indexProperty().get() == step && tour.readyProperty().get());
      views.add(onFx(tour::view));
      steps.add(onFx(() -> robot.lookup("#tour-step").queryAs(Label.class).getText()));
      assertTrue(
          onFx(() -> robot.lookup("#tour-caption").queryAs(Label.class).getText()).length() > 80,
          "step " + (i + 1) + " explains its idea");
      Button next = robot.lookup("#tour-next").queryAs(Button.class);
      assertTrue(!onFx(next::isDisabled), "Next is enabled when the step is done");
      runFx(next::fire);
    }
    assertEquals(
        List.of("Start", "Sensitivity", "Allocation", "Allocation", "Experiments", "Robustness"),
        views);
    assertEquals("Guided tour, step 2 of 6: How much each channel matters", steps.get(1));
    assertTrue(onFx(() -> tour.finishedProperty().get()));
    assertTrue(robot.lookup("#tour-bar").tryQuery().isEmpty(), "the bar is gone");
    ExperimentsView experiments = (ExperimentsView) onFx(() -> fx.window.show("Experiments"));
    assertNotNull(onFx(() -> experiments.viewModel().sweepProperty().get()));
    assertEquals(
        2 * BUDGET.keepRatios().split(",").length,
        onFx(() -> experiments.viewModel().sweepProperty().get().pruned().size()),
        "pfp and ft at every keep ratio");
    System.err.printf(
        "guided tour done in %.0f s; budget %s%n", (System.nanoTime() - start) / 1e9, BUDGET);
  }
}
