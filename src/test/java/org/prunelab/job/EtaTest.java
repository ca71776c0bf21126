package org.prunelab.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EtaTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void extrapolatesTheAverageRate() {
    Progress quarter = new Progress(25, 100, "", 10 * SECOND + SECOND);
    assertEquals(
        Optional.of(Duration.ofSeconds(3)), Eta.estimate(10 * SECOND, quarter, 11 * SECOND));
    assertEquals(
        Optional.of(Duration.ofSeconds(2)), Eta.estimate(10 * SECOND, quarter, 12 * SECOND));
  }

  @Test
  void neverNegativeAndZeroWhenDone() {
    Progress quarter = new Progress(25, 100, "", SECOND);
    assertEquals(Optional.of(Duration.ZERO), Eta.estimate(0, quarter, 60 * SECOND));
    assertEquals(
        Optional.of(Duration.ZERO), Eta.estimate(0, new Progress(7, 7, "", SECOND), SECOND));
  }

  @Test
  void emptyWithoutARate() {
    assertTrue(Eta.estimate(0, null, SECOND).isEmpty());
    assertTrue(Eta.estimate(0, new Progress(0, 10, "", SECOND), SECOND).isEmpty());
    assertTrue(Eta.estimate(0, new Progress(5, 0, "", SECOND), SECOND).isEmpty());
    assertTrue(Eta.estimate(SECOND, new Progress(5, 10, "", SECOND), SECOND).isEmpty());
  }
}
