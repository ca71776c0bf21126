package org.prunelab.train;

import java.util.Arrays;
import org.prunelab.error.InvalidSettingException;

/**
 * Learning rate as a function of training progress, evaluated at every step with the fractional
 * epoch e = epoch + step / steps_per_epoch. Schedules: constant; step (lr gamma^floor(e / size));
 * multi-step (lr gamma^(milestones passed)); cosine (lr_min + (lr - lr_min)(1 + cos(pi e / E)) /
 * 2); and a linear warm-up from 0 over the first epochs that wraps any of them.
 */
public sealed interface LearningRateSchedule {

  /** The learning rate at fractional epoch {@code e}. */
  double at(double epoch);

  static LearningRateSchedule constant(double lr) {
    return new Step(lr, Integer.MAX_VALUE, 1);
  }

  /** Constant rate multiplied by gamma every {@code size} epochs. */
  record Step(double base, int size, double gamma) implements LearningRateSchedule {
    public Step {
      Checks.rate(base);
      if (size <= 0 || !(gamma > 0 && gamma <= 1)) {
        throw new InvalidSettingException(
            "step schedule needs size > 0 and gamma in (0, 1], got " + size + ", " + gamma);
      }
    }

    @Override
    public double at(double epoch) {
      return base * Math.pow(gamma, Math.floor(epoch / size));
    }
  }

  /** Rate multiplied by gamma at each milestone epoch passed. */
  record MultiStep(double base, int[] milestones, double gamma) implements LearningRateSchedule {
    public MultiStep {
      Checks.rate(base);
      milestones = milestones.clone();
      for (int i = 0; i < milestones.length; i++) {
        if (milestones[i] <= 0 || (i > 0 && milestones[i] <= milestones[i - 1])) {
          throw new InvalidSettingException(
              "milestones must be increasing positive epochs, got " + Arrays.toString(milestones));
        }
      }
      if (!(gamma > 0 && gamma <= 1)) {
        throw new InvalidSettingException("gamma must be in (0, 1], got " + gamma);
      }
    }

    @Override
    public double at(double epoch) {
      int passed = 0;
      for (int m : milestones) {
        if (epoch >= m) {
          passed++;
        }
      }
      return base * Math.pow(gamma, passed);
    }
  }

  /** Cosine annealing from base to min over {@code epochs}. */
  record Cosine(double base, double min, int epochs) implements LearningRateSchedule {
    public Cosine {
      Checks.rate(base);
      if (!(min >= 0 && min <= base) || epochs <= 0) {
        throw new InvalidSettingException(
            "cosine schedule needs 0 <= min <= base and epochs > 0, got min="
                + min
                + ", epochs="
                + epochs);
      }
    }

    @Override
    public double at(double epoch) {
      double t = Math.min(epoch / epochs, 1.0);
      return min + (base - min) * (1 + Math.cos(Math.PI * t)) / 2;
    }
  }

  /**
   * Linear warm-up: the wrapped schedule's rate scaled by e / epochs during the first {@code
   * epochs}.
   */
  record Warmup(double epochs, LearningRateSchedule after) implements LearningRateSchedule {
    public Warmup {
      if (!(epochs > 0)) {
        throw new InvalidSettingException("warm-up epochs must be positive, got " + epochs);
      }
    }

    @Override
    public double at(double epoch) {
      double target = after.at(epoch);
      return epoch < epochs ? target * (epoch + 1e-3) / epochs : target;
    }
  }

  /** Validation shared by the schedules. */
  final class Checks {
    private Checks() {}

    static void rate(double lr) {
      if (!(lr > 0) || Double.isInfinite(lr)) {
        throw new InvalidSettingException("learning rate must be positive and finite, got " + lr);
      }
    }
  }
}
