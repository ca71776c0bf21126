package org.prunelab.flows;

import org.prunelab.error.PruneLabException;

/**
 * An ODE solve that cannot finish: the state became NaN or infinite (the message names the step
 * size or tolerance and the time reached), or the adaptive solver spent its step budget (the
 * message names rtol, atol and the budget). Each message says how to fix it.
 */
public class SolverException extends PruneLabException {
  /** Creates an exception whose message names the solver settings and the way out. */
  public SolverException(String message) {
    super(message);
  }

  /** x with 4 significant digits and no trailing zeros, for messages: 0.2, 3.4, 1e-10. */
  static String number(double x) {
    String s = String.format(java.util.Locale.ROOT, "%.4g", x);
    return s.replaceAll("(\\.\\d*?)0+(?=$|e)", "$1").replaceAll("\\.(?=$|e)", "");
  }
}
