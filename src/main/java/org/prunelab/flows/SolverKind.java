package org.prunelab.flows;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.prunelab.error.InvalidSettingException;

/**
 * The ODE solvers, by the names the command line will use: euler (order 1), midpoint (order 2), rk4
 * (order 4), all with fixed steps, and dopri5, the adaptive Dormand-Prince 5(4) pair.
 */
public enum SolverKind {
  EULER("euler", 1, ButcherTableau.EULER),
  MIDPOINT("midpoint", 2, ButcherTableau.MIDPOINT),
  RK4("rk4", 4, ButcherTableau.RK4),
  DOPRI5("dopri5", 5, ButcherTableau.DORMAND_PRINCE);

  private final String cliName;
  private final int order;
  private final ButcherTableau tableau;

  SolverKind(String cliName, int order, ButcherTableau tableau) {
    this.cliName = cliName;
    this.order = order;
    this.tableau = tableau;
  }

  /** The name on the command line and in messages. */
  public String cliName() {
    return cliName;
  }

  /** The order p of the method: the global error of a fixed-step solve shrinks as h^p. */
  public int order() {
    return order;
  }

  /** Whether the method chooses its own steps from rtol and atol. */
  public boolean adaptive() {
    return this == DOPRI5;
  }

  ButcherTableau tableau() {
    return tableau;
  }

  /** The kind named {@code name} (case-insensitive), or an error listing the names. */
  public static SolverKind parse(String name) {
    for (SolverKind k : values()) {
      if (k.cliName.equals(name.trim().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new InvalidSettingException(
        "unknown ODE solver '"
            + name
            + "'; known solvers: "
            + Arrays.stream(values()).map(SolverKind::cliName).collect(Collectors.joining(", ")));
  }
}
