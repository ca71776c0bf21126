package org.prunelab.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void fractionIsClampedAndIndeterminateWithoutTotal() {
    assertEquals(0.25, new Progress(1, 4, "a", 0).fraction());
    assertEquals(1.0, new Progress(9, 4, "a", 0).fraction());
    assertEquals(Progress.INDETERMINATE, new Progress(3, 0, "a", 0).fraction());
  }

  @Test
  void nullMessageBecomesEmpty() {
    assertEquals("", new Progress(0, 1, null, 0).message());
  }

  @Test
  void rejectsNegativeDoneNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Progress(-3, 4, "", 0));
    assertTrue(e.getMessage().contains("-3"), e.getMessage());
  }
}
