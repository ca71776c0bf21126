package org.prunelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The engine the tests run on computes the self-check's convolutions exactly (surefire caps oneDNN
 * at SSE4.1); if a new libtorch or machine breaks them, every numeric test below would be suspect,
 * so this fails first.
 */
class EngineSelfCheckTest {

  @Test
  void convolutionsMatchTheFloat64Reference() {
    assertEquals(Optional.empty(), EngineSelfCheck.run());
  }
}
