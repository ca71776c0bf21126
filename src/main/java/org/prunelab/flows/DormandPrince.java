package org.prunelab.flows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The adaptive Dormand-Prince 5(4) solver ("dopri5"): each step takes the fifth-order solution and
 * estimates its local error as the difference to the embedded fourth-order one, err = h sum_i e_i
 * k_i. With the scale sc = atol + rtol max(|y|, |y'|) per entry, the step is accepted when the RMS
 * norm ||err / sc|| is at most 1; either way the next step is h' = h min(10, max(0.2, 0.9
 * ||err/sc||^(-1/5))) (at most h after a rejection). The first step follows Hairer, Norsett and
 * Wanner (Solving ODEs I, II.4): from d0 = ||y0||, d1 = ||f0||, h0 = 0.01 d0/d1 and d2 = ||f(t0 +
 * h0, y0 + h0 f0) - f0|| / h0, h = min(100 h0, (0.01 / max(d1, d2))^(1/5)). The last stage is f at
 * the new state and serves as the next step's first (6 evaluations per step after the first). A
 * solve that needs more than {@code maxSteps} attempted steps fails with a {@link SolverException}.
 */
public final class DormandPrince implements OdeSolver {
  private static final double SAFETY = 0.9;
  private static final double MIN_FACTOR = 0.2;
  private static final double MAX_FACTOR = 10;

  private final RungeKuttaStep step = new RungeKuttaStep(ButcherTableau.DORMAND_PRINCE);
  private final double rtol;
  private final double atol;
  private final int maxSteps;

  /** A solver with relative and absolute tolerances and a budget of attempted steps per solve. */
  public DormandPrince(double rtol, double atol, int maxSteps) {
    if (!(rtol > 0) || !(atol > 0) || maxSteps < 1) {
      throw new IllegalArgumentException(
          "dopri5 needs rtol > 0, atol > 0 and maxSteps >= 1, got "
              + rtol
              + ", "
              + atol
              + ", "
              + maxSteps);
    }
    this.rtol = rtol;
    this.atol = atol;
    this.maxSteps = maxSteps;
  }

  @Override
  public OdeSolution solve(VectorField field, NDArray y0, double t0, double t1) {
    if (t0 == t1) {
      return new OdeSolution(y0, 0, 0, 0);
    }
    double direction = Math.signum(t1 - t0);
    NDArray f0 = field.at(t0, y0);
    int evaluations = 1;
    double h = direction * initialStep(field, y0, f0, t0);
    evaluations++;
    h = direction * Math.min(Math.abs(h), Math.abs(t1 - t0));
    double t = t0;
    NDArray y = y0;
    NDArray first = f0;
    int accepted = 0;
    int rejected = 0;
    boolean lastRejected = false;
    while (direction * (t1 - t) > 0) {
      if (accepted + rejected >= maxSteps) {
        throw new SolverException(
            String.format(
                "dopri5 spent its budget of %d steps at t = %s of [%s, %s] (rtol %s,"
                    + " atol %s, last step size %s): the tolerance needs more steps than"
                    + " allowed; raise the step budget, loosen rtol/atol, or use a fixed-step"
                    + " solver (rk4)",
                maxSteps,
                SolverException.number(t),
                SolverException.number(t0),
                SolverException.number(t1),
                SolverException.number(rtol),
                SolverException.number(atol),
                SolverException.number(Math.abs(h))));
      }
      boolean last = direction * (t + h - t1) >= 0;
      double stepSize = last ? t1 - t : h;
      NDArray[] k = step.stages(field, t, y, stepSize, first);
      evaluations += k.length - 1;
      NDArray next = step.advance(y, stepSize, k);
      double norm = errorNorm(step.errorEstimate(stepSize, k), y, next);
      double factor =
          norm == 0
              ? MAX_FACTOR
              : Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, SAFETY * Math.pow(norm, -0.2)));
      if (norm <= 1) {
        requireFinite(next, t + stepSize, stepSize);
        t = last ? t1 : t + stepSize;
        y = next;
        first = k[k.length - 1];
        accepted++;
        h = stepSize * (lastRejected ? Math.min(1, factor) : factor);
        lastRejected = false;
      } else {
        if (Double.isNaN(norm)) {
          requireFiniteField(k[0], t);
        }
        h = stepSize * (Double.isNaN(norm) ? MIN_FACTOR : Math.min(1, factor));
        rejected++;
        lastRejected = true;
      }
    }
    return new OdeSolution(y, evaluations, accepted, rejected);
  }

  @Override
  public String describe() {
    return "dopri5 with rtol "
        + SolverException.number(rtol)
        + ", atol "
        + SolverException.number(atol)
        + ", at most "
        + maxSteps
        + " steps";
  }

  private double initialStep(VectorField field, NDArray y0, NDArray f0, double t0) {
    NDArray scale = y0.abs().mul(rtol).add(atol);
    double d0 = rms(y0, scale);
    double d1 = rms(f0, scale);
    double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
    NDArray f1 = field.at(t0 + h0, y0.add(f0.mul(h0)));
    double d2 = rms(f1.sub(f0), scale) / h0;
    double h1 =
        Math.max(d1, d2) <= 1e-15
            ? Math.max(1e-6, h0 * 1e-3)
            : Math.pow(0.01 / Math.max(d1, d2), 0.2);
    return Math.min(100 * h0, h1);
  }

  /** ||err / (atol + rtol max(|y|, |y'|))||, the root mean square over every entry. */
  private double errorNorm(NDArray err, NDArray y, NDArray next) {
    NDArray scale = y.abs().maximum(next.abs()).mul(rtol).add(atol);
    return rms(err, scale);
  }

  private static double rms(NDArray x, NDArray scale) {
    return x.div(scale).square().mean().sqrt().toType(DataType.FLOAT64, false).getDouble();
  }

  /** A field that is not finite at an accepted state cannot be cured by smaller steps. */
  private void requireFiniteField(NDArray f, double t) {
    double size = RungeKuttaStep.largestMagnitude(f);
    if (!Double.isFinite(size)) {
      throw new SolverException(
          String.format(
              "the vector field is %s at t = %s on a finite state (dopri5, rtol %s, atol %s):"
                  + " its parameters or inputs hold NaN or overflow; lower the learning rate if"
                  + " this happened while training",
              Double.isNaN(size) ? "NaN" : "infinite",
              SolverException.number(t),
              SolverException.number(rtol),
              SolverException.number(atol)));
    }
  }

  private void requireFinite(NDArray y, double t, double stepSize) {
    double size = RungeKuttaStep.largestMagnitude(y);
    if (!Double.isFinite(size)) {
      throw new SolverException(
          String.format(
              "the ODE state became %s at t = %s (dopri5, rtol %s, atol %s, step size"
                  + " %s): the field diverges; tighten rtol/atol, or lower the learning rate if"
                  + " this happened while training",
              Double.isNaN(size) ? "NaN" : "infinite",
              SolverException.number(t),
              SolverException.number(rtol),
              SolverException.number(atol),
              SolverException.number(Math.abs(stepSize))));
    }
  }
}
