package org.prunelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.prunelab.error.InvalidSettingException;

/** Learning rate schedules at chosen epochs against their formulas evaluated by hand. */
class LearningRateScheduleTest {

  @Test
  void stepAndMultiStep() {
    LearningRateSchedule step = new LearningRateSchedule.Step(0.1, 10, 0.5);
    assertEquals(0.1, step.at(9.99), 1e-12);
    assertEquals(0.05, step.at(10), 1e-12);
    assertEquals(0.025, step.at(25), 1e-12);
    LearningRateSchedule multi = new LearningRateSchedule.MultiStep(0.1, new int[] {5, 8}, 0.1);
    assertEquals(0.1, multi.at(4.9), 1e-12);
    assertEquals(0.01, multi.at(5), 1e-12);
    assertEquals(0.001, multi.at(8.5), 1e-12);
  }

  @Test
  void cosineAndWarmup() {
    LearningRateSchedule cosine = new LearningRateSchedule.Cosine(0.2, 0, 10);
    assertEquals(0.2, cosine.at(0), 1e-12);
    assertEquals(0.1, cosine.at(5), 1e-12);
    assertEquals(0.2 * (1 + Math.cos(Math.PI * 0.75)) / 2, cosine.at(7.5), 1e-12);
    assertEquals(0, cosine.at(10), 1e-12);
    LearningRateSchedule warm = new LearningRateSchedule.Warmup(2, cosine);
    assertEquals(cosine.at(1) * (1 + 1e-3) / 2, warm.at(1), 1e-12);
    assertEquals(cosine.at(3), warm.at(3), 1e-12);
  }

  @Test
  void badValuesAreRejectedWithTheirValue() {
    InvalidSettingException e =
        assertThrows(
            InvalidSettingException.class, () -> new LearningRateSchedule.Cosine(-0.1, 0, 10));
    assertEquals(true, e.getMessage().contains("-0.1"));
    assertThrows(
        InvalidSettingException.class,
        () -> new LearningRateSchedule.MultiStep(0.1, new int[] {5, 3}, 0.1));
    assertThrows(InvalidSettingException.class, () -> OptimizerSpec.sgd(1.5, false, 0));
    assertThrows(
        InvalidSettingException.class,
        () ->
            new TrainingRecipe(
                0, 128, OptimizerSpec.adam(0), LearningRateSchedule.constant(0.1), 0, false, 0));
  }
}
